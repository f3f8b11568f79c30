namespace Actors.Grains.Secrets;

/// <summary>A secret encrypted with AES-GCM: the id of the key used, the nonce, the ciphertext and the tag.</summary>
[GenerateSerializer, Alias("Actors.ProtectedSecret")]
public sealed class ProtectedSecret
{
    [Id(0)] public string KeyId { get; set; } = "";
    [Id(1)] public byte[] Nonce { get; set; } = [];
    [Id(2)] public byte[] Ciphertext { get; set; } = [];
    [Id(3)] public byte[] Tag { get; set; } = [];
}
