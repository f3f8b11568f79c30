using System.Net;
using Microsoft.Extensions.Options;

namespace Actors.Api.Hosting;

/// <summary>Refuses to start with settings that would leave the Api open or broken.</summary>
internal sealed class ActorsOptionsValidator : IValidateOptions<ActorsOptions>
{
    internal const int MinimumAdminKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ActorsOptions options)
    {
        var failures = new List<string>();
        // Anyone holding the admin key can read and replace every tenant's credentials.
        if (options.AdminKey is not { Length: >= MinimumAdminKeyLength })
            failures.Add($"Actors:AdminKey must be set to a random key of at least {MinimumAdminKeyLength} characters.");
        if (options.MaxRequestBodyBytes <= 0)
            failures.Add("Actors:MaxRequestBodyBytes must be positive.");
        foreach (var proxy in options.TrustedProxies.Where(p => !IPNetwork.TryParse(p, out _)))
            failures.Add($"Actors:TrustedProxies entry '{proxy}' is not a CIDR range such as 10.0.0.0/8.");
        var rate = options.RateLimit;
        if (rate.TokenLimit <= 0 || rate.TokensPerPeriod <= 0 || rate.ReplenishmentPeriod <= TimeSpan.Zero)
            failures.Add("Actors:RateLimit:TokenLimit, TokensPerPeriod and ReplenishmentPeriod must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
