using System.Diagnostics.Metrics;
using System.Net;
using Actors.Grains.Io;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;

namespace Actors.Tests.Resilience;

/// <summary>A tenant's breaker keeps the rules of Polly's advanced circuit breaker.</summary>
public sealed class TenantBreakerTests : IDisposable
{
    private static readonly TenantId Acme = TenantId.Parse("acme");
    private readonly FakeTimeProvider _time = new();
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MetricCollector<long> _changes;
    private readonly TenantBreakers _breakers;

    public TenantBreakerTests()
    {
        var metrics = new IoMetrics(_services.GetRequiredService<IMeterFactory>());
        _changes = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(), IoMetrics.MeterName, "actors.io.breaker.changes");
        var options = new BreakerOptions { FailureRatio = 0.5, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(30), BreakDuration = TimeSpan.FromSeconds(5) };
        _breakers = new TenantBreakers(options, _time, metrics);
    }

    public void Dispose()
    {
        _changes.Dispose();
        _services.Dispose();
    }

    /// <summary>A call through a pipeline holding only the tenants' breakers, as acme.</summary>
    private async Task<HttpResponseMessage> ThroughBreakerAsync<TState>(TState state, Func<TState, ValueTask<HttpResponseMessage>> send)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTenantBreaker(_breakers).Build();
        var context = ResilienceContextPool.Shared.Get();
        context.Properties.Set(TenantBreakerStrategy.Tenant, Acme);
        try
        {
            return await pipeline.ExecuteAsync(static (_, call) => call.send(call.state), context, (send, state));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    [Fact]
    public async Task ItOpensOnlyOnceEnoughAttemptsWereMadeAndEnoughOfThemFailed()
    {
        for (var i = 0; i < 9; i++)
            await FailAsync();
        // Nine failed attempts are not enough to judge: the tenth still goes through.
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            ThroughBreakerAsync(0, static _ => throw new HttpRequestException("reset")));

        var refused = await Assert.ThrowsAsync<BrokenCircuitException>(SucceedAsync);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.Equal(["open"], States());
    }

    [Fact]
    public async Task SuccessesWithinTheSamplingDurationDiluteTheFailures()
    {
        for (var i = 0; i < 100; i++)
            await SucceedAsync();
        for (var i = 0; i < 10; i++)
            await FailAsync();

        Assert.Equal(HttpStatusCode.OK, await SucceedAsync());
    }

    [Fact]
    public async Task AttemptsLeaveTheCountASamplingDurationAfterTheirWindowStarted()
    {
        for (var i = 0; i < 100; i++)
            await SucceedAsync();
        _time.Advance(TimeSpan.FromSeconds(29));
        for (var i = 0; i < 9; i++)
            await FailAsync();
        _time.Advance(TimeSpan.FromSeconds(1));

        await FailAsync();

        await Assert.ThrowsAsync<BrokenCircuitException>(SucceedAsync);
    }

    [Fact]
    public async Task AfterTheBreakOneTrialGoesThroughAndItsSuccessClosesTheBreaker()
    {
        await OpenAsync();
        _time.Advance(TimeSpan.FromSeconds(5));
        var trial = new TaskCompletionSource<HttpResponseMessage>();
        var trialCall = ThroughBreakerAsync(trial, static t => new ValueTask<HttpResponseMessage>(t.Task));

        await Assert.ThrowsAsync<BrokenCircuitException>(SucceedAsync);
        trial.SetResult(new HttpResponseMessage(HttpStatusCode.OK));
        await trialCall;

        Assert.Equal(HttpStatusCode.OK, await SucceedAsync());
        // Closing forgot the failures that opened it: one more failure is far from enough.
        await FailAsync();
        Assert.Equal(HttpStatusCode.OK, await SucceedAsync());
        Assert.Equal(["open", "half_open", "closed"], States());
    }

    [Fact]
    public async Task AFailedTrialOpensTheBreakerForAnotherBreak()
    {
        await OpenAsync();
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.InternalServerError, await SendAsync(HttpStatusCode.InternalServerError));

        var refused = await Assert.ThrowsAsync<BrokenCircuitException>(SucceedAsync);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.RetryAfter);
        Assert.Equal(["open", "half_open", "open"], States());
    }

    [Fact]
    public async Task OnlyConnectionFailuresTimeoutsAnd5xxCountAsFailures()
    {
        for (var i = 0; i < 10; i++)
            await SendAsync(HttpStatusCode.TooManyRequests);
        for (var i = 0; i < 10; i++)
            await Assert.ThrowsAsync<OperationCanceledException>(() => ThroughBreakerAsync(0, static _ =>
                throw new OperationCanceledException()));

        Assert.Equal(HttpStatusCode.OK, await SucceedAsync());
        Assert.Empty(States());
    }

    [Fact]
    public void TheCountIsOfTheLastSamplingDurationInWindowsOfATenth()
    {
        var health = new RollingHealth(TimeSpan.FromSeconds(30));
        for (var second = 0; second < 60; second++)
            health.Failure(DateTimeOffset.UnixEpoch.AddSeconds(second));

        // Windows started every 3 s; at 59 s those started at 30 s … 57 s count: ten windows of three attempts.
        Assert.Equal((30, 1.0), health.Read(DateTimeOffset.UnixEpoch.AddSeconds(59)));
    }

    [Fact]
    public void ADurationThatTenthsDoNotDivideKeepsElevenWindows()
    {
        var health = new RollingHealth(TimeSpan.FromSeconds(30) + TimeSpan.FromTicks(9));
        for (var second = 0; second <= 30; second++)
            health.Success(DateTimeOffset.UnixEpoch.AddSeconds(second));

        Assert.Equal((31, 0.0), health.Read(DateTimeOffset.UnixEpoch.AddSeconds(30)));
    }

    private async Task OpenAsync()
    {
        for (var i = 0; i < 10; i++)
            await FailAsync();
    }

    private async Task FailAsync()
    {
        try
        {
            await ThroughBreakerAsync(0, static _ => throw new HttpRequestException("reset"));
        }
        catch (HttpRequestException)
        {
            // The failure is what the test wants.
        }
    }

    private Task<HttpStatusCode> SucceedAsync() => SendAsync(HttpStatusCode.OK);

    private async Task<HttpStatusCode> SendAsync(HttpStatusCode status)
    {
        using var response = await ThroughBreakerAsync(status, static s => ValueTask.FromResult(new HttpResponseMessage(s)));
        return response.StatusCode;
    }

    private string[] States() => _changes.GetMeasurementSnapshot().Select(m => (string)m.Tags["state"]!).ToArray();
}
