using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Bench.Scenarios;

/// <summary>
/// Token storm with several silos: the tenants registered through a cluster (Silo processes, cluster-mode Api
/// processes, a real Redis), the whole cluster restarted so that no silo holds a token, then every tenant called by
/// many concurrent callers at once through all the Apis. One token request per tenant is the promise here too.
/// </summary>
internal static class ClusterStormScenario
{
    public static async Task RunAsync(int tenants, int callers, int silos, int apis, string command)
    {
        await using var sandbox = SandboxHost.Create([], url: "http://127.0.0.1:0");
        await sandbox.StartAsync();
        var io = sandbox.State();
        await using var redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["Actors__Mode"] = "Cluster",
            ["ConnectionStrings__Actors"] = redis.ConnectionString,
            ["Orleans__ClusterId"] = "actors-bench",
            ["Orleans__ServiceId"] = "actors-bench",
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            // Every silo decrypts what any other stored, before and after the restart: one key for all.
            ["Actors__Secrets__Keys__0__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };

        // Registration asks io for a token (it checks the credentials), and the credential grain keeps it: a restart
        // of every silo forgets them all, as tokens are never stored.
        await using (var registering = await ActorsCluster.StartAsync(silos, apis, sandbox.BaseAddress(), settings))
        {
            using var admin = registering.Apis[0].Client();
            await TokenStorm.RegisterAsync(io, admin, tenants);
            await registering.StopAsync();
        }

        // Counted from before the restart: a token requested while the silos join counts too.
        io.ResetCounters();
        await using var cluster = await ActorsCluster.StartAsync(silos, apis, sandbox.BaseAddress(), settings);
        var clients = cluster.Apis.Select(api => api.Client()).ToList();
        var figures = await TokenStorm.RunAsync(io, clients, tenants, callers);
        clients.ForEach(client => client.Dispose());

        var report = new BenchReport($"Token storm, {silos} silos", command);
        report.Line($"{tenants} registered tenants, the cluster restarted (no tokens in memory), then {callers} concurrent calls per tenant, all at once, spread over the Apis ({tenants * callers} calls).");
        report.Line("");
        report.Line($"Topology: {silos} Silo processes, {apis} Api processes in cluster mode, redis-server {redis.Version} (append-only, fsync always), the sandbox in the bench process; all on loopback.");
        report.Line("");
        report.Table(TokenStorm.Header, figures);
        report.Save();
    }
}
