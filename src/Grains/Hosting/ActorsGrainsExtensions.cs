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

    /// <summary>
    /// An Actors silo as <c>Actors:Mode</c> says: standalone (clustering on this machine, SQLite) or cluster
    /// (membership and state in Redis), with the <c>Orleans:*</c> ports and ids, plus <see cref="AddActorsGrains"/>.
    /// </summary>
    public static ISiloBuilder AddActors(this ISiloBuilder silo)
    {
        var orleans = silo.Configuration.GetSection("Orleans");
        var siloPort = orleans.GetValue("SiloPort", 11111);
        var gatewayPort = orleans.GetValue("GatewayPort", 30000);
        if (ActorsModes.Of(silo.Configuration) == ActorsMode.Cluster)
            silo.UseActorsRedisCluster(siloPort, gatewayPort);
        else
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId(silo.Configuration), clusterId: ClusterId(silo.Configuration));
        return silo.AddActorsGrains();
    }

    public static string ServiceId(IConfiguration configuration) => configuration["Orleans:ServiceId"] ?? "actors";

    public static string ClusterId(IConfiguration configuration) => configuration["Orleans:ClusterId"] ?? "actors";

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
        services.TryAddSingleton<IoMetrics>();
        // One trace from the Api request through the grains to the io call, when traces are recorded.
        if (ActorsTraces.Enabled(silo.Configuration))
            silo.AddActivityPropagation();
        services.TryAddSingleton<IoResilience>();
        services.TryAddSingleton<IoClient>();
        services.AddHttpClient(IoClient.HttpClientName, (provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<IoOptions>>().Value.BaseUrl;
                // The resilience pipeline owns timeouts.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            // One handler serves every tenant: no cookie jar, so nothing io sets for one tenant is sent for another;
            // no redirects, so a tenant's token goes to io's base address and nowhere else. Connections are renewed
            // every few minutes, which lets DNS changes through without rotating handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseCookies = false,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // The default handler logs every request at Information: too loud for the hot path.
            .RemoveAllLoggers();

        if (ActorsModes.Of(silo.Configuration) == ActorsMode.Cluster)
            return silo.AddActorsRedisStorage();
        services.AddKeyedSingleton<IGrainStorage>(StorageNames.Actors, (provider, _) => new SqliteGrainStorage(
            SqliteConnectionString(provider.GetRequiredService<IConfiguration>()),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<IGrainStorageSerializer>()));
        return silo;
    }

    /// <summary>The SQLite file of standalone mode: <c>ConnectionStrings:Actors</c>.</summary>
    public static string SqliteConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Actors") ?? "Data Source=data/actors.db";
}
