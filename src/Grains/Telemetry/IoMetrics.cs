using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>How io answers: calls by route template and status class, their duration, retries and breaker changes.</summary>
public sealed class IoMetrics
{
    public const string MeterName = "Actors.Io";

    /// <summary>Buckets for durations in seconds: the SDK's defaults are meant for milliseconds.</summary>
    public static readonly IReadOnlyList<double> SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30];

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _breakerChanges;
    private readonly Counter<long> _coalesced;

    public IoMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>("actors.io.calls", description: "Proxied calls to io, by route template and status class (2xx … 5xx, or error).");
        _duration = meter.CreateHistogram<double>("actors.io.call.duration", "s", "Proxied calls to io, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _retries = meter.CreateCounter<long>("actors.io.retries", description: "Attempts at io repeated after a failure.");
        _coalesced = meter.CreateCounter<long>("actors.io.coalesced", description: "GETs that shared an identical GET already in flight instead of calling io.");
        _breakerChanges = meter.CreateCounter<long>("actors.io.breaker.changes", description: "Circuit breaker state changes, by breaker (tenant, io) and new state.");
    }

    public void Call(string method, string route, string statusClass, TimeSpan took)
    {
        var tags = new TagList { { "http.request.method", method }, { "actors.io.route", route }, { "actors.io.status_class", statusClass } };
        _calls.Add(1, tags);
        _duration.Record(took.TotalSeconds, tags);
    }

    /// <summary>The status class label (<c>2xx</c>, <c>4xx</c> …) without building a string per call.</summary>
    public static string StatusClass(int status) => (status / 100) switch
    {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        5 => "5xx",
        _ => "other",
    };

    public void Retried() => _retries.Add(1);

    public void Coalesced() => _coalesced.Add(1);

    public void BreakerChanged(string breaker, string state) =>
        _breakerChanges.Add(1, new KeyValuePair<string, object?>("breaker", breaker), new KeyValuePair<string, object?>("state", state));
}
