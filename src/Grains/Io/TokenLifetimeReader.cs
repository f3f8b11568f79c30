using System.Buffers.Text;
using System.Text.Json;

namespace Actors.Grains.Io;

/// <summary>
/// Reads a token's lifetime the liberal way io's documentation asks for: <c>expiresIn</c> seconds when present,
/// else the JWT <c>exp</c> claim, else the configured default.
/// </summary>
internal static class TokenLifetimeReader
{
    public static TimeSpan Read(JsonElement answer, string accessToken, DateTimeOffset now, TimeSpan defaultLifetime)
    {
        if (answer.TryGetProperty("expiresIn", out var expiresIn) && TryReadSeconds(expiresIn, out var seconds) && seconds > 0)
            return TimeSpan.FromSeconds(seconds);
        if (TryReadJwtExpiry(accessToken, out var expiry) && expiry > now)
            return expiry - now;
        return defaultLifetime;
    }

    private static bool TryReadSeconds(JsonElement value, out double seconds)
    {
        seconds = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out seconds),
            JsonValueKind.String => double.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };
    }

    private static bool TryReadJwtExpiry(string token, out DateTimeOffset expiry)
    {
        expiry = default;
        var parts = token.Split('.');
        if (parts.Length != 3)
            return false;
        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (!payload.RootElement.TryGetProperty("exp", out var exp) || !TryReadSeconds(exp, out var unixSeconds))
                return false;
            expiry = DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds);
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentOutOfRangeException)
        {
            // Not a JWT after all: the caller falls back to the default lifetime.
            return false;
        }
    }
}
