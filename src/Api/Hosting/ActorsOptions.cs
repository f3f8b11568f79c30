namespace Actors.Api.Hosting;

/// <summary>The Api's own settings, bound from the <c>Actors</c> section.</summary>
public sealed class ActorsOptions
{
    public const string Section = "Actors";

    /// <summary>The admin bearer key. Required outside Development, where a fixed dev key is used.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Largest request body passed to io; a larger one is answered 413. Default 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Proxies (CIDR ranges) whose <c>X-Forwarded-For</c> is believed. Default: none, not even loopback.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Each tenant's token bucket for io calls, so that one tenant cannot spend io's quota for everyone.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();
}

public sealed class RateLimitOptions
{
    /// <summary>Most calls a tenant may burst. Default 200.</summary>
    public int TokenLimit { get; set; } = 200;

    /// <summary>Calls added back each period. Default 100.</summary>
    public int TokensPerPeriod { get; set; } = 100;

    /// <summary>Default 1 s: with the defaults, 100 calls a second sustained per tenant.</summary>
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
