using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>What the credential grains do with tokens. No tenant label: with many tenants it would explode the series count.</summary>
public sealed class TokenMetrics
{
    public const string MeterName = "Actors.Tokens";

    private readonly Counter<long> _renewals;
    private readonly Histogram<double> _renewalDuration;
    private readonly Counter<long> _waits;
    private readonly Histogram<double> _tokenAge;
    private readonly UpDownCounter<long> _activeTenants;

    public TokenMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _renewals = meter.CreateCounter<long>("actors.token.renewals", description: "Token requests to io, by outcome (issued, rejected, unavailable).");
        _renewalDuration = meter.CreateHistogram<double>("actors.token.renewal.duration", "s", "How long a token request to io took, retries included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = IoMetrics.SecondsBuckets });
        _waits = meter.CreateCounter<long>("actors.token.waits", description: "Calls that had to wait for a token request because no usable token was at hand.");
        _tokenAge = meter.CreateHistogram<double>("actors.token.age", "s", "Age of the token handed out, when it is handed out.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200] });
        _activeTenants = meter.CreateUpDownCounter<long>("actors.tenants.active", description: "Tenants whose credential grain is active on this silo.");
    }

    public void Renewal(string outcome, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        _renewals.Add(1, tag);
        _renewalDuration.Record(took.TotalSeconds, tag);
    }

    public void Waited() => _waits.Add(1);

    public void HandedOut(TimeSpan age) => _tokenAge.Record(age.TotalSeconds);

    public void TenantActivated() => _activeTenants.Add(1);

    public void TenantDeactivated() => _activeTenants.Add(-1);
}
