using System.Net.Http.Headers;
using Actors.Grains.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// The Api in standalone mode (co-hosted silo, SQLite file) against a sandbox, configured only through the
/// configuration keys a user would set.
/// </summary>
public sealed class ActorsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly FakeTimeProvider? _time;

    public ActorsHost(string ioBaseUrl, string databasePath, FakeTimeProvider? time = null, string? secretKey = null,
        IDictionary<string, string?>? settings = null)
    {
        _time = time;
        _settings = new Dictionary<string, string?>
        {
            ["Io:BaseUrl"] = ioBaseUrl,
            ["Io:AllowInsecureLoopback"] = "true",
            ["Actors:AdminKey"] = TestKeys.Admin,
            ["Actors:Secrets:Keys:0:Id"] = "k1",
            ["Actors:Secrets:Keys:0:Key"] = secretKey ?? TestKeys.NewAesKey(),
            ["ConnectionStrings:Actors"] = $"Data Source={databasePath}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
            // Load tests would trip the per-tenant limit; the rate limit test sets its own.
            ["Actors:RateLimit:TokenLimit"] = "1000000",
            ["Actors:RateLimit:TokensPerPeriod"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            _settings[key] = value;
        // A real Kestrel port: callers have a real address, and raw request targets reach the Api as sent.
        UseKestrel(0);
    }

    /// <summary>Every span the Api and its co-hosted silo finished.</summary>
    public List<System.Diagnostics.Activity> Spans { get; } = [];

    public string SecretKey => _settings["Actors:Secrets:Keys:0:Key"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_time is not null)
            builder.ConfigureTestServices(services => services.AddKeyedSingleton<TimeProvider>(ActorsClock.Key, _time));
        // Log lines and spans are kept in memory (not printed), so that tests can search them for secrets.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddFakeLogging());
        builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    /// <summary>Every log record written so far, with its message, structured state and exception as text.</summary>
    public IEnumerable<string> LogLines() => Services.GetFakeLogCollector().GetSnapshot()
        .Select(r => $"{r.Level} {r.Category} {r.Message} {string.Join(' ', r.StructuredState ?? [])} {r.Exception}");

    public HttpClient Admin() => Caller(TestKeys.Admin);

    /// <summary>Where the Api listens, for raw requests that an <see cref="HttpClient"/> would normalise.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>A caller that sees the Api's answers as they are: no redirect is followed on its behalf.</summary>
    public HttpClient Caller(string? bearerKey)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = Address });
        if (bearerKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerKey);
        return client;
    }
}
