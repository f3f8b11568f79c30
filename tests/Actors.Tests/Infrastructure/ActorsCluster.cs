using Actors.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// Several silos in process sharing one SQLite store and one sandbox: the grains as a cluster runs them.
/// Calls can enter through the cluster's client or through any silo.
/// </summary>
public sealed class ActorsCluster : IAsyncDisposable
{
    private ActorsCluster(InProcessTestCluster cluster, Sandbox sandbox, TempDatabase database, FakeTimeProvider? time)
    {
        Cluster = cluster;
        Sandbox = sandbox;
        Database = database;
        Time = time;
    }

    public InProcessTestCluster Cluster { get; }
    public Sandbox Sandbox { get; }
    public TempDatabase Database { get; }
    public FakeTimeProvider? Time { get; }

    public static async Task<ActorsCluster> StartAsync(int silos = 3, bool fakeTime = false, Sandbox? sandbox = null,
        TempDatabase? database = null, FakeTimeProvider? time = null, string? secretKey = null)
    {
        time ??= fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        sandbox ??= await Sandbox.StartAsync(time);
        database ??= new TempDatabase();
        var settings = new Dictionary<string, string?>
        {
            ["Io:BaseUrl"] = sandbox.BaseAddress,
            ["Io:AllowInsecureLoopback"] = "true",
            ["Actors:Secrets:Keys:0:Id"] = "k1",
            ["Actors:Secrets:Keys:0:Key"] = secretKey ?? ClusterKey,
            ["ConnectionStrings:Actors"] = $"Data Source={database.Path}",
        };

        var builder = new InProcessTestClusterBuilder((short)silos);
        // Stored state is keyed by service id: a cluster restarted on the same store must keep it.
        builder.Options.ServiceId = "actors";
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            if (time is not null)
                host.Services.AddKeyedSingleton<TimeProvider>(ActorsClock.Key, time);
        });
        builder.ConfigureSilo((_, silo) => silo.AddActorsGrains());
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new ActorsCluster(cluster, sandbox, database, time);
    }

    /// <summary>One key for every cluster of a test run, so that a second cluster reads what a first one stored.</summary>
    private static readonly string ClusterKey = TestKeys.NewAesKey();

    /// <summary>Entry points into the cluster: its external client, then each silo's own grain factory.</summary>
    public IReadOnlyList<IGrainFactory> EntryPoints() =>
        [Cluster.Client, .. Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>())];

    /// <summary>Stops the silos but keeps the sandbox and the database, for a restart on the same store.</summary>
    public async Task StopAsync() => await Cluster.DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Sandbox.DisposeAsync();
        Database.Dispose();
    }
}
