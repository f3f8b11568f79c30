using System.Security.Cryptography;
using Actors.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Grains.ApiKeys;

internal sealed class ApiKeyGrain(
    [PersistentState("api-key", StorageNames.Actors)] IPersistentState<ApiKeyState> stored,
    [FromKeyedServices(ActorsClock.Key)] TimeProvider time) : Grain, IApiKeyGrain
{
    public async Task<bool> Issue(string tenantId, byte[] secretHash)
    {
        if (stored.State.TenantId is not null)
            return false;
        stored.State = new ApiKeyState { TenantId = tenantId, SecretHash = secretHash, CreatedAt = time.GetUtcNow() };
        await stored.WriteStateAsync();
        return true;
    }

    public Task<string?> Authenticate(byte[] secretHash) =>
        Task.FromResult(stored.State.TenantId is { } tenant && CryptographicOperations.FixedTimeEquals(stored.State.SecretHash, secretHash)
            ? tenant
            : null);

    public async Task<bool> Revoke(string tenantId)
    {
        if (stored.State.TenantId != tenantId)
            return false;
        await stored.ClearStateAsync();
        return true;
    }
}
