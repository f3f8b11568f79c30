using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Credentials;

public sealed class TokenSingleFlightTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync(fakeTime: true);

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task FiftyConcurrentCallsForATenantWithNoTokenMakeOneTokenRequest()
    {
        var pair = await _actors.RegisterAsync("acme");
        // A restart leaves the tenant registered but with no token in memory: a true cold start.
        await _actors.RestartAsync();
        _actors.Sandbox.State.ResetCounters();

        var statuses = await ConcurrentVaultListsAsync(50);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, _actors.Sandbox.State.TokenRequests(pair.ClientId));
    }

    [Fact]
    public async Task ATokenPastItsLifetimeIsReplacedByExactlyOneNewOne()
    {
        var pair = await _actors.RegisterAsync("acme");
        Assert.All(await ConcurrentVaultListsAsync(10), status => Assert.Equal(HttpStatusCode.OK, status));

        _actors.Time!.Advance(_actors.Sandbox.State.TokenLifetime + TimeSpan.FromSeconds(1));
        var statuses = await ConcurrentVaultListsAsync(20);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(2, _actors.Sandbox.State.TokenRequests(pair.ClientId));
        Assert.Equal(0, _actors.Sandbox.State.Unauthorized);
        var credentials = await _actors.Host.Admin().GetFromJsonAsync<JsonElement>("/v1/tenants/acme/credentials");
        Assert.Equal(2, credentials.GetProperty("refreshCount").GetInt32());
    }

    [Fact]
    public async Task CredentialsSurviveARestartOnTheSameDatabase()
    {
        var pair = await _actors.RegisterAsync("acme");

        await _actors.RestartAsync();

        var status = await _actors.Host.Admin().GetFromJsonAsync<JsonElement>("/v1/tenants/acme/credentials");
        Assert.Equal("active", status.GetProperty("state").GetString());
        Assert.Equal(pair.ClientId, status.GetProperty("clientId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")).StatusCode);
    }

    private async Task<HttpStatusCode[]> ConcurrentVaultListsAsync(int callers)
    {
        var client = _actors.Host.Admin();
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return (await client.GetAsync("/v1/tenants/acme/vaults")).StatusCode;
        })).ToArray();
        start.Set();
        return await Task.WhenAll(calls);
    }
}
