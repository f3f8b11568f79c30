using System.Security.Cryptography;
using Actors.Grains.ApiKeys;
using Microsoft.Extensions.Caching.Memory;

namespace Actors.Api.ApiKeys;

/// <summary>
/// Finds the tenant a presented key belongs to. Answers are reused for a second, so that a busy caller costs one
/// grain call a second rather than one per request, and a revocation is seen within a second on every Api.
/// </summary>
internal sealed class TenantKeyResolver(IGrainFactory grains, IMemoryCache cache)
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    public async ValueTask<string?> ResolveAsync(TenantApiKey key)
    {
        var cacheKey = CacheKey(key.Id);
        if (cache.TryGetValue(cacheKey, out Resolved? known) && CryptographicOperations.FixedTimeEquals(known!.SecretHash, key.SecretHash))
            return known.Tenant;
        var tenant = await grains.GetGrain<IApiKeyGrain>(key.Id).Authenticate(key.SecretHash);
        cache.Set(cacheKey, new Resolved(key.SecretHash, tenant), ReuseFor);
        return tenant;
    }

    /// <summary>On the Api instance that revoked a key, the revocation is seen at once.</summary>
    public void Forget(string keyId) => cache.Remove(CacheKey(keyId));

    private static string CacheKey(string keyId) => $"api-key:{keyId}";

    private sealed record Resolved(byte[] SecretHash, string? Tenant);
}
