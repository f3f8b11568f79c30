using System.Diagnostics.Metrics;

namespace Actors.Grains.Telemetry;

/// <summary>What the credential grains do with tokens. No tenant label: with many tenants it would explode the series count.</summary>
public sealed class TokenMetrics
{
    public const string MeterName = "Actors.Tokens";

    private readonly Counter<long> _renewals;
    private readonly Counter<long> _waits;

    public TokenMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _renewals = meter.CreateCounter<long>("actors.token.renewals", description: "Token requests to io, by outcome (issued, rejected, unavailable).");
        _waits = meter.CreateCounter<long>("actors.token.waits", description: "Calls that had to wait for a token request because no usable token was at hand.");
    }

    public void Renewal(string outcome) => _renewals.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Waited() => _waits.Add(1);
}
