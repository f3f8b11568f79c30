using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Bench.Infrastructure;

namespace Actors.Bench.Scenarios;

/// <summary>
/// The same closed-loop load, in turn, against io directly (the sandbox with a valid token), a minimal YARP proxy
/// with a cached token (what a platform would build instead), and Actors standalone; pairs repeated so that a
/// drifting machine does not decide the comparison. Then a read-heavy load (every caller polling the same
/// vault) on Actors with and without coalescing.
/// </summary>
internal static class ProxyScenario
{
    private const string Vault = "bench-client-vault-001";

    public static async Task RunAsync(int connections, TimeSpan duration, int rounds, string command)
    {
        await using var sandbox = await ChildHost.StartAsync("sandbox-host");
        using var control = new HttpClient { BaseAddress = sandbox.Address };
        (await control.PostAsJsonAsync("/sandbox/clients", new { clientId = "bench-client", clientSecret = "bench-secret", vaultCount = 3 })).EnsureSuccessStatusCode();
        (await control.PutAsJsonAsync("/sandbox/settings", new { tokenLifetimeSeconds = 86400 })).EnsureSuccessStatusCode();
        var token = (await (await control.PostAsJsonAsync("/v1/auth/accessToken", new { clientId = "bench-client", clientSecret = "bench-secret" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

        await using var yarp = await ChildHost.StartAsync("yarp-host", "--upstream", sandbox.Address.ToString(), "--token", token);
        var results = new Dictionary<string, List<ClosedLoopLoad.Result>>();
        var warmUp = TimeSpan.FromSeconds(3);

        await using (var actors = await StartActorsAsync(sandbox.Address, coalesce: false))
        {
            var key = await IssueKeyAsync(actors);
            for (var round = 0; round < rounds; round++)
            {
                // A cursor page of three vaults, about 450 bytes of JSON.
                await Measure(results, "direct", () => Get(sandbox.Address, "/v1/vaults?limit=3", token), sandbox.Process, sandbox.AllocatedAsync);
                await Measure(results, "YARP + cached token", () => Get(yarp.Address, "/v1/vaults?limit=3", null), yarp.Process, yarp.AllocatedAsync);
                await Measure(results, "Actors", () => Get(actors.Address, "/v1/tenants/bench/io/vaults?limit=3", key), actors.Process, actors.AllocatedAsync);
            }
            for (var round = 0; round < rounds; round++)
                await Measure(results, "Actors, read-heavy, no coalescing", () => Get(actors.Address, $"/v1/tenants/bench/vaults/{Vault}", key), actors.Process, actors.AllocatedAsync);
        }
        await using (var actors = await StartActorsAsync(sandbox.Address, coalesce: true))
        {
            var key = await IssueKeyAsync(actors);
            for (var round = 0; round < rounds; round++)
                await Measure(results, "Actors, read-heavy, coalescing", () => Get(actors.Address, $"/v1/tenants/bench/vaults/{Vault}", key), actors.Process, actors.AllocatedAsync);
        }
        for (var round = 0; round < rounds; round++)
            await Measure(results, "YARP, read-heavy", () => Get(yarp.Address, $"/v1/vaults/{Vault}", null), yarp.Process, yarp.AllocatedAsync);

        Report(results, connections, duration, rounds, command);

        async Task Measure(Dictionary<string, List<ClosedLoopLoad.Result>> into, string name, Func<HttpRequestMessage> request, Process server, Func<Task<long>> allocated)
        {
            var result = await ClosedLoopLoad.RunAsync(request, connections, warmUp, duration, server, allocated);
            Console.WriteLine($"{name,-36} {result.RequestsPerSecond,9:F0} req/s  p50 {result.P50Ms,6:F2} ms  p99 {result.P99Ms,6:F2} ms  {result.CpuMsPerRequest:F3} CPU ms/req  {result.KiBAllocatedPerRequest:F1} KiB/req  {result.Failures} failed");
            (into.TryGetValue(name, out var list) ? list : into[name] = []).Add(result);
        }
    }

    private static async Task<ActorsProcess> StartActorsAsync(Uri sandbox, bool coalesce)
    {
        var actors = await ActorsProcess.StartAsync(sandbox.ToString().TrimEnd('/'), new Dictionary<string, string> { ["Io__CoalesceReads"] = coalesce.ToString() });
        using var admin = actors.Client();
        (await admin.PutAsJsonAsync("/v1/tenants/bench/credentials", new { clientId = "bench-client", clientSecret = "bench-secret" })).EnsureSuccessStatusCode();
        return actors;
    }

    private static async Task<string> IssueKeyAsync(ActorsProcess actors)
    {
        using var admin = actors.Client();
        var issued = await (await admin.PostAsync("/v1/tenants/bench/api-keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        return issued.GetProperty("key").GetString()!;
    }

    private static HttpRequestMessage Get(Uri server, string path, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server, path));
        if (bearer is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return request;
    }

    private static void Report(Dictionary<string, List<ClosedLoopLoad.Result>> results, int connections, TimeSpan duration, int rounds, string command)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        var report = new BenchReport("Proxy throughput: direct, YARP with a cached token, Actors", command);
        report.Line($"{connections} connections, closed loop, 3 s warm-up then {duration.TotalSeconds:F0} s measured, {rounds} rounds in turn; " +
            "load generator, proxy and sandbox share the machine's cores. Medians over rounds; CPU and allocations are the proxy process's (the sandbox's for direct).");
        report.Line("");
        report.Table(["configuration", "req/s", "p50 ms", "p90 ms", "p99 ms", "CPU ms/req", "KiB allocated/req", "failed"],
            results.Select(r => new[]
            {
                r.Key,
                Median(r.Value.Select(v => v.RequestsPerSecond)).ToString("F0"),
                Median(r.Value.Select(v => v.P50Ms)).ToString("F2"),
                Median(r.Value.Select(v => v.P90Ms)).ToString("F2"),
                Median(r.Value.Select(v => v.P99Ms)).ToString("F2"),
                Median(r.Value.Select(v => v.CpuMsPerRequest)).ToString("F3"),
                Median(r.Value.Select(v => v.KiBAllocatedPerRequest)).ToString("F1"),
                r.Value.Sum(v => v.Failures).ToString(),
            }));
        double Rps(string name) => Median(results[name].Select(v => v.RequestsPerSecond));
        double P99(string name) => Median(results[name].Select(v => v.P99Ms));
        // YARP and Actors ran back to back in each round: their ratio within a round is what the drift of the machine disturbs least.
        string PerRound(Func<ClosedLoopLoad.Result, double> figure) => string.Join(", ",
            results["Actors"].Zip(results["YARP + cached token"], (actors, yarp) => (figure(actors) / figure(yarp)).ToString("F2")));
        report.Line("");
        report.Line($"Actors ÷ YARP baseline: throughput {Rps("Actors") / Rps("YARP + cached token"):F2} (target ≥ 0.9), p99 {P99("Actors") / P99("YARP + cached token"):F2} (target ≤ 1.25); " +
            $"round by round, throughput {PerRound(r => r.RequestsPerSecond)} and p99 {PerRound(r => r.P99Ms)}.  ");
        report.Line($"Actors ÷ direct: throughput {Rps("Actors") / Rps("direct"):F2}; YARP ÷ direct: {Rps("YARP + cached token") / Rps("direct"):F2}.  ");
        report.Line($"Read-heavy (all callers polling one vault): Actors with coalescing ÷ YARP {Rps("Actors, read-heavy, coalescing") / Rps("YARP, read-heavy"):F2} (target ≥ 1); " +
            $"without coalescing {Rps("Actors, read-heavy, no coalescing") / Rps("YARP, read-heavy"):F2}.");
        report.Save();
    }
}
