using System.Net;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Io;

/// <summary>io refuses plain HTTP, so an http:// base address is a configuration mistake unless it points at a local sandbox.</summary>
internal sealed class IoOptionsValidator : IValidateOptions<IoOptions>
{
    public ValidateOptionsResult Validate(string? name, IoOptions options)
    {
        if (options.DefaultTokenLifetime <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail("Io:DefaultTokenLifetime must be positive.");
        if (options.AttemptTimeout <= TimeSpan.Zero || options.CallBudget < options.AttemptTimeout)
            return ValidateOptionsResult.Fail("Io:AttemptTimeout must be positive and no longer than Io:CallBudget.");
        var url = options.BaseUrl;
        if (url is null || !url.IsAbsoluteUri)
            return ValidateOptionsResult.Fail("Io:BaseUrl must be an absolute https:// address.");
        if (url.Scheme == Uri.UriSchemeHttps)
            return ValidateOptionsResult.Success;
        if (url.Scheme != Uri.UriSchemeHttp)
            return ValidateOptionsResult.Fail($"Io:BaseUrl must use https, not '{url.Scheme}'.");
        if (!options.AllowInsecureLoopback)
            return ValidateOptionsResult.Fail(
                $"Io:BaseUrl '{url}' uses plain http, which io refuses. Use https, or set Io:AllowInsecureLoopback=true for a loopback sandbox.");
        if (!IsLoopback(url))
            return ValidateOptionsResult.Fail(
                $"Io:BaseUrl '{url}' uses plain http on a host that is not loopback; Io:AllowInsecureLoopback only allows loopback hosts.");
        return ValidateOptionsResult.Success;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
