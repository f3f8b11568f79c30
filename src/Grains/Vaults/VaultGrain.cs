using Actors.Grains.Credentials;
using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Vaults;

/// <summary>Forwards one vault's io calls. Reentrant: one slow io call must not queue the vault's other calls behind it.</summary>
[Reentrant]
internal sealed class VaultGrain(IoClient io, [FromKeyedServices(ActorsClock.Key)] TimeProvider time) : Grain, IVaultGrain
{
    private TenantIoChannel _channel = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var tenant = VaultGrainKey.TenantOf(this.GetPrimaryKeyString());
        _channel = new TenantIoChannel(GrainFactory.GetGrain<ICredentialGrain>(tenant.Value), io, time);
        return Task.CompletedTask;
    }

    public Task<IoResponse> Send(IoRequest request) => _channel.SendAsync(request);
}
