using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Vaults;

/// <summary>Forwards one vault's io calls. Reentrant: one slow io call must not queue the vault's other calls behind it.</summary>
[Reentrant]
[GrainType(VaultGrainKey.TypeName)]
internal sealed class VaultGrain(IoClient io, [FromKeyedServices(ActorsClock.Key)] TimeProvider time, IOptions<IoOptions> options, IoMetrics metrics)
    : ForwardingGrain(io, time, options, metrics), IVaultGrain
{
    protected override TenantId Tenant => VaultGrainKey.TenantOf(this.GetPrimaryKeyString());
}
