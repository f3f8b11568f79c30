using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Api.ApiKeys;

/// <summary>
/// A tenant API key, <c>act_{id}_{secret}</c>: a public id that names the key's record, and 256 random bits that
/// only the holder knows. Only the SHA-256 of the secret is stored; a high-entropy secret needs no slow hash.
/// </summary>
internal readonly record struct TenantApiKey(string Id, byte[] SecretHash)
{
    private const string Prefix = "act_";
    private const int IdBytes = 9;
    private const int SecretBytes = 32;

    /// <summary>32 bytes are 43 base64url characters; the bound keeps a hostile header off the stack.</summary>
    private const int MaxSecretChars = 64;

    /// <summary>A new key: its parsed form for storage and its text, to be shown once.</summary>
    public static (TenantApiKey Key, string Text) Create()
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (new TenantApiKey(id, Hash(secret)), $"{Prefix}{id}_{secret}");
    }

    public static bool TryParse(ReadOnlySpan<char> text, [NotNullWhen(true)] out TenantApiKey? key)
    {
        key = null;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            return false;
        var rest = text[Prefix.Length..];
        // The id is 12 base64url characters, and base64url may itself contain '_': split at the fixed length.
        if (rest.Length <= 13 || rest.Length > 13 + MaxSecretChars || rest[12] != '_')
            return false;
        var id = rest[..12];
        var secret = rest[13..];
        if (!Base64Url.IsValid(id) || !Base64Url.IsValid(secret, out var secretLength) || secretLength != SecretBytes)
            return false;
        key = new TenantApiKey(id.ToString(), Hash(secret));
        return true;
    }

    private static byte[] Hash(ReadOnlySpan<char> secret)
    {
        Span<byte> ascii = stackalloc byte[MaxSecretChars];
        var length = Encoding.ASCII.GetBytes(secret, ascii);
        return SHA256.HashData(ascii[..length]);
    }
}
