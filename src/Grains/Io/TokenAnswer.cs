namespace Actors.Grains.Io;

/// <summary>What io's token endpoint said, reduced to what the credential grain needs.</summary>
internal sealed record TokenAnswer(TokenAnswerKind Kind, string? AccessToken, TimeSpan Lifetime, string? Error)
{
    /// <summary>Never print the token, wherever this record ends up.</summary>
    public override string ToString() => $"TokenAnswer {{ Kind = {Kind}, Lifetime = {Lifetime}, Error = {Error} }}";

    public static TokenAnswer Issued(string token, TimeSpan lifetime) => new(TokenAnswerKind.Issued, token, lifetime, null);
    public static TokenAnswer Rejected(string error) => new(TokenAnswerKind.Rejected, null, TimeSpan.Zero, error);
    public static TokenAnswer Unavailable(string error) => new(TokenAnswerKind.Unavailable, null, TimeSpan.Zero, error);
}

internal enum TokenAnswerKind
{
    Issued,
    /// <summary>io refused the client id and secret (400, 401, 403): asking again with the same pair will not help.</summary>
    Rejected,
    /// <summary>io could not answer (5xx, timeout, connection failure): asking again later may help.</summary>
    Unavailable,
}
