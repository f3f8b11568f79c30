using Actors.Grains.Hosting;
using Orleans.Dashboard;

namespace Actors.Api.Hosting;

internal static class OrleansHosting
{
    /// <summary>
    /// Standalone mode: a silo co-hosted in the Api process, state in SQLite. Cluster mode: an Orleans client of
    /// the Silo processes found in Redis; the Api hosts no grains.
    /// </summary>
    public static WebApplicationBuilder AddActorsCluster(this WebApplicationBuilder builder)
    {
        if (ActorsModes.Of(builder.Configuration) == ActorsMode.Cluster)
        {
            builder.UseOrleansClient(client =>
            {
                client.UseActorsRedisCluster(builder.Configuration);
                if (ActorsDashboard.Enabled(builder.Configuration))
                    client.AddDashboard();
            });
            // Serve health (not ready) while the client is still looking for the cluster.
            builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.AddActors();
                if (ActorsDashboard.Enabled(builder.Configuration))
                    silo.AddDashboard();
            });
            builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: ["ready"]);
        }
        return builder;
    }
}
