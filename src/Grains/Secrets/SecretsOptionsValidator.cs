using Microsoft.Extensions.Options;

namespace Actors.Grains.Secrets;

/// <summary>Refuses to start without a usable key: a secret written under a bad key could never be read back.</summary>
internal sealed class SecretsOptionsValidator : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        if (options.Keys.Count == 0)
            return ValidateOptionsResult.Fail(
                "No secret encryption key: set Actors:Secrets:Keys:0:Id and Actors:Secrets:Keys:0:Key (32 random bytes, base64).");
        var failures = new List<string>();
        foreach (var key in options.Keys)
        {
            if (string.IsNullOrWhiteSpace(key.Id))
                failures.Add("Every Actors:Secrets:Keys entry needs an Id.");
            else if (!IsAesKey(key.Key))
                failures.Add($"Actors:Secrets key '{key.Id}' must be 32 bytes in base64.");
        }
        if (options.Keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != options.Keys.Count)
            failures.Add("Actors:Secrets key ids must be unique.");
        if (options.CurrentKeyId is { } current && options.Keys.All(k => k.Id != current))
            failures.Add($"Actors:Secrets:CurrentKeyId '{current}' names no configured key.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAesKey(string base64)
    {
        Span<byte> bytes = stackalloc byte[33];
        return Convert.TryFromBase64String(base64, bytes, out var written) && written == 32;
    }
}
