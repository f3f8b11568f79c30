using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Actors.Api.Apis;

internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        // Live: the process answers. Ready: the cluster and the store answer too.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).ExcludeFromDescription();
        return app;
    }
}
