using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Credentials;

public sealed class CredentialsApiTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync() => _actors = await Standalone.StartAsync();

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task RegisteringShowsAnActiveStatusWithoutSecretOrToken()
    {
        var pair = _actors.Sandbox.AddClient();

        var response = await _actors.Host.Admin().PutAsJsonAsync("/v1/tenants/acme/credentials", new { pair.ClientId, pair.ClientSecret });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var status = JsonDocument.Parse(body).RootElement;
        Assert.Equal("active", status.GetProperty("state").GetString());
        Assert.Equal(pair.ClientId, status.GetProperty("clientId").GetString());
        Assert.Equal(1, status.GetProperty("refreshCount").GetInt32());
        Assert.DoesNotContain(pair.ClientSecret, body);
        Assert.All(_actors.Sandbox.State.IssuedTokens(), token => Assert.DoesNotContain(token, body));
    }

    [Fact]
    public async Task APairIoRefusesIsAnswered422AndTheOldPairStaysInUse()
    {
        var good = await _actors.RegisterAsync("acme");
        var admin = _actors.Host.Admin();

        var response = await admin.PutAsJsonAsync("/v1/tenants/acme/credentials", new { good.ClientId, ClientSecret = "not-the-secret" });

        await Problem.AssertAsync(response, HttpStatusCode.UnprocessableEntity, "credentials_rejected");
        var status = await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/credentials");
        Assert.Equal("active", status.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
    }

    [Fact]
    public async Task RotationToANewPairTakesEffectAtOnce()
    {
        var old = await _actors.RegisterAsync("acme", vaultCount: 2);
        var admin = _actors.Host.Admin();
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/v1/tenants/acme/vaults")).StatusCode);

        var rotated = await _actors.RegisterAsync("acme", vaultCount: 2);
        // The old io key is deleted right after the rotation, as an operator would.
        _actors.Sandbox.State.RemoveClient(old.ClientId);

        var vaults = await admin.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/vaults");
        Assert.All(vaults.GetProperty("data").EnumerateArray(), v => Assert.StartsWith(rotated.ClientId, v.GetProperty("id").GetString()));
        Assert.Equal(0, _actors.Sandbox.State.Unauthorized);
    }

    [Theory]
    [InlineData("{\"clientId\": \"abc\", \"clientSecret\": ")]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"clientSecret\": \"s\"}")]
    [InlineData("{\"clientId\": \"abc\"}")]
    [InlineData("{\"clientId\": \"\", \"clientSecret\": \"s\"}")]
    [InlineData("{\"clientId\": 42, \"clientSecret\": \"s\"}")]
    public async Task BadBodiesAre400AndStoreNothing(string body)
    {
        var response = await _actors.Host.Admin().PutAsync("/v1/tenants/acme/credentials", new StringContent(body, Encoding.UTF8, "application/json"));

        await Problem.AssertAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        await AssertNothingStoredAsync("acme");
    }

    [Theory]
    [InlineData("..%2Fx")]
    [InlineData("a%20b")]
    [InlineData("a.b")]
    [InlineData("%C3%A9")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task MalformedTenantIdsAre400(string tenantId)
    {
        var pair = _actors.Sandbox.AddClient();

        var put = await _actors.Host.Admin().PutAsJsonAsync($"/v1/tenants/{tenantId}/credentials", new { pair.ClientId, pair.ClientSecret });
        var get = await _actors.Host.Admin().GetAsync($"/v1/tenants/{tenantId}/vaults");

        await Problem.AssertAsync(put, HttpStatusCode.BadRequest, "invalid_request");
        await Problem.AssertAsync(get, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Equal(0, _actors.Sandbox.State.TokenRequestsTotal);
    }

    [Fact]
    public async Task ASixtyFourCharacterTenantIdIsAccepted()
    {
        var tenant = new string('t', 64);
        await _actors.RegisterAsync(tenant);

        Assert.Equal(HttpStatusCode.OK, (await _actors.Host.Admin().GetAsync($"/v1/tenants/{tenant}/vaults")).StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-admin-key-0123456789")]
    [InlineData("")]
    public async Task WithoutTheAdminKeyRegistrationIs401AndStoresNothing(string? key)
    {
        var pair = _actors.Sandbox.AddClient();
        var caller = _actors.Host.Caller(null);
        if (key is not null)
            caller.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {key}");

        var response = await caller.PutAsJsonAsync("/v1/tenants/acme/credentials", new { pair.ClientId, pair.ClientSecret });

        await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        await AssertNothingStoredAsync("acme");
    }

    [Fact]
    public async Task ANonBearerAuthorizationHeaderIs401()
    {
        var caller = _actors.Host.Caller(null);
        caller.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Basic {TestKeys.Admin}");

        await Problem.AssertAsync(await caller.GetAsync("/v1/tenants/acme/credentials"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AWrongContentTypeIs415()
    {
        var response = await _actors.Host.Admin().PutAsync("/v1/tenants/acme/credentials", new StringContent("clientId=a", Encoding.UTF8, "text/plain"));

        await Problem.AssertAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        await AssertNothingStoredAsync("acme");
    }

    [Fact]
    public async Task UnknownRoutesAndWrongMethodsAreProblems()
    {
        var admin = _actors.Host.Admin();

        await Problem.AssertAsync(await admin.GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "not_found");
        await Problem.AssertAsync(await admin.PostAsync("/v1/tenants/acme/credentials", null), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    private async Task AssertNothingStoredAsync(string tenant)
    {
        var status = await _actors.Host.Admin().GetFromJsonAsync<JsonElement>($"/v1/tenants/{tenant}/credentials");
        Assert.Equal("none", status.GetProperty("state").GetString());
        Assert.Equal(0, _actors.Sandbox.State.TokenRequestsTotal);
    }
}
