using System.Diagnostics;
using System.Net.Http.Json;
using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Bench.Scenarios;

/// <summary>
/// Many tenants registered and active on one silo (standalone): memory per active tenant (deltas of the Actors
/// process's live GC heap, see <see cref="LiveHeap"/>, and of its working set) and the rate at which tenants are
/// registered and activated.
/// </summary>
internal static class ScaleScenario
{
    public static async Task RunAsync(int tenants, int callers, TimeSpan hold, string command)
    {
        await using var sandbox = SandboxHost.Create([], url: "http://127.0.0.1:0");
        await sandbox.StartAsync();
        var io = sandbox.State();
        io.TokenLifetime = TimeSpan.FromHours(1);
        await using var actors = await ActorsProcess.StartAsync(sandbox.BaseAddress());
        using var admin = actors.Client();
        await admin.GetAsync("/v1/tenants/warm-up/credentials");
        var before = await MemoryAsync(admin, actors.Process, hold);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tenants), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, _) =>
        {
            io.AddClient($"scale-{i}", $"secret-{i}", vaultCount: 1);
            (await admin.PutAsJsonAsync($"/v1/tenants/x{i}/credentials", new { clientId = $"scale-{i}", clientSecret = $"secret-{i}" })).EnsureSuccessStatusCode();
        });
        var registered = clock.Elapsed;
        clock.Restart();
        // One io call each: the tenant's account grain is active too, as for a tenant in use.
        await Parallel.ForEachAsync(Enumerable.Range(0, tenants), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, _) =>
            (await admin.GetAsync($"/v1/tenants/x{i}/vaults")).EnsureSuccessStatusCode());
        var called = clock.Elapsed;
        var after = await MemoryAsync(admin, actors.Process, hold);

        var report = new BenchReport("Tenants at scale on one silo", command);
        report.Line($"{tenants} tenants registered (credential grain active) and each called once (account grain active) through one standalone Actors process.");
        report.Line("");
        report.Table(["figure", "value", "target"],
        [
            ["live GC heap per active tenant (after a full collection)", $"{(after.Heap - before.Heap) / tenants / 1024.0:F2} KiB", "≤ 4 KiB"],
            ["working set per active tenant", $"{(after.WorkingSet - before.WorkingSet) / tenants / 1024.0:F2} KiB", "≤ 4 KiB"],
            ["registrations per second (verified with io, stored in SQLite)", $"{tenants / registered.TotalSeconds:F0}", ""],
            ["first calls (activations) per second", $"{tenants / called.TotalSeconds:F0}", ""],
            ["live GC heap / working set, before → after", $"{before.Heap / 1048576.0:F0} → {after.Heap / 1048576.0:F0} MiB / {before.WorkingSet / 1048576.0:F0} → {after.WorkingSet / 1048576.0:F0} MiB", ""],
        ]);
        report.Save();
    }

    private static async Task<(double Heap, double WorkingSet)> MemoryAsync(HttpClient admin, Process process, TimeSpan hold)
    {
        // Let in-flight work (storage writes, refresh-ahead) settle before the heap is looked at.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heap = await LiveHeap.MeasureAsync(admin, process.Id);
        process.Refresh();
        var workingSet = process.WorkingSet64;
        if (hold > TimeSpan.Zero)
        {
            Console.WriteLine($"Actors process {process.Id} held for {hold.TotalSeconds:F0} s (e.g. for dotnet-gcdump collect -p {process.Id}).");
            await Task.Delay(hold);
        }
        return (heap, workingSet);
    }
}
