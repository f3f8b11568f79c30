using Actors.Grains.Credentials;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Api.Hosting;

/// <summary>Ready when a grain can be activated and its state read: that exercises the cluster and the store.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    /// <summary>A tenant id no caller can be given a key for, since it is only ever used here.</summary>
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
