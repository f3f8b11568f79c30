namespace Actors.IoSandbox;

/// <summary>
/// How io misbehaves for one client (see <see cref="SandboxState.SetFaults"/>), so resilience tests can make it fail deterministically.
/// Each matching request rolls <see cref="Rate"/>; a hit takes one from <see cref="Count"/>, waits <see cref="Latency"/>, then answers
/// <see cref="Status"/> or drops the connection (<see cref="Reset"/>). Without Status, Reset, Latency or LatencyJitter a plan is a no-op.
/// </summary>
public sealed record FaultPlan
{
    /// <summary>Answer this status (400–599) with <c>{"message":"injected fault"}</c> instead of the real answer. Null (default): none.</summary>
    public int? Status { get; init; }

    /// <summary>Share of matching requests hit, from 0 to 1. Default 1: every one.</summary>
    public double Rate { get; init; } = 1.0;

    /// <summary>At most this many requests are hit (delayed and/or faulted), then the plan is spent. Null (default): unlimited.</summary>
    public int? Count { get; init; }

    /// <summary>Adds a <c>Retry-After</c> header to the <see cref="Status"/> answer, in whole seconds rounded up, at least 1. Null (default): none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// Real time to wait before answering, whether the answer is real or a fault. Default zero.
    /// Waited before the endpoint runs, or after it with <see cref="AfterHandling"/>.
    /// </summary>
    public TimeSpan Latency { get; init; }

    /// <summary>A uniformly random extra wait in [0, LatencyJitter] on top of <see cref="Latency"/>. Default zero.</summary>
    public TimeSpan LatencyJitter { get; init; }

    /// <summary>Abort the connection instead of answering. Default false.</summary>
    public bool Reset { get; init; }

    /// <summary>
    /// False (default): the fault strikes before the endpoint runs, so io never saw the request and nothing is created.
    /// True: the endpoint runs (a signature IS created), then its answer is replaced: io did the work, the caller never heard.
    /// </summary>
    public bool AfterHandling { get; init; }

    /// <summary>Only requests whose path starts with this (case-insensitive, like routing), e.g. "/v1/vaults". Null (default): every /v1 resource.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only requests with this HTTP method, e.g. "POST". Null (default): every method.</summary>
    public string? Method { get; init; }

    /// <returns>Why the plan is unusable, or null when it is fine.</returns>
    internal string? Problem() =>
        Status is < 400 or > 599 ? "status must be an error status from 400 to 599"
        : Status is not null && Reset ? "status and reset exclude each other"
        : RetryAfter is not null && Status is null ? "retryAfter needs a status to go with"
        : RetryAfter < TimeSpan.Zero ? "retryAfter must not be negative"
        : !(Rate is >= 0 and <= 1) ? "rate must be between 0 and 1"
        : Count < 0 ? "count must not be negative"
        : Latency < TimeSpan.Zero || Latency > Delays.Max ? "latency must be between zero and one day"
        : LatencyJitter < TimeSpan.Zero || LatencyJitter > Delays.Max ? "latencyJitter must be between zero and one day"
        : PathPrefix is not null && !PathPrefix.StartsWith('/') ? "pathPrefix must start with /"
        : null;
}
