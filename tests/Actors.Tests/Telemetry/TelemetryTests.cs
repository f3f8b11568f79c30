extern alias IoSandbox;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Actors.Tests.Infrastructure;
using IoSandbox::Actors.IoSandbox;

namespace Actors.Tests.Telemetry;

/// <summary>What an operator sees: metrics that move, one trace per call, a dashboard behind the admin key, and no secret anywhere.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Io:RetryBaseDelay"] = "00:00:00.01",
        ["Actors:Telemetry:Traces"] = "true",
        ["Actors:Dashboard"] = "true",
    });

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task AFullScenarioMovesTheMetricsAndNoMetricSpanOrLogHoldsASecretOrToken()
    {
        var io = _actors.Sandbox.State;
        var first = await _actors.RegisterAsync("acme");
        var admin = _actors.Host.Admin();
        await admin.GetAsync("/v1/tenants/acme/vaults");
        io.RevokeTokens(first.ClientId);
        await admin.GetAsync("/v1/tenants/acme/vaults");
        io.SetFaults(first.ClientId, new FaultPlan { Status = 503, Count = 1 });
        await admin.GetAsync($"/v1/tenants/acme/vaults/{first.ClientId}-vault-001");
        var second = await _actors.RegisterAsync("acme");
        io.AddClient(second.ClientId, "changed-at-io");
        io.RevokeTokens(second.ClientId);
        await admin.GetAsync("/v1/tenants/acme/vaults");
        await admin.DeleteAsync("/v1/tenants/acme/credentials");

        var metrics = await _actors.Host.Caller(null).GetStringAsync("/metrics");

        AssertSeries(metrics, "actors_token_renewals_total", "outcome=\"issued\"");
        AssertSeries(metrics, "actors_token_renewals_total", "outcome=\"rejected\"");
        AssertSeries(metrics, "actors_token_renewal_duration_seconds_bucket");
        AssertSeries(metrics, "actors_token_age_seconds_bucket");
        AssertSeries(metrics, "actors_io_calls_total", "actors_io_route=\"/v1/vaults\"", "actors_io_status_class=\"2xx\"");
        AssertSeries(metrics, "actors_io_calls_total", "actors_io_route=\"/v1/vaults/{id}\"");
        AssertSeries(metrics, "actors_io_call_duration_seconds_bucket");
        AssertSeries(metrics, "actors_io_retries_total");
        AssertSeries(metrics, "actors_tenants_active");
        Assert.DoesNotContain("acme", metrics);
        var spans = _actors.Host.Spans.Select(Describe).ToList();
        var logs = _actors.Host.LogLines().ToList();
        foreach (var secret in new[] { first.ClientSecret, second.ClientSecret }.Concat(io.IssuedTokens()))
        {
            Assert.DoesNotContain(secret, metrics);
            Assert.DoesNotContain(spans, span => span.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(logs, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task OneTraceRunsFromTheApiRequestThroughTheGrainsToTheIoCall()
    {
        // Listeners are process-wide, so other tests' spans arrive too: a tenant of its own tells this trace apart.
        var tenant = $"trace-{Guid.NewGuid():N}"[..20];
        await _actors.RegisterAsync(tenant);
        var sandbox = _actors.Sandbox.BaseAddress;

        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync($"/v1/tenants/{tenant}/vaults?limit=1")).StatusCode);

        bool IsTheRequest(Activity s) => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("actors.tenant"), tenant) && Url(s).EndsWith("/vaults");
        var spans = await EventuallyAsync(() => _actors.Host.Spans.ToList(), all => all.Any(s => IsTheRequest(s)
            && all.Any(io => io.TraceId == s.TraceId && io.Kind == ActivityKind.Client && Url(io).StartsWith(sandbox + "/v1/vaults"))));
        var request = spans.First(IsTheRequest);
        Assert.Contains(spans, s => s.TraceId == request.TraceId && s.Kind == ActivityKind.Client && Url(s).StartsWith(sandbox + "/v1/vaults"));
        Assert.Contains(spans, s => s.TraceId == request.TraceId && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDashboardAnswersOnlyTheAdminKey()
    {
        var tenantKey = (await _actors.IssueKeyAsync("acme")).Key;

        Assert.Equal(HttpStatusCode.Unauthorized, (await _actors.Host.Caller(null).GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _actors.Host.Caller(tenantKey).GetAsync("/dashboard")).StatusCode);
        // HttpClient drops Authorization on a redirect, so ask for the page itself.
        var page = await _actors.Host.Admin().GetAsync("/dashboard/");
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{(int)page.StatusCode} {page.Headers.Location}");
    }

    [Fact]
    public async Task StandaloneHealthIsLiveAndReady()
    {
        var caller = _actors.Host.Caller(null);

        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>A series of that metric with those labels and a value above zero.</summary>
    private static void AssertSeries(string metrics, string name, params string[] labels) =>
        Assert.True(metrics.Split('\n').Any(line => line.StartsWith(name + "{", StringComparison.Ordinal)
            && labels.All(line.Contains)
            && double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture) > 0),
            $"no {name} series with {string.Join(", ", labels)} above zero in:\n{string.Join('\n', metrics.Split('\n').Where(l => l.StartsWith(name, StringComparison.Ordinal)))}");

    private static string Url(Activity span) => span.GetTagItem("url.full") as string ?? span.GetTagItem("url.path") as string ?? "";

    private static string Describe(Activity span) =>
        $"{span.DisplayName} {string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(' ', span.Events.Select(e => e.Name))}";

    private static async Task<List<Activity>> EventuallyAsync(Func<List<Activity>> read, Func<List<Activity>, bool> done)
    {
        // Spans are exported when they end, which for the server span is just after the answer is sent.
        for (var i = 0; i < 250 && !done(read()); i++)
            await Task.Delay(20);
        await Task.Delay(100);
        return read();
    }
}
