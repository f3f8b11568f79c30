extern alias IoSandbox;

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actors.Tests.Infrastructure;
using IoSandbox::Actors.IoSandbox;

namespace Actors.Tests.Resilience;

/// <summary>io misbehaves, per fault: what the caller sees, and how many attempts io saw.</summary>
public sealed class IoFaultTests : IAsyncLifetime
{
    private Standalone _actors = null!;
    private IoClientPair _pair = null!;

    public async Task InitializeAsync()
    {
        _actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Io:AttemptTimeout"] = "00:00:00.5",
            ["Io:CallBudget"] = "00:00:02",
            ["Io:RetryBaseDelay"] = "00:00:00.05",
            ["Io:MaxRetries"] = "2",
            ["Io:TenantBreaker:MinimumThroughput"] = "6",
            ["Io:TenantBreaker:BreakDuration"] = "00:01:00",
        });
        _pair = await _actors.RegisterAsync("acme", vaultCount: 3);
        Io.ResetCounters();
    }

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    private SandboxState Io => _actors.Sandbox.State;

    private HttpClient Admin => _actors.Host.Admin();

    [Fact]
    public async Task ACallThatOutlivesItsBudgetIs504()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Latency = TimeSpan.FromSeconds(5) });

        await Problem.AssertAsync(await Admin.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.GatewayTimeout, "upstream_timeout");
        Assert.InRange(Io.Requests("GET /v1/vaults"), 2, 3);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task AGetIsRetriedThroughTransientFailures(int status)
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = status, Count = 2 });

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        Assert.Equal(3, Io.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task AGetIsRetriedThroughAConnectionReset()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Reset = true, Count = 1 });

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        Assert.Equal(2, Io.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task APostWithoutIdempotencyKeyThatReachedIoIsNeverSentTwice()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Reset = true, AfterHandling = true, Count = 1 });

        var response = await Sign(idempotencyKey: null);

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.Equal(1, Io.Requests("POST /v1/vaults/{vaultId}/signatures/sign"));
        Assert.Equal(1, Io.SignaturesCreated(_pair.ClientId));
    }

    [Fact]
    public async Task APostWithoutIdempotencyKeyAnswered5xxIsPassedBackNotRepeated()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = 503, Count = 1 });

        var response = await Sign(idempotencyKey: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("injected fault", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal(1, Io.Requests("POST /v1/vaults/{vaultId}/signatures/sign"));
    }

    [Fact]
    public async Task APostWithIdempotencyKeyIsRetriedAndIoKeepsOneSignature()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Reset = true, AfterHandling = true, Count = 1 });

        var response = await Sign(idempotencyKey: Guid.NewGuid().ToString());

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Equal(2, Io.Requests("POST /v1/vaults/{vaultId}/signatures/sign"));
        Assert.Equal(1, Io.SignaturesCreated(_pair.ClientId));
    }

    [Fact]
    public async Task A429WithALongRetryAfterPausesTheTenantsCallsWhichFailFast()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = 429, RetryAfter = TimeSpan.FromSeconds(30), Count = 1 });

        var throttled = await Admin.GetAsync("/v1/tenants/acme/vaults");
        var held = await Admin.GetAsync($"/v1/tenants/acme/vaults/{_pair.ClientId}-vault-001");

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.Headers.RetryAfter?.Delta);
        await Problem.AssertAsync(held, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.InRange(held.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 30);
        Assert.Equal(1, Io.Requests("GET /v1/vaults"));
        Assert.Equal(0, Io.Requests("GET /v1/vaults/{vaultId}"));
    }

    [Fact]
    public async Task A429WithAShortRetryAfterIsWaitedOutAndRetried()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = 429, RetryAfter = TimeSpan.FromSeconds(1), Count = 1 });

        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        Assert.Equal(2, Io.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task TheTenantsBreakerOpensOnRepeatedFailuresAndThenAnswersAtOnce()
    {
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = 500 });
        for (var call = 0; call < 3; call++)
            await Admin.GetAsync("/v1/tenants/acme/vaults");
        var attemptsBeforeOpen = Io.Requests("GET /v1/vaults");

        var stopwatch = Stopwatch.StartNew();
        var broken = await Admin.GetAsync("/v1/tenants/acme/vaults");

        await Problem.AssertAsync(broken, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.NotNull(broken.Headers.RetryAfter);
        Assert.Equal(attemptsBeforeOpen, Io.Requests("GET /v1/vaults"));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), "an open breaker answered slowly");
    }

    [Fact]
    public async Task WhenIoRefusesEveryTokenThereIsOneRenewalOneRetryAndNoStorm()
    {
        Io.RefuseTokens(_pair.ClientId, refuse: true);

        for (var call = 0; call < 10; call++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        Assert.Equal(1, Io.TokenRequests(_pair.ClientId));
        // The first call: the refused token, then the renewed one. Every later call: its one attempt.
        Assert.Equal(11, Io.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task ATenantWhoseIoAccountFailsDoesNotSlowOrFailOtherTenants()
    {
        var healthy = await _actors.RegisterAsync("globex", vaultCount: 3);
        Io.SetFaults(_pair.ClientId, new FaultPlan { Status = 500, Latency = TimeSpan.FromMilliseconds(300) });

        var failing = Enumerable.Range(0, 20).Select(_ => Admin.GetAsync("/v1/tenants/acme/vaults")).ToList();
        var stopwatch = Stopwatch.StartNew();
        var others = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Admin.GetAsync("/v1/tenants/globex/vaults")));
        var othersTook = stopwatch.Elapsed;
        await Task.WhenAll(failing);

        Assert.All(others, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.True(othersTook < TimeSpan.FromSeconds(2), $"healthy tenant's calls took {othersTook.TotalMilliseconds} ms");
        Assert.All(failing, call => Assert.NotEqual(HttpStatusCode.OK, call.Result.StatusCode));
        Assert.Equal(0, Io.FaultsInjected(healthy.ClientId));
    }

    private Task<HttpResponseMessage> Sign(string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/tenants/acme/io/vaults/{_pair.ClientId}-vault-001/signatures/sign")
        {
            Content = new StringContent("{\"message\":\"pay\"}", Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return Admin.SendAsync(request);
    }
}
