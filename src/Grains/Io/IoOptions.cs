namespace Actors.Grains.Io;

/// <summary>How Actors reaches io. Bound from the <c>Io</c> configuration section.</summary>
public sealed class IoOptions
{
    public const string Section = "Io";

    /// <summary>io's base address; must be https unless <see cref="AllowInsecureLoopback"/> and the host is loopback.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.iofinnet.com");

    /// <summary>Allows an http:// base address whose host is loopback (the sandbox, tests). Default false.</summary>
    public bool AllowInsecureLoopback { get; set; }

    /// <summary>Lifetime of a token whose answer has neither <c>expiresIn</c> nor a JWT <c>exp</c>. Default 5 minutes.</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest wait for one attempt at io. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for one call, retries included; well inside Orleans' 30 s grain call timeout. Default 20 s.</summary>
    public TimeSpan CallBudget { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest io answer passed back; a larger one fails with <c>payload_too_large</c>. Default 16 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024 * 1024;
}
