using Actors.Grains.Credentials;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Grains.Hosting;

/// <summary>Ready when a grain can be activated and its state read: that exercises the cluster and the store.</summary>
public sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>A tenant id kept for this probe: it never has credentials.</summary>
    private const string ProbeTenant = "_health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICredentialGrain>(ProbeTenant).GetStatus().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The cluster or its store does not answer.", e);
        }
    }
}
