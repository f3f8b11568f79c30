using Actors.Grains.Tenants;

namespace Actors.Grains.Vaults;

/// <summary>A vault grain's key: the tenant id (which never holds a '/') then the vault id.</summary>
public static class VaultGrainKey
{
    /// <summary>The vault grain's type name, fixed so that callers can build its grain id without a type lookup.</summary>
    public const string TypeName = "vault";

    public static readonly GrainType GrainType = GrainType.Create(TypeName);

    public static string For(TenantId tenant, string vaultId) => $"{tenant.Value}/{vaultId}";

    public static TenantId TenantOf(string key) => TenantId.Parse(key[..key.IndexOf('/')]);
}
