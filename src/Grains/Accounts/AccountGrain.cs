using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Accounts;

/// <summary>Forwards a tenant's account-level io calls. Reentrant for the same reason as the vault grain.</summary>
[Reentrant]
[GrainType(AccountGrainKey.TypeName)]
internal sealed class AccountGrain(IoClient io, [FromKeyedServices(ActorsClock.Key)] TimeProvider time, IOptions<IoOptions> options, IoMetrics metrics)
    : ForwardingGrain(io, time, options, metrics), IAccountGrain
{
    protected override TenantId Tenant => TenantId.Parse(this.GetPrimaryKeyString());
}
