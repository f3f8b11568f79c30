using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Grains.Secrets;
using Actors.Grains.Storage;
using Actors.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Actors.Grains.Hosting;

public static class ActorsGrainsExtensions
{
    /// <summary>A fixed key for Development only, so that a fresh clone runs without setup. Production refuses to start without its own.</summary>
    private static readonly SecretKeyOptions DevelopmentKey = new() { Id = "dev", Key = "YWN0b3JzLWRldmVsb3BtZW50LWtleS1ub3QtcHJvZCE=" };

    /// <summary>A standalone silo: clustering on this machine (<c>Orleans:*</c> ports and ids) plus <see cref="AddActorsGrains"/>.</summary>
    public static ISiloBuilder AddActors(this ISiloBuilder silo)
    {
        var orleans = silo.Configuration.GetSection("Orleans");
        silo.UseLocalhostClustering(
            siloPort: orleans.GetValue("SiloPort", 11111),
            gatewayPort: orleans.GetValue("GatewayPort", 30000),
            serviceId: orleans.GetValue("ServiceId", "actors")!,
            clusterId: orleans.GetValue("ClusterId", "actors")!);
        return silo.AddActorsGrains();
    }

    /// <summary>
    /// Actors' grains and what they need: io access, secret encryption, and the SQLite store named by
    /// <c>ConnectionStrings:Actors</c>.
    /// </summary>
    public static ISiloBuilder AddActorsGrains(this ISiloBuilder silo)
    {
        var services = silo.Services;
        services.TryAddKeyedSingleton(ActorsClock.Key, TimeProvider.System);

        services.AddOptions<IoOptions>().BindConfiguration(IoOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IoOptions>, IoOptionsValidator>();
        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.Section);
        services.AddOptions<SecretsOptions>()
            .BindConfiguration(SecretsOptions.Section)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.Keys.Count == 0 && environment.IsDevelopment())
                    options.Keys.Add(DevelopmentKey);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>();
        services.TryAddSingleton<SecretProtector>();

        services.AddMetrics();
        services.TryAddSingleton<TokenMetrics>();
        services.TryAddSingleton<IoResilience>();
        services.AddHttpClient<IoClient>((provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<IoOptions>>().Value.BaseUrl;
                // The resilience pipeline owns timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // The default handler logs every request at Information: too loud for the hot path.
            .RemoveAllLoggers();

        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Actors, (provider, _) => new SqliteGrainStorage(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("Actors") ?? "Data Source=data/actors.db",
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<IGrainStorageSerializer>()));
        return silo;
    }
}
