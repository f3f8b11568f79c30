using Actors.Grains.Hosting;

namespace Actors.Api.Hosting;

internal static class OrleansHosting
{
    /// <summary>Standalone mode: a silo co-hosted in the Api process, state in SQLite.</summary>
    public static WebApplicationBuilder AddActorsCluster(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.AddActors());
        return builder;
    }
}
