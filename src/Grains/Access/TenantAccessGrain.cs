using Actors.Grains.Hosting;

namespace Actors.Grains.Access;

internal sealed class TenantAccessGrain(
    [PersistentState("access", StorageNames.Actors)] IPersistentState<TenantAccessState> stored) : Grain, ITenantAccessGrain
{
    public async Task SetIpAllowlist(string[] cidrs)
    {
        stored.State.IpAllowlist = cidrs;
        await stored.WriteStateAsync();
    }

    public Task<string[]> GetIpAllowlist() => Task.FromResult(stored.State.IpAllowlist);
}
