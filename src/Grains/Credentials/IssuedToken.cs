namespace Actors.Grains.Credentials;

/// <summary>The tenant's current token and the moments that matter for it. Kept in memory only.</summary>
internal sealed record IssuedToken(string AccessToken, long Version, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, DateTimeOffset UsableUntil, DateTimeOffset RenewAt)
{
    /// <summary>Longest safety margin before expiry during which a token is no longer handed out.</summary>
    private static readonly TimeSpan MaxSafetyMargin = TimeSpan.FromSeconds(10);

    /// <summary>Never print the token, wherever this record ends up.</summary>
    public override string ToString() => $"IssuedToken {{ Version = {Version}, ExpiresAt = {ExpiresAt:O} }}";

    /// <param name="requestedAt">When the token was asked for: io's clock started no earlier, so expiry is never overestimated.</param>
    public static IssuedToken Create(string accessToken, long version, DateTimeOffset requestedAt, TimeSpan lifetime, TokenOptions options, double random)
    {
        var expiresAt = requestedAt + lifetime;
        // Never handed out in its last 10 % (at most 10 s), so that it cannot expire on its way to io.
        var margin = TimeSpan.FromTicks(Math.Min(lifetime.Ticks / 10, MaxSafetyMargin.Ticks));
        var usableUntil = expiresAt - margin;
        var renewAt = requestedAt + lifetime * (options.RefreshAheadAt + options.RefreshJitter * random);
        return new IssuedToken(accessToken, version, requestedAt, expiresAt, usableUntil, renewAt < usableUntil ? renewAt : usableUntil);
    }
}
