using System.Net;
using System.Net.Http.Json;
using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Bench.Scenarios;

/// <summary>
/// Token storm: many tenants registered, Actors restarted so that none has a token, then every tenant called by
/// many concurrent callers at once. The sandbox counts the token requests: one per tenant is the promise.
/// </summary>
internal static class StormScenario
{
    public static async Task RunAsync(int tenants, int callers, string command)
    {
        await using var sandbox = SandboxHost.Create([], url: "http://127.0.0.1:0");
        await sandbox.StartAsync();
        var io = sandbox.State();
        var database = Path.Combine(Directory.CreateTempSubdirectory("actors-storm-").FullName, "actors.db");
        var settings = new Dictionary<string, string> { ["ConnectionStrings__Actors"] = $"Data Source={database}", ["Actors__Secrets__Keys__0__Key"] = StableKey };

        await using (var registering = await ActorsProcess.StartAsync(sandbox.BaseAddress(), settings))
        {
            using var admin = registering.Client();
            await Parallel.ForEachAsync(Enumerable.Range(0, tenants), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
            {
                io.AddClient($"storm-{i}", $"secret-{i}", vaultCount: 1);
                (await admin.PutAsJsonAsync($"/v1/tenants/s{i}/credentials", new { clientId = $"storm-{i}", clientSecret = $"secret-{i}" })).EnsureSuccessStatusCode();
            });
        }

        await using var actors = await ActorsProcess.StartAsync(sandbox.BaseAddress(), settings);
        io.ResetCounters();
        using var client = actors.Client();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, tenants).SelectMany(i => Enumerable.Range(0, callers)
            .Select(async _ => (await client.GetAsync($"/v1/tenants/s{i}/vaults")).StatusCode)));
        var took = started.Elapsed;

        var report = new BenchReport("Token storm, standalone", command);
        report.Line($"{tenants} registered tenants, Actors restarted (no tokens in memory), then {callers} concurrent calls per tenant, all at once ({tenants * callers} calls).");
        report.Line("");
        report.Table(["figure", "value", "target"],
        [
            ["token requests at the sandbox", io.TokenRequestsTotal.ToString(), tenants.ToString()],
            ["tenants with more than one token request", Enumerable.Range(0, tenants).Count(i => io.TokenRequests($"storm-{i}") > 1).ToString(), "0"],
            ["calls answered 200", $"{statuses.Count(s => s == HttpStatusCode.OK)} of {statuses.Length}", "all"],
            ["time for all calls", $"{took.TotalSeconds:F1} s", ""],
        ]);
        report.Save();
    }

    /// <summary>The restarted process must decrypt what the first one stored: both get the same key.</summary>
    private static readonly string StableKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
