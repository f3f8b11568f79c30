namespace Actors.Grains.Access;

/// <summary>One per tenant (key: tenant id): the network ranges its API keys may be used from, as io restricts its own keys.</summary>
public interface ITenantAccessGrain : IGrainWithStringKey
{
    /// <summary>Replaces the allowlist with these CIDR ranges (already validated); an empty list allows every address.</summary>
    Task SetIpAllowlist(string[] cidrs);

    [ReadOnly]
    Task<string[]> GetIpAllowlist();
}
