using System.Buffers.Text;
using System.Net;
using System.Text;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Access;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync();

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task AnIssuedKeyCarriesAtLeast256RandomBitsAndReachesItsTenant()
    {
        await _actors.RegisterAsync("acme");

        var issued = await _actors.IssueKeyAsync("acme");

        Assert.StartsWith("act_", issued.Key);
        var secret = issued.Key[(4 + issued.Id.Length + 1)..];
        Assert.Equal(32, Base64Url.DecodeFromChars(secret).Length);
        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Caller(issued.Key).GetAsync("/v1/tenants/acme/vaults")).StatusCode);
    }

    [Fact]
    public async Task TwoKeysAreNeverAlike()
    {
        var first = await _actors.IssueKeyAsync("acme");
        var second = await _actors.IssueKeyAsync("acme");

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Key, second.Key);
    }

    [Fact]
    public async Task TheStoreHoldsOnlyTheKeysHash()
    {
        var issued = await _actors.IssueKeyAsync("acme");
        await _actors.Host.DisposeAsync();

        var stored = _actors.Database.AllBytes();

        var secret = issued.Key[(4 + issued.Id.Length + 1)..];
        Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(issued.Id)) >= 0, "the key's record is not in the store");
        Assert.True(stored.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) < 0, "the key's secret is in the store");
    }

    [Fact]
    public async Task ARevokedKeyIsRefusedAtOnce()
    {
        await _actors.RegisterAsync("acme");
        var issued = await _actors.IssueKeyAsync("acme");
        var caller = _actors.Host.Caller(issued.Key);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _actors.Host.Admin().DeleteAsync($"/v1/tenants/acme/api-keys/{issued.Id}")).StatusCode);

        await Problem.AssertAsync(await caller.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AKeyCannotBeRevokedThroughAnotherTenant()
    {
        var issued = await _actors.IssueKeyAsync("acme");

        await Problem.AssertAsync(await _actors.Host.Admin().DeleteAsync($"/v1/tenants/globex/api-keys/{issued.Id}"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await _actors.Host.Admin().DeleteAsync("/v1/tenants/acme/api-keys/unknown-key"), HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("act_")]
    [InlineData("act_AAAAAAAAAAAA_short")]
    [InlineData("not-a-key-at-all")]
    public async Task AForgedKeyIs401(string key)
    {
        await Problem.AssertAsync(await _actors.Host.Caller(key).GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AKeyWithTheRightIdButAnotherSecretIs401()
    {
        var issued = await _actors.IssueKeyAsync("acme");
        var forged = $"act_{issued.Id}_{Base64Url.EncodeToString(new byte[32])}";

        await Problem.AssertAsync(await _actors.Host.Caller(forged).GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Unauthorized, "unauthorized");
    }
}
