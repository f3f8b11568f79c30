using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Actors.Grains.Io;

/// <summary>
/// One tenant's circuit breaker on this silo, with the rules of Polly's advanced circuit breaker, which it replaces
/// because Polly's costs about 3 KB and a background task per tenant. It opens when, within the sampling duration,
/// at least the minimum throughput of attempts was made and at least the failure ratio of them failed (a connection
/// failure, a timed out attempt, or a 5xx); while open it refuses calls with a <see cref="BrokenCircuitException"/>;
/// once the break is over it lets one trial call through (half open): its success closes the breaker, its failure
/// opens it again.
/// </summary>
internal sealed class TenantBreaker(TenantBreakers silo)
{
    private const string Refused = "The circuit is now open and is not allowing calls.";

    private readonly RollingHealth _health = new(silo.Options.SamplingDuration);
    private volatile BreakerState _state;
    private DateTimeOffset _blockedUntil;

    /// <summary>A step of a Polly pipeline (see <see cref="TenantBreakerStrategy"/>): outcomes, not exceptions.</summary>
    public async ValueTask<Outcome<HttpResponseMessage>> ExecuteAsync<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        if (Enter() is { } refused)
            return Outcome.FromException<HttpResponseMessage>(refused);
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        Record(failed: outcome.Exception is HttpRequestException or TimeoutRejectedException
            || outcome.Result?.StatusCode >= HttpStatusCode.InternalServerError);
        return outcome;
    }

    /// <summary>Lets the call through (null), or says why not when the breaker is open (or half open with its trial under way).</summary>
    private BrokenCircuitException? Enter()
    {
        if (_state == BreakerState.Closed)
            return null;
        TimeSpan? refusal = null;
        var halfOpened = false;
        lock (_health)
        {
            var now = silo.Time.GetUtcNow();
            if (_state == BreakerState.Open && now >= _blockedUntil)
            {
                // The trial: every other call is refused until it ends, or for another break if it never ends.
                _blockedUntil = now + silo.Options.BreakDuration;
                _state = BreakerState.HalfOpen;
                halfOpened = true;
            }
            else if (_state != BreakerState.Closed)
            {
                refusal = _blockedUntil - now;
            }
        }
        if (halfOpened)
            silo.Changed("half_open");
        return refusal is { } retryAfter ? new BrokenCircuitException(Refused, retryAfter) : null;
    }

    private void Record(bool failed)
    {
        string? change = null;
        lock (_health)
        {
            var now = silo.Time.GetUtcNow();
            if (!failed)
            {
                _health.Success(now);
                if (_state == BreakerState.HalfOpen)
                {
                    _state = BreakerState.Closed;
                    _blockedUntil = DateTimeOffset.MinValue;
                    _health.Reset();
                    change = "closed";
                }
            }
            else
            {
                var opens = _state == BreakerState.HalfOpen;
                if (_state != BreakerState.HalfOpen)
                    _health.Failure(now);
                if (_state == BreakerState.Closed)
                {
                    var (throughput, failureRate) = _health.Read(now);
                    opens = throughput >= silo.Options.MinimumThroughput && failureRate >= silo.Options.FailureRatio;
                }
                if (opens)
                {
                    var breakDuration = silo.Options.BreakDuration;
                    _blockedUntil = breakDuration > DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + breakDuration;
                    _state = BreakerState.Open;
                    change = "open";
                }
            }
        }
        if (change is not null)
            silo.Changed(change);
    }

    private enum BreakerState
    {
        Closed,
        Open,
        HalfOpen,
    }
}
