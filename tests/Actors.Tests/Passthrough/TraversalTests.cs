using Actors.Tests.Infrastructure;

namespace Actors.Tests.Passthrough;

public sealed class TraversalTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync()
    {
        _actors = await Standalone.StartAsync();
        await _actors.RegisterAsync("acme");
        _actors.Sandbox.State.ResetCounters();
    }

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Theory]
    [InlineData("/v1/tenants/acme/io/vaults/../../other/io/vaults")]
    [InlineData("/v1/tenants/acme/io/../vaults")]
    [InlineData("/v1/tenants/acme/io/./vaults")]
    [InlineData("/v1/tenants/acme/io/%2e%2e/vaults")]
    [InlineData("/v1/tenants/acme/io/%2E%2E/vaults")]
    [InlineData("/v1/tenants/acme/io/.%2e/vaults")]
    [InlineData("/v1/tenants/acme/io/vaults%2fx")]
    [InlineData("/v1/tenants/acme/io/vaults%2Fx")]
    [InlineData("/v1/tenants/acme/io/vaults%5cx")]
    [InlineData("/v1/tenants/acme/io/vaults\\..\\x")]
    [InlineData("/v1/tenants/acme/io//vaults")]
    [InlineData("/v1/tenants/acme/io/vaults//x")]
    [InlineData("/v1/tenants/acme/io/auth/accessToken")]
    [InlineData("/v1/tenants/acme/io/AUTH/accessToken")]
    [InlineData("/v1/tenants/acme/io/%61uth/accessToken")]
    [InlineData("/v1/tenants/acme/io/")]
    public async Task EveryTraversalSpellingIs400AndNothingReachesIo(string target)
    {
        foreach (var method in new[] { "GET", "POST", "DELETE" })
        {
            var status = await RawHttp.SendAsync(_actors.Host.Address, method, target, TestKeys.Admin);

            Assert.True(status == 400, $"{method} {target} answered {status}");
        }
        Assert.Equal(0, _actors.Sandbox.State.TokenRequestsTotal);
        Assert.Equal(0, _actors.Sandbox.State.Unauthorized);
        Assert.Equal(0, _actors.Sandbox.State.Requests("GET /v1/vaults"));
    }
}
