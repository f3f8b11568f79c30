namespace Actors.Grains.Io;

/// <summary>How Actors reaches io. Bound from the <c>Io</c> configuration section.</summary>
public sealed class IoOptions
{
    public const string Section = "Io";

    /// <summary>io's base address; must be https unless <see cref="AllowInsecureLoopback"/> and the host is loopback.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.iofinnet.com");

    /// <summary>Allows an http:// base address whose host is loopback (the sandbox, tests). Default false.</summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>
    /// One host name allowed over http:// besides loopback: a sandbox on a private container network, such as
    /// docker-compose's <c>io-sandbox</c>. Never set it for io itself. Default none.
    /// </summary>
    public string? AllowInsecureHost { get; set; }

    /// <summary>Lifetime of a token whose answer has neither <c>expiresIn</c> nor a JWT <c>exp</c>. Default 5 minutes.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one attempt at io. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for one call, retries included; well inside Orleans' 30 s grain call timeout. Default 20 s.</summary>
    public TimeSpan CallBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest io answer passed back; a larger one fails with <c>payload_too_large</c>. Default 16 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Retries after a failed attempt, when a repeat is safe. Default 5: even with a quarter of io's answers failing,
    /// six attempts fail together less than once in three thousand calls, and the breakers stop them in an outage.
    /// </summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>First retry delay; it doubles, with jitter, for each further retry (about 3 s in all). Default 100 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest <c>Retry-After</c> from io that a retry waits for; a longer one ends the call. Default 5 s.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Identical GETs of one vault (or one tenant's account calls) in flight at the same moment share one io call.
    /// In flight only: nothing is cached. Default true.
    /// </summary>
    public bool CoalesceReads { get; set; } = true;

    /// <summary>Longest pause of a tenant's calls after io answered 429, whatever its Retry-After said. Default 60 s.</summary>
    public TimeSpan MaxThrottlePause { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// One breaker per tenant and silo: one io account's trouble stays with that tenant. It needs 50 attempts in
    /// 30 s to judge, so that a run of bad luck at a quarter's failure rate does not open it.
    /// </summary>
    public BreakerOptions TenantBreaker { get; set; } = new() { FailureRatio = 0.5, MinimumThroughput = 50, BreakDuration = TimeSpan.FromSeconds(5) };

    /// <summary>One breaker for io as a whole, per silo. It counts only failures to reach io at all, and trips only when
    /// nearly every call fails, so that no single tenant can open it.</summary>
    public BreakerOptions IoBreaker { get; set; } = new() { FailureRatio = 0.9, MinimumThroughput = 200, BreakDuration = TimeSpan.FromSeconds(5) };
}

public sealed class BreakerOptions
{
    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the breaker.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 50;

    /// <summary>Window over which attempts are counted. Default 30 s.</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker answers at once, before letting a trial call through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
