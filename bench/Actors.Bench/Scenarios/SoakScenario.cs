using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Bench.Scenarios;

/// <summary>
/// Minutes of mixed GET and POST load over many tenants while io answers 20 % 5xx, 5 % connection resets and
/// occasional 429s: the GET success rate, duplicate POSTs at io, and token requests per renewal.
/// </summary>
internal static class SoakScenario
{
    public static async Task RunAsync(TimeSpan duration, int tenants, int workers, string command)
    {
        await using var sandbox = SandboxHost.Create([], url: "http://127.0.0.1:0");
        await sandbox.StartAsync();
        var io = sandbox.State();
        io.TokenLifetime = TimeSpan.FromSeconds(60);
        await using var actors = await ActorsProcess.StartAsync(sandbox.BaseAddress());
        using var admin = actors.Client();

        var clients = new List<string>();
        for (var i = 0; i < tenants; i++)
        {
            var clientId = $"soak-client-{i}";
            io.AddClient(clientId, $"soak-secret-{i}", vaultCount: 5);
            (await admin.PutAsJsonAsync($"/v1/tenants/t{i}/credentials", new { clientId, clientSecret = $"soak-secret-{i}" })).EnsureSuccessStatusCode();
            clients.Add(clientId);
        }
        io.ResetCounters();
        foreach (var clientId in clients)
            io.SetFaults(clientId, Faults);

        Console.WriteLine($"Soak: {tenants} tenants, {workers} callers, {duration.TotalMinutes:F1} min…");
        var tally = new ConcurrentDictionary<string, int>();
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (stopwatch.Elapsed < duration)
            {
                var tenant = random.Next(tenants);
                var vault = $"soak-client-{tenant}-vault-{random.Next(1, 6):000}";
                var post = random.NextDouble() < 0.2;
                var outcome = await CallAsync(admin, tenant, vault, post);
                tally.AddOrUpdate($"{(post ? "POST" : "GET")} {outcome}", 1, (_, n) => n + 1);
            }
        })));

        var tokenRequests = io.TokenRequestsTotal;
        // Each tenant's first token came with its registration, before the counters were reset.
        var renewals = -tenants;
        for (var i = 0; i < tenants; i++)
            renewals += (await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/t{i}/credentials")).GetProperty("refreshCount").GetInt32();
        var duplicates = clients.Sum(c => io.SignedMessages(c).GroupBy(m => m).Sum(g => g.Count() - 1));
        Report(command, duration, tenants, workers, tally, tokenRequests, renewals, duplicates, io.FaultsInjectedTotal);
    }

    /// <summary>Per client: 10 % 503, 10 % 500, 2.5 % resets before io handles the call, 2.5 % after, ~1 % 429 (Retry-After 1 s).</summary>
    private static readonly FaultPlan[] Faults =
    [
        new() { Status = 503, Rate = 0.10 },
        new() { Status = 500, Rate = 0.10 / 0.90 },
        new() { Reset = true, Rate = 0.025 / 0.80 },
        new() { Reset = true, AfterHandling = true, Rate = 0.025 / 0.775 },
        new() { Status = 429, RetryAfter = TimeSpan.FromSeconds(1), Rate = 0.01 / 0.75 },
    ];

    private static async Task<string> CallAsync(HttpClient admin, int tenant, string vault, bool post)
    {
        try
        {
            using var response = post
                ? await admin.PostAsync($"/v1/tenants/t{tenant}/io/vaults/{vault}/signatures/sign",
                    new StringContent($"{{\"message\":\"{Guid.NewGuid()}\"}}", Encoding.UTF8, "application/json"))
                : await admin.GetAsync($"/v1/tenants/t{tenant}/io/vaults/{vault}/assets");
            // Tell io's own answers from Actors' problems (which carry a code).
            var status = (int)response.StatusCode;
            if (status < 400 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                return status.ToString();
            var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
            return $"{status} {code}";
        }
        catch (HttpRequestException)
        {
            return "error";
        }
    }

    private static void Report(string command, TimeSpan duration, int tenants, int workers, ConcurrentDictionary<string, int> tally,
        int tokenRequests, int renewals, int duplicates, int faults)
    {
        int Count(string prefix) => tally.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(t => t.Value);
        var gets = Count("GET ");
        var getsOk = tally.GetValueOrDefault("GET 200");
        var posts = Count("POST ");
        var report = new BenchReport("Soak: io failing 20 % 5xx, 5 % resets, 1 % 429", command);
        report.Line($"{tenants} tenants, {workers} concurrent callers, {duration.TotalMinutes:F1} min, 80 % GET / 20 % POST (no Idempotency-Key); {faults} faults injected at io.");
        report.Line("");
        report.Table(["figure", "value", "target"],
        [
            ["GET success rate", $"{100.0 * getsOk / Math.Max(1, gets):F3} % ({getsOk} of {gets})", "≥ 99.9 %"],
            ["duplicate POSTs at io", $"{duplicates} (of {posts} POSTs)", "0"],
            ["token requests per renewal", $"{(double)tokenRequests / Math.Max(1, renewals):F3} ({tokenRequests} requests, {renewals} renewals)", "1"],
        ]);
        report.Line("");
        report.Line("Answers by method and status: " + string.Join(", ", tally.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value}")));
        report.Save();
    }
}
