using Actors.Bench.Infrastructure;
using Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Actors.Bench.Scenarios;

/// <summary>The servers the bench starts in child processes: the sandbox, and the YARP baseline.</summary>
internal static class Hosts
{

    public static async Task RunSandboxAsync(int port)
    {
        var app = SandboxHost.Create(["--Logging:LogLevel:Default=Warning"], url: $"http://127.0.0.1:{port}");
        app.MapGet(ChildHost.AllocatedPath, () => GC.GetTotalAllocatedBytes());
        await app.RunAsync();
    }

    /// <summary>What a platform would build instead of Actors: a reverse proxy that attaches one cached token.</summary>
    public static async Task RunYarpAsync(int port, string upstream, string token)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddReverseProxy()
            .LoadFromMemory(
                [new RouteConfig { RouteId = "io", ClusterId = "io", Match = new RouteMatch { Path = "{**path}" } }],
                [new ClusterConfig { ClusterId = "io", Destinations = new Dictionary<string, DestinationConfig> { ["io"] = new() { Address = upstream } } }])
            .AddTransforms(context => context.AddRequestHeader("Authorization", $"Bearer {token}", append: false));
        var app = builder.Build();
        app.MapGet("/", () => "yarp");
        app.MapGet(ChildHost.AllocatedPath, () => GC.GetTotalAllocatedBytes());
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
