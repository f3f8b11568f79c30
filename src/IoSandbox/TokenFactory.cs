using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Actors.IoSandbox;

/// <summary>Mints access tokens shaped like io's. Nobody verifies the signature, so it is random bytes that make the token unguessable.</summary>
internal static class TokenFactory
{
    private static readonly string Header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));

    /// <summary>A JWT-shaped token whose <c>exp</c> claim carries the expiry, for clients that decode it.</summary>
    public static string Jwt(string clientId, DateTimeOffset expiresAt)
    {
        var payload = new { sub = clientId, exp = expiresAt.ToUnixTimeSeconds(), jti = Random(16) };
        return $"{Header}.{Encode(JsonSerializer.SerializeToUtf8Bytes(payload))}.{Random(32)}";
    }

    /// <summary>A token with no structure at all (base64url has no dots), so nothing about its lifetime can be read from it.</summary>
    public static string Opaque() => Random(32);

    private static string Random(int bytes) => Encode(RandomNumberGenerator.GetBytes(bytes));

    private static string Encode(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
