using Actors.Grains.Forwarding;
using Actors.Grains.Io;

namespace Actors.Grains.Accounts;

/// <summary>One per tenant (key: tenant id): carries the tenant's io calls that concern no single vault (vault list, chains, balances…).</summary>
public interface IAccountGrain : ITokenLeaseHolder
{
    /// <summary>Sends a call to io with the tenant's token.</summary>
    Task<IoResponse> Send(IoRequest request);
}
