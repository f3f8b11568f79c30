using System.Net;
using System.Net.Http.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Access;

public sealed class IpAllowlistTests
{
    [Fact]
    public async Task AKeyUsedFromOutsideTheAllowlistIs403AndASpoofedForwardedForFromAnUntrustedPeerChangesNothing()
    {
        await using var actors = await Standalone.StartAsync();
        await actors.RegisterAsync("acme");
        var key = (await actors.IssueKeyAsync("acme")).Key;
        var caller = actors.Host.Caller(key);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        await PutAllowlistAsync(actors, "203.0.113.0/24");

        await Problem.AssertAsync(await caller.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Forbidden, "ip_not_allowed");
        caller.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");
        await Problem.AssertAsync(await caller.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Forbidden, "ip_not_allowed");
        // The admin key is not a tenant key: no allowlist applies to it.
        Assert.Equal(HttpStatusCode.OK, (await actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults")).StatusCode);
    }

    [Fact]
    public async Task ForwardedForIsBelievedFromATrustedProxy()
    {
        await using var actors = await Standalone.StartAsync(settings: new Dictionary<string, string?> { ["Actors:TrustedProxies:0"] = "127.0.0.1/32" });
        await actors.RegisterAsync("acme");
        var caller = actors.Host.Caller((await actors.IssueKeyAsync("acme")).Key);
        await PutAllowlistAsync(actors, "203.0.113.0/24");

        caller.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.5");
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        caller.DefaultRequestHeaders.Remove("X-Forwarded-For");
        caller.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        await Problem.AssertAsync(await caller.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.Forbidden, "ip_not_allowed");
    }

    [Fact]
    public async Task AnAllowlistThatNamesTheCallerLetsItThroughAndAnEmptyOneAllowsAll()
    {
        await using var actors = await Standalone.StartAsync();
        await actors.RegisterAsync("acme");
        var caller = actors.Host.Caller((await actors.IssueKeyAsync("acme")).Key);

        await PutAllowlistAsync(actors, "10.0.0.0/8", "127.0.0.0/8");
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        await PutAllowlistAsync(actors, "10.0.0.0/8");
        Assert.Equal(HttpStatusCode.Forbidden, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        await PutAllowlistAsync(actors);
        Assert.Equal(HttpStatusCode.OK, (await caller.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
    }

    [Theory]
    [InlineData("{\"cidrs\": [\"not-an-address\"]}")]
    [InlineData("{\"cidrs\": [\"10.0.0.0/33\"]}")]
    [InlineData("{}")]
    [InlineData("not json")]
    public async Task AnInvalidAllowlistIs400AndChangesNothing(string body)
    {
        await using var actors = await Standalone.StartAsync();

        var response = await actors.Host.Admin().PutAsync("/v1/tenants/acme/ip-allowlist", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        var current = await actors.Host.Admin().GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/tenants/acme/ip-allowlist");
        Assert.Equal(0, current.GetProperty("cidrs").GetArrayLength());
    }

    private static async Task PutAllowlistAsync(Standalone actors, params string[] cidrs) =>
        (await actors.Host.Admin().PutAsJsonAsync("/v1/tenants/acme/ip-allowlist", new { cidrs })).EnsureSuccessStatusCode();
}
