using Actors.Grains.Io;

namespace Actors.Grains.Credentials;

/// <summary>
/// Stops token requests for a while after io refused the credentials (30 s, doubling up to 1 h) or could not
/// answer (30 s), so that a broken tenant does not hammer io and its callers fail fast.
/// </summary>
internal sealed record TokenBrake(IoFailure Failure, DateTimeOffset Until, int Failures, int Rejections)
{
    public static readonly TokenBrake None = new(IoFailure.None, DateTimeOffset.MinValue, 0, 0);

    public bool Rejected => Failure == IoFailure.CredentialsRejected;

    public bool Holds(DateTimeOffset now) => Failure != IoFailure.None && now < Until;

    public TokenBrake Reject(DateTimeOffset now, TokenOptions options)
    {
        var cooldown = options.RejectedCooldown * Math.Pow(2, Math.Min(Rejections, 20));
        if (cooldown > options.MaxRejectedCooldown)
            cooldown = options.MaxRejectedCooldown;
        return new TokenBrake(IoFailure.CredentialsRejected, now + cooldown, Failures + 1, Rejections + 1);
    }

    public TokenBrake Fail(DateTimeOffset now, TokenOptions options) =>
        new(IoFailure.UpstreamUnavailable, now + options.UnavailableCooldown, Failures + 1, Rejections);
}
