using System.Net;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Actors.Grains.Io;

/// <summary>
/// What an io call runs through, outermost first, in one Polly pipeline: the call's total budget and its retries,
/// the tenant's breaker (<see cref="TenantBreaker"/>, a step of Actors' own), io's breaker, and the per-attempt timeout.
/// </summary>
internal sealed class IoResilience
{
    private readonly IoOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _retrying;
    private readonly ResiliencePipeline<HttpResponseMessage> _retryingBeforeSending;
    private readonly ResiliencePipeline<HttpResponseMessage> _tokenRequests;

    private readonly IoMetrics _metrics;

    public IoResilience(IOptions<IoOptions> options, IoMetrics metrics)
    {
        _options = options.Value;
        _metrics = metrics;
        // Token requests are safe to repeat; the credential grain brakes a failing token endpoint itself.
        _tokenRequests = Calls(IsTransient, new ResiliencePipelineBuilder<HttpResponseMessage>()).AddTimeout(_options.AttemptTimeout).Build();
        var tenantBreakers = new TenantBreakers(_options.TenantBreaker, TimeProvider.System, metrics);
        // One io breaker, shared by both kinds of call.
        var ioBreaker = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(IoBreaker(new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()))
            .AddTimeout(_options.AttemptTimeout)
            .Build();
        // Each kind of call runs one pipeline, not pipelines nested in each other: every nesting cost every call
        // its own context, outcome conversion and state machines.
        ResiliencePipeline<HttpResponseMessage> ThroughBreakers(Func<Outcome<HttpResponseMessage>, bool> retryWhen) =>
            Calls(retryWhen, new ResiliencePipelineBuilder<HttpResponseMessage>()).AddTenantBreaker(tenantBreakers).AddPipeline(ioBreaker).Build();
        _retrying = ThroughBreakers(IsTransient);
        _retryingBeforeSending = ThroughBreakers(NeverReachedIo);
    }

    public ResiliencePipeline<HttpResponseMessage> TokenRequests => _tokenRequests;

    /// <summary>
    /// Sends with the pipelines that fit the call. A call that io might apply twice (POST or PATCH without an
    /// <c>Idempotency-Key</c>) is repeated only when it never reached io.
    /// </summary>
    public async ValueTask<HttpResponseMessage> ExecuteAsync<TState>(TenantId tenant, IoRequest call, TState state,
        Func<TState, CancellationToken, ValueTask<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var calls = IsRepeatable(call) ? _retrying : _retryingBeforeSending;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        // The pipelines are shared by every tenant; the call's context says whose breaker it goes through.
        context.Properties.Set(TenantBreakerStrategy.Tenant, tenant);
        try
        {
            return await calls.ExecuteAsync(static (context, last) => last.send(last.state, context.CancellationToken), context, (send, state)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsRepeatable(IoRequest call) =>
        call.Method is "GET" or "HEAD" or "PUT" or "DELETE" or "OPTIONS" || call.IdempotencyKey is not null;

    private ResiliencePipelineBuilder<HttpResponseMessage> Calls(Func<Outcome<HttpResponseMessage>, bool> retryWhen, ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.AddTimeout(_options.CallBudget);
        return _options.MaxRetries == 0 ? builder : builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(retryWhen(args.Outcome)),
                MaxRetryAttempts = _options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryBaseDelay,
                // io's Retry-After, when it sent one, is the wait it asked for (within reason).
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result) is { } wait && wait > TimeSpan.Zero
                    ? (TimeSpan?)(wait < _options.MaxRetryAfter ? wait : _options.MaxRetryAfter)
                    : null),
                OnRetry = args =>
                {
                    // The failed answer is dropped; release its connection before the next attempt.
                    args.Outcome.Result?.Dispose();
                    _metrics.Retried();
                    return default;
                },
            });
    }

    /// <summary>5xx, 408, 429 whose wait is short enough, timeouts and connection failures: worth another attempt.</summary>
    private bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode == HttpStatusCode.RequestTimeout
            || (response.StatusCode == HttpStatusCode.TooManyRequests && !(RetryAfter(response) > _options.MaxRetryAfter)),
        _ => false,
    };

    /// <summary>
    /// Only a failure to connect, or a 429 (io refused to take the call at all), proves that io did not act on the
    /// request, so only those are safe to repeat.
    /// </summary>
    private bool NeverReachedIo(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } response } => !(RetryAfter(response) > _options.MaxRetryAfter),
        _ => false,
    };

    public static TimeSpan? RetryAfter(HttpResponseMessage? response) =>
        response?.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    private CircuitBreakerStrategyOptions<HttpResponseMessage> IoBreaker(PredicateBuilder<HttpResponseMessage> failures) => new()
    {
        FailureRatio = _options.IoBreaker.FailureRatio,
        MinimumThroughput = _options.IoBreaker.MinimumThroughput,
        SamplingDuration = _options.IoBreaker.SamplingDuration,
        BreakDuration = _options.IoBreaker.BreakDuration,
        ShouldHandle = failures,
        OnOpened = _ => Changed("open"),
        OnHalfOpened = _ => Changed("half_open"),
        OnClosed = _ => Changed("closed"),
    };

    private ValueTask Changed(string state)
    {
        _metrics.BreakerChanged("io", state);
        return default;
    }
}
