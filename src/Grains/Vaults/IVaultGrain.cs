using Actors.Grains.Forwarding;
using Actors.Grains.Io;

namespace Actors.Grains.Vaults;

/// <summary>One per tenant and io vault (key: <c>{tenantId}/{vaultId}</c>): carries every io call about that vault.</summary>
public interface IVaultGrain : ITokenLeaseHolder
{
    /// <summary>Sends a call under <c>/v1/vaults/{vaultId}</c> to io with the tenant's token.</summary>
    Task<IoResponse> Send(IoRequest request);
}
