using System.Net;
using Actors.Grains.Hosting;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Actors.Tests.Telemetry;

/// <summary>Health says what the store and the cluster say.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task AnApiWithNoClusterToJoinIsLiveButNotReady()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var api = ActorsProcess.StartApi(new Dictionary<string, string>
        {
            ["Actors:Mode"] = "Cluster",
            ["ConnectionStrings:Actors"] = redis.ConnectionString,
            ["Actors:AdminKey"] = TestKeys.Admin,
            ["Io:BaseUrl"] = "https://api.iofinnet.com",
            ["Actors:Secrets:Keys:0:Id"] = "k1",
            ["Actors:Secrets:Keys:0:Key"] = TestKeys.NewAesKey(),
        });
        using var client = api.Client(null);

        var live = await EventuallyAsync(() => client.GetAsync("/health/live"));
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task TheStoreCheckFollowsRedis()
    {
        var redis = await RedisServer.StartAsync();
        using var check = new StoreHealthCheck(Cluster(redis.ConnectionString));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);

        await redis.DisposeAsync();

        using var stopped = new StoreHealthCheck(Cluster(redis.ConnectionString));
        Assert.Equal(HealthStatus.Unhealthy, (await stopped.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    private static IConfiguration Cluster(string redis) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Actors:Mode"] = "Cluster", ["ConnectionStrings:Actors"] = redis + ",connectTimeout=500,abortConnect=true" })
        .Build();

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (HttpRequestException) when (attempt < 150)
            {
                await Task.Delay(200);
            }
        }
    }
}
