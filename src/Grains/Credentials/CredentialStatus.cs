namespace Actors.Grains.Credentials;

/// <summary>What an operator may know about a tenant's credentials: never the secret, never the token.</summary>
[GenerateSerializer, Immutable, Alias("Actors.CredentialStatus")]
public sealed record CredentialStatus(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string? ClientId,
    [property: Id(2)] string State,
    [property: Id(3)] DateTimeOffset? TokenExpiresAt,
    [property: Id(4)] DateTimeOffset? LastRefreshAt,
    [property: Id(5)] int RefreshCount,
    [property: Id(6)] int ConsecutiveFailures,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? UpdatedAt);

public static class CredentialStates
{
    public const string Active = "active";
    public const string Rejected = "rejected";
    public const string None = "none";
}
