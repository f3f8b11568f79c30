using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Bench.Scenarios;

/// <summary>
/// Token storm, standalone: many tenants registered, Actors restarted so that none has a token, then every tenant
/// called by many concurrent callers at once. The sandbox counts the token requests: one per tenant is the promise.
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
            await TokenStorm.RegisterAsync(io, admin, tenants);
        }

        // Counted from before the restart: a token requested while Actors starts counts too.
        io.ResetCounters();
        await using var actors = await ActorsProcess.StartAsync(sandbox.BaseAddress(), settings);
        using var client = actors.Client();
        var figures = await TokenStorm.RunAsync(io, [client], tenants, callers);

        var report = new BenchReport("Token storm, standalone", command);
        report.Line($"{tenants} registered tenants, Actors restarted (no tokens in memory), then {callers} concurrent calls per tenant, all at once ({tenants * callers} calls).");
        report.Line("");
        report.Table(TokenStorm.Header, figures);
        report.Save();
    }

    /// <summary>The restarted process must decrypt what the first one stored: both get the same key.</summary>
    private static readonly string StableKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
