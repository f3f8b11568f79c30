using System.Net;
using Actors.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Actors.Grains.Hosting;

/// <summary>Cluster mode: membership and grain state in the Redis named by <c>ConnectionStrings:Actors</c>.</summary>
public static class RedisClusterHosting
{
    public static string RedisConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Actors") is { Length: > 0 } connection
            ? connection
            : throw new InvalidOperationException("Cluster mode needs ConnectionStrings:Actors, a Redis connection string such as 'redis:6379'.");

    internal static ISiloBuilder UseActorsRedisCluster(this ISiloBuilder silo, int siloPort, int gatewayPort)
    {
        var configuration = silo.Configuration;
        var redis = RedisConnectionString(configuration);
        silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
        silo.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = ActorsGrainsExtensions.ServiceId(configuration);
            options.ClusterId = ActorsGrainsExtensions.ClusterId(configuration);
        });
        // The address other silos and clients reach this one at: set it where the host name does not resolve to it.
        if (IPAddress.TryParse(configuration["Orleans:AdvertisedIP"], out var advertised))
            silo.ConfigureEndpoints(advertised, siloPort, gatewayPort, listenOnAnyHostAddress: true);
        else
            silo.ConfigureEndpoints(siloPort, gatewayPort, listenOnAnyHostAddress: true);
        // A directory that survives the loss of a silo: otherwise the grains it listed could be activated twice,
        // and a second credential grain for a tenant would ask io for a second token.
        // Marked experimental in Orleans 10; the single-activation promise the token lifecycle rests on needs it.
#pragma warning disable ORLEANSEXP003
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.Services.AddOptions<ClusterMembershipOptions>()
            // A dead silo is declared dead within seconds, so that its tenants move on quickly.
            .Configure(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(2);
                options.NumMissedProbesLimit = 2;
            })
            .Bind(configuration.GetSection("Orleans:Membership"));
        return silo;
    }

    internal static ISiloBuilder AddActorsRedisStorage(this ISiloBuilder silo)
    {
        var redis = RedisConnectionString(silo.Configuration);
        return silo.AddRedisGrainStorage(StorageNames.Actors, options =>
        {
            options.ConfigurationOptions = ConfigurationOptions.Parse(redis);
            // A revoked tenant's record must be gone from Redis, not left behind emptied.
            options.DeleteStateOnClear = true;
        });
    }

    /// <summary>An Api in cluster mode: an Orleans client that finds the gateways in Redis and keeps trying to connect.</summary>
    public static IClientBuilder UseActorsRedisCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var redis = RedisConnectionString(configuration);
        // Trace context crosses grain calls only when traces are recorded (see ActorsTraces).
        if (ActorsTraces.Enabled(configuration))
            client.AddActivityPropagation();
        return client
            .UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis))
            .Configure<ClusterOptions>(options =>
            {
                options.ServiceId = ActorsGrainsExtensions.ServiceId(configuration);
                options.ClusterId = ActorsGrainsExtensions.ClusterId(configuration);
            })
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            });
    }
}
