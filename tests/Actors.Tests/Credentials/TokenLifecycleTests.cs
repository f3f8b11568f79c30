extern alias IoSandbox;

using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Grains.Telemetry;
using Actors.Tests.Infrastructure;
using IoSandbox::Actors.IoSandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Actors.Tests.Credentials;

/// <summary>Refresh-ahead, lifetimes, brakes and rotation, driven by one fake clock shared by Actors and the sandbox.</summary>
public sealed class TokenLifecycleTests : IAsyncLifetime
{
    private const string DefaultLifetime = "00:07:00";
    private Standalone _actors = null!;

    public async Task InitializeAsync() =>
        _actors = await Standalone.StartAsync(fakeTime: true, new Dictionary<string, string?>
        {
            ["Io:DefaultTokenLifetime"] = DefaultLifetime,
            ["Actors:Tokens:UnavailableCooldown"] = "00:02:00",
            // Retries of a failing token request finish well within the waits below.
            ["Io:RetryBaseDelay"] = "00:00:00.01",
        });

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    private SandboxState Io => _actors.Sandbox.State;

    [Theory]
    [InlineData(LifetimeSource.ExpiresIn, 120)]
    [InlineData(LifetimeSource.JwtOnly, 120)]
    [InlineData(LifetimeSource.None, 420)]
    public async Task EachLifetimeSourceGivesTheRightExpiry(LifetimeSource source, int expectedSeconds)
    {
        Io.LifetimeSource = source;
        Io.TokenLifetime = TimeSpan.FromSeconds(120);
        var registeredAt = _actors.Time!.GetUtcNow();

        await _actors.RegisterAsync("acme");

        var expiresAt = (await StatusAsync()).GetProperty("tokenExpiresAt").GetDateTimeOffset();
        // A JWT's exp has whole seconds.
        Assert.InRange((expiresAt - registeredAt).TotalSeconds, expectedSeconds - 1, expectedSeconds);
    }

    [Fact]
    public async Task UnderSteadyLoadTokensAreRenewedAheadAndNoCallWaits()
    {
        using var waits = new MetricCollector<long>(_actors.Host.Services.GetRequiredService<IMeterFactory>(), TokenMetrics.MeterName, "actors.token.waits");
        var pair = await _actors.RegisterAsync("acme");
        var lifetime = Io.TokenLifetime;

        // Three token lifetimes in steps of 2.5 %, a few calls at each step.
        for (var step = 0; step < 120; step++)
        {
            _actors.Time!.Advance(lifetime / 40);
            var statuses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")));
            Assert.All(statuses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        }

        Assert.Equal(0, waits.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Equal(0, Io.Unauthorized);
        // The registration's token, then one renewal per lifetime, each at 75-80 % of it.
        Assert.InRange(Io.TokenRequests(pair.ClientId), 4, 5);
    }

    [Fact]
    public async Task RejectedCredentialsCauseAtMostTwelveTokenRequestsInAnHourAndCallersFailFast()
    {
        var pair = await _actors.RegisterAsync("acme");
        // The key is changed in io's console: Actors' pair no longer works, and neither do its tokens.
        Io.AddClient(pair.ClientId, "a-new-secret-actors-does-not-know");
        Io.RevokeTokens(pair.ClientId);
        Io.ResetCounters();

        for (var minute = 0; minute < 60; minute++)
        {
            var response = await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults");
            await Problem.AssertAsync(response, HttpStatusCode.BadGateway, "credentials_rejected");
            _actors.Time!.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.InRange(Io.TokenRequests(pair.ClientId), 1, 12);
        var status = await StatusAsync();
        Assert.Equal("rejected", status.GetProperty("state").GetString());
        Assert.True(status.GetProperty("consecutiveFailures").GetInt32() >= 1);
        Assert.Contains("refused", status.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task WhileIosTokenEndpointFailsAValidTokenKeepsBeingServedThenCallersGet503WithRetryAfter()
    {
        var pair = await _actors.RegisterAsync("acme");
        Io.TokenEndpointFailure = 503;
        Io.ResetCounters();

        // Past the refresh-ahead point: the renewal fails, the current token is still good.
        _actors.Time!.Advance(Io.TokenLifetime * 0.85);
        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        var attempts = await EventuallyAsync(() => Io.TokenRequests(pair.ClientId), n => n > 0);
        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        Assert.Equal(attempts, Io.TokenRequests(pair.ClientId));

        // Past expiry: no token, and the brake holds further requests for the cooldown (2 min here).
        _actors.Time.Advance(Io.TokenLifetime * 0.2);
        var response = await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults");

        await Problem.AssertAsync(response, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(attempts, Io.TokenRequests(pair.ClientId));
        Assert.Equal("active", (await StatusAsync()).GetProperty("state").GetString());

        Io.TokenEndpointFailure = null;
        _actors.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        Assert.Equal(0, (await StatusAsync()).GetProperty("consecutiveFailures").GetInt32());
    }

    [Fact]
    public async Task RotationUnderConcurrentLoadFailsNoCall()
    {
        var current = await _actors.RegisterAsync("acme", vaultCount: 2);
        using var stop = new CancellationTokenSource();
        var failures = new List<HttpStatusCode>();
        var calls = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var client = _actors.Host.Admin();
            while (!stop.IsCancellationRequested)
            {
                var response = await client.GetAsync("/v1/tenants/acme/vaults");
                Interlocked.Increment(ref calls);
                if (response.StatusCode != HttpStatusCode.OK)
                    lock (failures) failures.Add(response.StatusCode);
            }
        })).ToArray();

        for (var rotation = 0; rotation < 5; rotation++)
        {
            await Task.Delay(50);
            var next = await _actors.RegisterAsync("acme", vaultCount: 2);
            // The operator deletes the old key in io's console right after rotating.
            Io.RemoveClient(current.ClientId);
            current = next;
        }
        await Task.Delay(50);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.True(calls > 20, $"only {calls} calls were made");
        Assert.Empty(failures);
        Assert.Equal(current.ClientId, (await StatusAsync()).GetProperty("clientId").GetString());
    }

    private async Task<JsonElement> StatusAsync() =>
        await _actors.Host.Admin().GetFromJsonAsync<JsonElement>("/v1/tenants/acme/credentials");

    /// <summary>Background work (a refresh-ahead) finishes on real time; wait for its visible effect.</summary>
    private static async Task<int> EventuallyAsync(Func<int> read, Func<int, bool> done)
    {
        for (var i = 0; i < 200 && !done(read()); i++)
            await Task.Delay(25);
        // Let any retry of the same renewal land before the count is taken.
        await Task.Delay(1500);
        return read();
    }
}
