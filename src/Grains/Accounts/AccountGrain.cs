using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Accounts;

/// <summary>Forwards a tenant's account-level io calls. Reentrant for the same reason as the vault grain.</summary>
[Reentrant]
internal sealed class AccountGrain(IoClient io, [FromKeyedServices(ActorsClock.Key)] TimeProvider time) : ForwardingGrain(io, time), IAccountGrain
{
    protected override TenantId Tenant => TenantId.Parse(this.GetPrimaryKeyString());
}
