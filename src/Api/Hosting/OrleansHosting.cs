using Actors.Grains.Hosting;

namespace Actors.Api.Hosting;

internal static class OrleansHosting
{
    /// <summary>Standalone mode: a silo co-hosted in the Api process, localhost clustering, state in SQLite.</summary>
    public static WebApplicationBuilder AddActorsCluster(this WebApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection("Orleans");
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(
                siloPort: orleans.GetValue("SiloPort", 11111),
                gatewayPort: orleans.GetValue("GatewayPort", 30000),
                serviceId: orleans.GetValue("ServiceId", "actors")!,
                clusterId: orleans.GetValue("ClusterId", "actors")!)
            .AddActorsGrains(builder.Configuration, builder.Environment));
        return builder;
    }
}
