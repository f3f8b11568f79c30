using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.IoSandbox;

/// <summary>Builds the sandbox app, both for <c>dotnet run</c> and for tests that host it in process.</summary>
public static class SandboxHost
{
    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>).</param>
    /// <param name="time">Clock for token expiry; tests pass a fake one. Defaults to <see cref="TimeProvider.System"/>.</param>
    /// <param name="url">Address to listen on, overriding configuration; tests pass "http://127.0.0.1:0" for a free port.</param>
    public static WebApplication Create(string[] args, TimeProvider? time = null, string? url = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Hosted by a test, the entry assembly and working directory are the test runner's; pin both to this
            // assembly and its output folder so appsettings.json is found and app-name-based defaults resolve.
            ApplicationName = typeof(SandboxHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // Per-request framework logs would drown test and benchmark output.
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);

        if (url is not null)
        {
            builder.WebHost.UseUrls(url);
        }

        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));

        var sandbox = builder.Configuration.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        builder.Services.AddSingleton(sandbox.CreateState(time ?? TimeProvider.System));

        var app = builder.Build();
        app.MapTokenEndpoint();
        app.MapVaultEndpoints();
        app.MapSignatureEndpoints();
        app.MapTransferEndpoints();
        app.MapEchoEndpoints();
        app.MapBlobEndpoint();
        app.MapChainEndpoints();
        app.MapControlEndpoints();
        app.MapFaultControlEndpoints();

        // The "Now listening on" line is muted with the other Microsoft logs, so say where we are ourselves.
        app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation("IoSandbox listening on {Address}", app.BaseAddress()));
        return app;
    }

    /// <summary>The address actually bound (resolving port 0), without trailing slash. Only valid once the app has started.</summary>
    public static string BaseAddress(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("The sandbox has not been started.");
        return first.TrimEnd('/');
    }

    /// <summary>The sandbox's state, for tests that arrange clients or read counters directly.</summary>
    public static SandboxState State(this WebApplication app) => app.Services.GetRequiredService<SandboxState>();
}
