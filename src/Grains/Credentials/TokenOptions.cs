namespace Actors.Grains.Credentials;

/// <summary>When tokens are renewed and how hard a failing token endpoint is braked. Bound from <c>Actors:Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string Section = "Actors:Tokens";

    /// <summary>Share of a token's lifetime after which it is renewed ahead of expiry. Default 0.75.</summary>
    public double RefreshAheadAt { get; set; } = 0.75;

    /// <summary>Up to this share of the lifetime is added at random, so tenants do not renew in lockstep. Default 0.05.</summary>
    public double RefreshJitter { get; set; } = 0.05;

    /// <summary>First pause after io rejects the credentials; doubles on each further rejection. Default 30 s.</summary>
    public TimeSpan RejectedCooldown { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause after repeated rejections. Default 1 h.</summary>
    public TimeSpan MaxRejectedCooldown { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most one renewal in this interval because io refused (401) the current token. Default 30 s.</summary>
    public TimeSpan RefusedTokenRenewalInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pause after io's token endpoint could not answer (retries spent). Default 30 s.</summary>
    public TimeSpan UnavailableCooldown { get; set; } = TimeSpan.FromSeconds(30);
}
