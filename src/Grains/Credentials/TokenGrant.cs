using Actors.Grains.Io;

namespace Actors.Grains.Credentials;

/// <summary>A token a caller may use until <see cref="UsableUntil"/>, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("Actors.TokenGrant")]
public sealed record TokenGrant(
    [property: Id(0)] string? AccessToken,
    [property: Id(1)] long Version,
    [property: Id(2)] DateTimeOffset UsableUntil,
    [property: Id(3)] IoFailure Failure,
    [property: Id(4)] TimeSpan? RetryAfter,
    [property: Id(5)] DateTimeOffset CallsPausedUntil = default)
{
    public static readonly TokenGrant Missing = Failed(IoFailure.CredentialsMissing);

    public static TokenGrant Failed(IoFailure failure, TimeSpan? retryAfter = null) => new(null, 0, default, failure, retryAfter);

    /// <param name="callsPausedUntil">io asked (with a 429) that the tenant's calls wait until then.</param>
    internal static TokenGrant From(IssuedToken token, DateTimeOffset callsPausedUntil) =>
        new(token.AccessToken, token.Version, token.UsableUntil, IoFailure.None, null, callsPausedUntil);

    /// <summary>Orleans logs messages with their text at Trace level: the token must never be part of it.</summary>
    public override string ToString() => $"TokenGrant {{ Version = {Version}, UsableUntil = {UsableUntil:O}, Failure = {Failure} }}";
}
