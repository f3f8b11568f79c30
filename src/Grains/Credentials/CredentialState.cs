using Actors.Grains.Secrets;

namespace Actors.Grains.Credentials;

/// <summary>What a tenant's credential grain persists: the client id and the encrypted secret. Tokens are never stored.</summary>
[GenerateSerializer, Alias("Actors.CredentialState")]
public sealed class CredentialState
{
    [Id(0)] public string? ClientId { get; set; }
    [Id(1)] public ProtectedSecret? Secret { get; set; }
    [Id(2)] public DateTimeOffset? UpdatedAt { get; set; }
}
