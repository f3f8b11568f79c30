namespace Actors.Grains.Credentials;

/// <summary>The result of offering a new client pair: only a pair io accepts replaces the old one.</summary>
[GenerateSerializer, Immutable, Alias("Actors.CredentialChange")]
public sealed record CredentialChange(
    [property: Id(0)] CredentialChangeOutcome Outcome,
    [property: Id(1)] CredentialStatus Status,
    [property: Id(2)] string? Error);

public enum CredentialChangeOutcome
{
    Accepted,
    /// <summary>io refused the new pair; the old one, if any, stays in use.</summary>
    Rejected,
    /// <summary>io could not be asked; nothing changed.</summary>
    Unavailable,
}
