using System.Collections.Concurrent;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;

namespace Actors.Grains.Io;

/// <summary>The tenants' breakers on this silo, each made on its tenant's first io call, and what they share.</summary>
internal sealed class TenantBreakers(BreakerOptions options, TimeProvider time, IoMetrics metrics)
{
    private readonly ConcurrentDictionary<string, TenantBreaker> _breakers = new(StringComparer.Ordinal);

    public BreakerOptions Options => options;

    public TimeProvider Time => time;

    public TenantBreaker For(TenantId tenant) => _breakers.GetOrAdd(tenant.Value, static (_, silo) => new TenantBreaker(silo), this);

    public void Changed(string state) => metrics.BreakerChanged("tenant", state);
}
