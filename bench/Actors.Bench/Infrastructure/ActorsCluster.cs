namespace Actors.Bench.Infrastructure;

/// <summary>Actors in cluster mode: Silo processes and cluster-mode Api processes on one Redis, all on loopback.</summary>
internal sealed class ActorsCluster : IAsyncDisposable
{
    private readonly List<ActorsProcess> _silos = [];
    private readonly List<ActorsProcess> _apis = [];

    private ActorsCluster()
    {
    }

    public IReadOnlyList<ActorsProcess> Silos => _silos;

    public IReadOnlyList<ActorsProcess> Apis => _apis;

    /// <summary>
    /// The silos one after another, each ready before the next joins, then the Apis, each ready (it reached a
    /// gateway and activated a grain). Whatever started is killed if a later process fails to.
    /// </summary>
    /// <param name="settings">Shared by every process: mode, Redis, cluster ids, the secrets key.</param>
    public static async Task<ActorsCluster> StartAsync(int silos, int apis, string ioBaseUrl, IDictionary<string, string> settings)
    {
        var cluster = new ActorsCluster();
        try
        {
            for (var i = 0; i < silos; i++)
                cluster._silos.Add(await ActorsProcess.StartAsync(ioBaseUrl, settings, "Silo"));
            for (var i = 0; i < apis; i++)
                cluster._apis.Add(await ActorsProcess.StartAsync(ioBaseUrl, settings, "Api"));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A graceful stop: the Apis first, then the silos, which leave the membership table as they go.</summary>
    public async Task StopAsync()
    {
        foreach (var process in _apis.Concat(_silos))
            await process.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _apis.Concat(_silos))
            await process.DisposeAsync();
    }
}
