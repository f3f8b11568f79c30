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
        if (options.MaxRetries is < 0 or > 10)
            return ValidateOptionsResult.Fail("Io:MaxRetries must be between 0 and 10.");
        if (options.MaxResponseBytes <= 0)
            return ValidateOptionsResult.Fail("Io:MaxResponseBytes must be positive.");
        if ((BreakerProblem("Io:TenantBreaker", options.TenantBreaker) ?? BreakerProblem("Io:IoBreaker", options.IoBreaker)) is { } breaker)
            return ValidateOptionsResult.Fail(breaker);
        var url = options.BaseUrl;
        if (url is null || !url.IsAbsoluteUri)
            return ValidateOptionsResult.Fail("Io:BaseUrl must be an absolute https:// address.");
        if (url.Scheme == Uri.UriSchemeHttps)
            return ValidateOptionsResult.Success;
        if (url.Scheme != Uri.UriSchemeHttp)
            return ValidateOptionsResult.Fail($"Io:BaseUrl must use https, not '{url.Scheme}'.");
        if (!string.IsNullOrEmpty(options.AllowInsecureHost) && string.Equals(url.Host, options.AllowInsecureHost, StringComparison.OrdinalIgnoreCase))
            return ValidateOptionsResult.Success;
        if (!options.AllowInsecureLoopback)
            return ValidateOptionsResult.Fail(
                $"Io:BaseUrl '{url}' uses plain http, which io refuses. Use https, or set Io:AllowInsecureLoopback=true for a loopback sandbox.");
        if (!IsLoopback(url))
            return ValidateOptionsResult.Fail(
                $"Io:BaseUrl '{url}' uses plain http on a host that is not loopback; Io:AllowInsecureLoopback only allows loopback hosts.");
        return ValidateOptionsResult.Success;
    }

    /// <summary>Polly's own limits for a circuit breaker, said in configuration terms.</summary>
    private static string? BreakerProblem(string section, BreakerOptions breaker) =>
        breaker.FailureRatio is <= 0 or > 1 ? $"{section}:FailureRatio must be above 0 and at most 1."
        : breaker.MinimumThroughput < 2 ? $"{section}:MinimumThroughput must be at least 2."
        : breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || breaker.BreakDuration < TimeSpan.FromMilliseconds(500)
            ? $"{section}:SamplingDuration and BreakDuration must be at least 0.5 s."
        : null;

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
