using Microsoft.Extensions.Configuration;

namespace Actors.Grains.Hosting;

/// <summary>
/// <c>Actors:Dashboard</c>, default false: the Orleans Dashboard profiles every grain call, which cost the proxy
/// path about a tenth of its throughput (docs/benchmarks.md), so it is there for operators who turn it on. Silos
/// and Apis of one cluster must agree on it.
/// </summary>
public static class ActorsDashboard
{
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Actors:Dashboard", false);
}
