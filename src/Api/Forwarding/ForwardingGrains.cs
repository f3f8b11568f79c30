using Actors.Grains.Accounts;
using Actors.Grains.Tenants;
using Actors.Grains.Vaults;

namespace Actors.Api.Forwarding;

/// <summary>
/// References to the grains that carry io calls, made cheaply. <c>GetGrain&lt;T&gt;(string)</c> works the grain
/// interface type out of <c>T</c> by formatting and parsing type names on every call, which showed in the proxy's
/// allocation profile; here the interface types are resolved once and the grain types are named by the grains
/// themselves, so each call only builds a grain id.
/// </summary>
internal sealed class ForwardingGrains(IGrainFactory grains)
{
    private readonly GrainInterfaceType _vault = InterfaceOf(grains.GetGrain<IVaultGrain>("resolve/type"));
    private readonly GrainInterfaceType _account = InterfaceOf(grains.GetGrain<IAccountGrain>("resolve-type"));

    public IVaultGrain Vault(TenantId tenant, string vaultId) =>
        (IVaultGrain)grains.GetGrain(GrainId.Create(VaultGrainKey.GrainType, VaultGrainKey.For(tenant, vaultId)), _vault);

    public IAccountGrain Account(TenantId tenant) =>
        (IAccountGrain)grains.GetGrain(GrainId.Create(AccountGrainKey.GrainType, tenant.Value), _account);

    private static GrainInterfaceType InterfaceOf(IAddressable reference) => ((GrainReference)reference).InterfaceType;
}
