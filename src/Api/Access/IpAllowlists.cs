using System.Net;
using Actors.Grains.Access;
using Microsoft.Extensions.Caching.Memory;

namespace Actors.Api.Access;

/// <summary>Whether a tenant's key may be used from an address. Allowlists are reused for a second, like keys.</summary>
internal sealed class IpAllowlists(IGrainFactory grains, IMemoryCache cache)
{
    private static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    public async ValueTask<bool> AllowsAsync(string tenantId, IPAddress? caller)
    {
        var cacheKey = CacheKey(tenantId);
        if (!cache.TryGetValue(cacheKey, out IPNetwork[]? allowlist))
        {
            var cidrs = await grains.GetGrain<ITenantAccessGrain>(tenantId).GetIpAllowlist();
            allowlist = cidrs.Select(c => IPNetwork.Parse(c)).ToArray();
            cache.Set(cacheKey, allowlist, ReuseFor);
        }
        if (allowlist!.Length == 0)
            return true;
        if (caller is null)
            return false;
        // An IPv4 caller may reach a dual-stack socket as ::ffff:a.b.c.d; compare it as the IPv4 address it is.
        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return allowlist.Any(range => range.Contains(address));
    }

    public void Forget(string tenantId) => cache.Remove(CacheKey(tenantId));

    private static string CacheKey(string tenantId) => $"ip-allowlist:{tenantId}";
}
