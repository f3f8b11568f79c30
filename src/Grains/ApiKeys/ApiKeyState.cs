namespace Actors.Grains.ApiKeys;

/// <summary>A tenant API key as stored: whose it is and the SHA-256 of its secret part. The key itself is never stored.</summary>
[GenerateSerializer, Alias("Actors.ApiKeyState")]
public sealed class ApiKeyState
{
    [Id(0)] public string? TenantId { get; set; }
    [Id(1)] public byte[] SecretHash { get; set; } = [];
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
