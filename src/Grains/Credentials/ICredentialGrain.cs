using Actors.Grains.Forwarding;

namespace Actors.Grains.Credentials;

/// <summary>One per tenant (key: tenant id): owns the tenant's io client pair, its token and every token request.</summary>
public interface ICredentialGrain : IGrainWithStringKey
{
    /// <summary>Verifies a client pair against io and, only if io accepts it, makes it the tenant's credentials.</summary>
    Task<CredentialChange> Register(string clientId, string clientSecret);

    /// <summary>Erases the secret and the token from memory and storage.</summary>
    Task Revoke();

    /// <summary>The state of the tenant's credentials, without the secret or the token.</summary>
    [AlwaysInterleave]
    Task<CredentialStatus> GetStatus();

    /// <summary>A usable token, renewed first if needed; every caller during a renewal awaits the same one.</summary>
    /// <param name="holder">The grain that will lease the token, told to drop it on revocation or rotation; null for a one-off use.</param>
    [AlwaysInterleave]
    Task<TokenGrant> GetToken(ITokenLeaseHolder? holder);

    /// <summary>io answered 429 for this tenant: its grains hold further calls for that long (capped), cluster-wide.</summary>
    [AlwaysInterleave]
    Task PauseCalls(TimeSpan wait);

    /// <summary>io refused the token of this version: renew if it is still the current one, then hand out the current token.</summary>
    [AlwaysInterleave]
    Task<TokenGrant> ReportRefused(long tokenVersion);
}
