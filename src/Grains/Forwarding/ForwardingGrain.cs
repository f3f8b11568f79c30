using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.Options;

namespace Actors.Grains.Forwarding;

/// <summary>What vault and account grains share: they carry a tenant's io calls through a <see cref="TenantIoChannel"/>.</summary>
internal abstract class ForwardingGrain(IoClient io, TimeProvider time, IOptions<IoOptions> options, IoMetrics metrics) : Grain, ITokenLeaseHolder
{
    private readonly ReadCoalescer _reads = new();
    private TenantIoChannel _channel = null!;

    protected abstract TenantId Tenant { get; }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var credential = GrainFactory.GetGrain<ICredentialGrain>(Tenant.Value);
        _channel = new TenantIoChannel(Tenant, credential, this.AsReference<ITokenLeaseHolder>(), io, time, options.Value.MaxRetryAfter, options.Value.MaxThrottlePause);
        return Task.CompletedTask;
    }

    public Task<IoResponse> Send(IoRequest request) =>
        options.Value.CoalesceReads ? _reads.SendAsync(request, _channel.SendAsync, metrics.Coalesced) : _channel.SendAsync(request);

    public Task EndLease()
    {
        _channel.EndLease();
        return Task.CompletedTask;
    }
}
