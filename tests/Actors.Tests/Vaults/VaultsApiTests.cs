using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Vaults;

public sealed class VaultsApiTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync();

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task ListsTheTenantsVaultsWithCursorsPassedThroughAndPageInfoPassedBack()
    {
        var pair = await _actors.RegisterAsync("acme", vaultCount: 12);
        var admin = _actors.Host.Admin();

        var first = await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/vaults?limit=5");
        var firstIds = Ids(first);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"{pair.ClientId}-vault-{i:000}"), firstIds);
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/vaults?limit=5&after={Uri.EscapeDataString(cursor!)}");
        Assert.Equal(Enumerable.Range(6, 5).Select(i => $"{pair.ClientId}-vault-{i:000}"), Ids(second));
        Assert.True(second.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());

        var back = second.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var previous = await admin.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/vaults?limit=5&before={Uri.EscapeDataString(back!)}");
        Assert.Equal(firstIds, Ids(previous));
    }

    [Fact]
    public async Task GetsOneVaultThroughItsGrain()
    {
        var pair = await _actors.RegisterAsync("acme");

        var vault = await _actors.Host.Admin().GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/vaults/{pair.ClientId}-vault-007");

        Assert.Equal($"{pair.ClientId}-vault-007", vault.GetProperty("id").GetString());
        Assert.Equal(1, _actors.Sandbox.State.Requests("GET /v1/vaults/{vaultId}"));
    }

    [Fact]
    public async Task IosOwnNotFoundComesBackAsIoSentIt()
    {
        await _actors.RegisterAsync("acme");

        var response = await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults/no-such-vault");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Vault not found", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
    }

    [Fact]
    public async Task IosRefusalOfAQueryComesBackAsIoSentIt()
    {
        await _actors.RegisterAsync("acme");

        var response = await _actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults?limit=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ATenantWithoutCredentialsGetsCredentialsMissing()
    {
        var response = await _actors.Host.Admin().GetAsync("/v1/tenants/nobody/vaults");

        await Problem.AssertAsync(response, HttpStatusCode.NotFound, "credentials_missing");
        Assert.Equal(0, _actors.Sandbox.State.TokenRequestsTotal);
    }

    [Fact]
    public async Task AfterRevocationTheNextCallGetsCredentialsMissingAtOnce()
    {
        await _actors.RegisterAsync("acme");
        var admin = _actors.Host.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/v1/tenants/acme/credentials")).StatusCode);

        await Problem.AssertAsync(await admin.GetAsync("/v1/tenants/acme/vaults"), HttpStatusCode.NotFound, "credentials_missing");
        var status = await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/credentials");
        Assert.Equal("none", status.GetProperty("state").GetString());
    }

    [Fact]
    public async Task TenantsSeeOnlyTheirOwnIoAccount()
    {
        var acme = await _actors.RegisterAsync("acme", vaultCount: 3);
        var globex = await _actors.RegisterAsync("globex", vaultCount: 3);
        var admin = _actors.Host.Admin();

        var acmeVaults = Ids(await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/vaults"));
        var globexVaults = Ids(await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/globex/vaults"));

        Assert.All(acmeVaults, id => Assert.StartsWith(acme.ClientId, id));
        Assert.All(globexVaults, id => Assert.StartsWith(globex.ClientId, id));
    }

    private static List<string> Ids(JsonElement page) =>
        page.GetProperty("data").EnumerateArray().Select(v => v.GetProperty("id").GetString()!).ToList();
}
