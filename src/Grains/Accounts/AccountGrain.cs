using Actors.Grains.Credentials;
using Actors.Grains.Forwarding;
using Actors.Grains.Hosting;
using Actors.Grains.Io;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.Accounts;

/// <summary>Forwards a tenant's account-level io calls. Reentrant for the same reason as the vault grain.</summary>
[Reentrant]
internal sealed class AccountGrain(IoClient io, [FromKeyedServices(ActorsClock.Key)] TimeProvider time) : Grain, IAccountGrain
{
    private TenantIoChannel _channel = null!;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _channel = new TenantIoChannel(GrainFactory.GetGrain<ICredentialGrain>(this.GetPrimaryKeyString()), io, time);
        return Task.CompletedTask;
    }

    public Task<IoResponse> Send(IoRequest request) => _channel.SendAsync(request);
}
