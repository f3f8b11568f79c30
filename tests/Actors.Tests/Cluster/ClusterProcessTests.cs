using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actors.Grains.Hosting;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Actors.Tests.Cluster;

/// <summary>Cluster mode with real processes: 3 Silo processes, 2 Api processes, a real Redis and the sandbox, on loopback.</summary>
public sealed class ClusterProcessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Tenants = 200;
    private const int CallersPerTenant = 20;
    private readonly List<ActorsProcess> _processes = [];
    private readonly Dictionary<string, IoClientPair> _pairs = [];
    private RedisServer _redis = null!;
    private Sandbox _sandbox = null!;
    private Dictionary<string, string> _settings = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _sandbox = await Sandbox.StartAsync();
        _settings = new Dictionary<string, string>
        {
            ["Actors:Mode"] = "Cluster",
            ["ConnectionStrings:Actors"] = _redis.ConnectionString,
            ["Orleans:ClusterId"] = "actors-test",
            ["Orleans:ServiceId"] = "actors-test",
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Io:BaseUrl"] = _sandbox.BaseAddress,
            ["Io:AllowInsecureLoopback"] = "true",
            ["Actors:AdminKey"] = TestKeys.Admin,
            ["Actors:Secrets:Keys:0:Id"] = "k1",
            ["Actors:Secrets:Keys:0:Key"] = TestKeys.NewAesKey(),
            ["Actors:RateLimit:TokenLimit"] = "1000000",
            ["Actors:RateLimit:TokensPerPeriod"] = "1000000",
        };
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
            await process.DisposeAsync();
        await _sandbox.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task TenantsServedThroughEitherApiSurviveASiloKillAndARestartAndRedisHoldsNoSecret()
    {
        var (silos, apis) = await StartClusterAsync(silos: 3, apis: 2);

        // Registered through one Api, every tenant is usable through the other.
        foreach (var tenant in TenantIds())
        {
            _pairs[tenant] = _sandbox.AddClient(vaultCount: 2);
            var put = await apis[0].Client(TestKeys.Admin).PutAsJsonAsync($"/v1/tenants/{tenant}/credentials", new { _pairs[tenant].ClientId, _pairs[tenant].ClientSecret });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        await LoadAsync(apis, CallersPerTenant);
        Assert.Equal(Tenants, _sandbox.State.TokenRequestsTotal);
        Assert.All(_pairs.Values, pair => Assert.Equal(1, _sandbox.State.TokenRequests(pair.ClientId)));

        await KillASiloUnderLoadAsync(silos, apis);

        // Stop everything gracefully (SIGTERM): Apis first, then silos, which leave the membership table as they go.
        foreach (var process in apis.Concat(silos.Where(s => s != silos[1])))
            await process.StopAsync();
        Assert.All(silos.Where(s => s != silos[1]), silo => Assert.Equal(0, silo.ExitCode));
        foreach (var process in _processes)
            await process.DisposeAsync();
        _processes.Clear();
        (_, apis) = await StartClusterAsync(silos: 3, apis: 1);
        foreach (var tenant in TenantIds())
        {
            var status = await apis[0].Client(TestKeys.Admin).GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/credentials");
            Assert.Equal(("active", _pairs[tenant].ClientId), (status.GetProperty("state").GetString(), status.GetProperty("clientId").GetString()));
        }
        await LoadAsync(apis, callersPerTenant: 1);

        await AssertRedisHoldsNoSecretAsync();
    }

    private async Task KillASiloUnderLoadAsync(List<ActorsProcess> silos, List<ActorsProcess> apis)
    {
        var victim = silos[1];
        var moved = await CredentialGrainsOnAsync(victim);
        Assert.NotEmpty(moved);
        _sandbox.State.ResetCounters();

        using var stop = new CancellationTokenSource();
        // Failures by the time their call started: a call caught on the dead silo fails only at Orleans' response timeout.
        var failures = new List<(TimeSpan Started, TimeSpan Took)>();
        var calls = 0;
        var clock = Stopwatch.StartNew();
        TimeSpan killedAt = default;
        var load = Task.WhenAll(Enumerable.Range(0, 40).Select(worker => Task.Run(async () =>
        {
            var client = apis[worker % apis.Count].Client(TestKeys.Admin);
            for (var i = worker; !stop.IsCancellationRequested; i += 40)
            {
                var tenant = $"tenant-{i % Tenants}";
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = (await client.GetAsync($"/v1/tenants/{tenant}/vaults")).StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    ok = false;
                }
                Interlocked.Increment(ref calls);
                if (!ok)
                    lock (failures) failures.Add((started, clock.Elapsed - started));
            }
        })));

        await Task.Delay(TimeSpan.FromSeconds(1));
        killedAt = clock.Elapsed;
        await victim.KillAsync();
        // Load goes on until calls started in the last 10 s have all succeeded (at most 60 s).
        while (clock.Elapsed - killedAt < TimeSpan.FromSeconds(60) && clock.Elapsed - LastFailure(failures, killedAt) < TimeSpan.FromSeconds(10))
            await Task.Delay(100);
        await stop.CancelAsync();
        await load;

        var window = LastFailure(failures, killedAt) - killedAt;
        var slowest = failures.Count == 0 ? TimeSpan.Zero : failures.Max(f => f.Took);
        output.WriteLine($"kill -9 of one silo of 3: {moved.Count} tenants' credential grains moved; {failures.Count} of {calls} calls failed; " +
            $"failover window {window.TotalSeconds:F1} s (calls started later all succeeded); slowest failed call {slowest.TotalSeconds:F1} s; " +
            $"{_sandbox.State.TokenRequestsTotal} extra token requests");
        Assert.True(clock.Elapsed - LastFailure(failures, killedAt) >= TimeSpan.FromSeconds(10), "the cluster did not recover within 60 s");
        Assert.InRange(_sandbox.State.TokenRequestsTotal, 0, moved.Count);
        foreach (var tenant in TenantIds().Except(moved))
            Assert.Equal(0, _sandbox.State.TokenRequests(_pairs[tenant].ClientId));
    }

    private static TimeSpan LastFailure(List<(TimeSpan Started, TimeSpan Took)> failures, TimeSpan since)
    {
        lock (failures)
            return failures.Count == 0 ? since : failures.Max(f => f.Started);
    }

    private async Task<(List<ActorsProcess> Silos, List<ActorsProcess> Apis)> StartClusterAsync(int silos, int apis)
    {
        var siloProcesses = Enumerable.Range(0, silos).Select(_ => Start(ActorsProcess.StartSilo(new Dictionary<string, string>(_settings)
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
        }))).ToList();
        await Task.WhenAll(siloProcesses.Select(s => s.WaitReadyAsync()));
        var apiProcesses = Enumerable.Range(0, apis).Select(_ => Start(ActorsProcess.StartApi(_settings))).ToList();
        await Task.WhenAll(apiProcesses.Select(a => a.WaitReadyAsync()));
        return (siloProcesses, apiProcesses);
    }

    private ActorsProcess Start(ActorsProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>Every tenant called by the given number of concurrent callers, spread over the Apis.</summary>
    private static async Task LoadAsync(List<ActorsProcess> apis, int callersPerTenant)
    {
        var clients = apis.Select(api => api.Client(TestKeys.Admin)).ToList();
        var calls = TenantIds().SelectMany((tenant, t) => Enumerable.Range(0, callersPerTenant)
            .Select(caller => clients[(t + caller) % clients.Count].GetAsync($"/v1/tenants/{tenant}/vaults")));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    /// <summary>Asks the cluster itself, as an Orleans client, which tenants' credential grains live on a silo.</summary>
    private async Task<List<string>> CredentialGrainsOnAsync(ActorsProcess silo)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        using var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client.UseActorsRedisCluster(configuration))
            .Build();
        await host.StartAsync();
        var management = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var siloPort = int.Parse(_processes.Count > 0 ? SiloPortOf(silo) : "0");
        var address = (await management.GetHosts(onlyActive: true)).Keys.Single(a => a.Endpoint.Port == siloPort);
        var statistics = await management.GetDetailedGrainStatistics(hostsIds: [address]);
        await host.StopAsync();
        return statistics.Where(s => s.GrainId.Type.ToString() == "credential").Select(s => s.GrainId.Key.ToString()!).ToList();
    }

    private static string SiloPortOf(ActorsProcess silo) => silo.Setting("Orleans:SiloPort");

    private async Task AssertRedisHoldsNoSecretAsync()
    {
        var secrets = _pairs.Values.Select(p => p.ClientSecret).Concat(_sandbox.State.IssuedTokens()).ToList();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        var database = redis.GetDatabase();
        var stored = new StringBuilder();
        var keys = 0;
        await foreach (var key in redis.GetServer(_redis.ConnectionString).KeysAsync(pattern: "*"))
        {
            keys++;
            stored.AppendLine(key.ToString());
            var type = await database.KeyTypeAsync(key);
            if (type == RedisType.String)
                stored.AppendLine(await database.StringGetAsync(key));
            else if (type == RedisType.Hash)
                foreach (var entry in await database.HashGetAllAsync(key))
                    stored.AppendLine($"{entry.Name}={entry.Value}");
        }
        var aof = string.Concat(Directory.EnumerateFiles(_redis.Folder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

        Assert.True(keys > Tenants, $"only {keys} keys in Redis");
        Assert.Contains(_pairs["tenant-0"].ClientId, stored.ToString());
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, stored.ToString());
            Assert.DoesNotContain(secret, aof);
        }
    }

    private static IEnumerable<string> TenantIds() => Enumerable.Range(0, Tenants).Select(i => $"tenant-{i}");
}
