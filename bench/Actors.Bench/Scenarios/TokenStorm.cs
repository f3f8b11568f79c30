using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Actors.IoSandbox;

namespace Actors.Bench.Scenarios;

/// <summary>What the standalone and the cluster token storms share: the tenants, the storm itself and its figures.</summary>
internal static class TokenStorm
{
    public static readonly string[] Header = ["figure", "value", "target"];

    /// <summary>Each tenant gets its own io client, so that the sandbox counts token requests per tenant.</summary>
    public static Task RegisterAsync(SandboxState io, HttpClient admin, int tenants) =>
        Parallel.ForEachAsync(Enumerable.Range(0, tenants), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            io.AddClient($"storm-{i}", $"secret-{i}", vaultCount: 1);
            (await admin.PutAsJsonAsync($"/v1/tenants/s{i}/credentials", new { clientId = $"storm-{i}", clientSecret = $"secret-{i}" })).EnsureSuccessStatusCode();
        });

    /// <summary>
    /// Every tenant called by <paramref name="callers"/> concurrent calls, all at once, a tenant's calls spread over
    /// the clients; the rows of the figures table.
    /// </summary>
    public static async Task<string[][]> RunAsync(SandboxState io, IReadOnlyList<HttpClient> clients, int tenants, int callers)
    {
        var started = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(Enumerable.Range(0, tenants).SelectMany(i => Enumerable.Range(0, callers)
            .Select(async caller => (await clients[(i + caller) % clients.Count].GetAsync($"/v1/tenants/s{i}/vaults")).StatusCode)));
        var took = started.Elapsed;
        return
        [
            ["token requests at the sandbox", io.TokenRequestsTotal.ToString(), tenants.ToString()],
            ["tenants with more than one token request", Enumerable.Range(0, tenants).Count(i => io.TokenRequests($"storm-{i}") > 1).ToString(), "0"],
            ["calls answered 200", $"{statuses.Count(s => s == HttpStatusCode.OK)} of {statuses.Length}", "all"],
            ["time for all calls", $"{took.TotalSeconds:F1} s", ""],
        ];
    }
}
