namespace Actors.Grains.ApiKeys;

/// <summary>One per tenant API key (key: the key's public id): who the key belongs to, and whether a presented secret matches.</summary>
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>Records a new key for the tenant. False if the id is already taken.</summary>
    Task<bool> Issue(string tenantId, byte[] secretHash);

    /// <summary>The tenant the key belongs to when the secret's hash matches, else null.</summary>
    [ReadOnly]
    Task<string?> Authenticate(byte[] secretHash);

    /// <summary>Erases the key if it belongs to the tenant. False if there was no such key for that tenant.</summary>
    Task<bool> Revoke(string tenantId);
}
