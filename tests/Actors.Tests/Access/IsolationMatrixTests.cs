using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Access;

/// <summary>Every caller against every route of tenant "alpha": the status DESIGN.md specifies, cell by cell.</summary>
public sealed class IsolationMatrixTests(IsolationMatrixTests.Tenants tenants) : IClassFixture<IsolationMatrixTests.Tenants>
{
    public enum Caller { Admin, AlphaKey, BetaKey, NoKey, RevokedKey, MalformedHeader }

    public enum Route
    {
        PutCredentials, GetCredentials, DeleteCredentials, IssueApiKey, RevokeApiKey, PutIpAllowlist, GetIpAllowlist,
        ListVaults, GetVault, IoGet, IoPost,
    }

    private static readonly Route[] AdminOnly =
        [Route.PutCredentials, Route.DeleteCredentials, Route.IssueApiKey, Route.RevokeApiKey, Route.PutIpAllowlist, Route.GetIpAllowlist];

    public static TheoryData<Caller, Route> Cells()
    {
        var cells = new TheoryData<Caller, Route>();
        foreach (var caller in Enum.GetValues<Caller>())
            foreach (var route in Enum.GetValues<Route>())
                cells.Add(caller, route);
        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task EachCallerGetsTheSpecifiedStatusOnEachRoute(Caller caller, Route route)
    {
        var response = await SendAsync(caller, route);

        var expected = Expected(caller, route);
        Assert.True(expected == response.StatusCode, $"{caller} on {route}: expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        if (expected == HttpStatusCode.Unauthorized)
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        if ((int)expected >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // Destructive cells put alpha back as it was for the next one.
        await tenants.RestoreAsync();
    }

    private static HttpStatusCode Expected(Caller caller, Route route) => caller switch
    {
        Caller.NoKey or Caller.RevokedKey or Caller.MalformedHeader => HttpStatusCode.Unauthorized,
        Caller.AlphaKey or Caller.BetaKey when AdminOnly.Contains(route) => HttpStatusCode.Forbidden,
        Caller.BetaKey => HttpStatusCode.NotFound,
        _ => route switch
        {
            Route.DeleteCredentials or Route.RevokeApiKey => HttpStatusCode.NoContent,
            Route.IssueApiKey or Route.IoPost => HttpStatusCode.Created,
            _ => HttpStatusCode.OK,
        },
    };

    private async Task<HttpResponseMessage> SendAsync(Caller caller, Route route)
    {
        var client = tenants.Actors.Host.Caller(null);
        switch (caller)
        {
            case Caller.Admin: client.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Admin); break;
            case Caller.AlphaKey: client.DefaultRequestHeaders.Authorization = new("Bearer", tenants.AlphaKey); break;
            case Caller.BetaKey: client.DefaultRequestHeaders.Authorization = new("Bearer", tenants.BetaKey); break;
            case Caller.RevokedKey: client.DefaultRequestHeaders.Authorization = new("Bearer", tenants.RevokedKey); break;
            case Caller.MalformedHeader: client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer"); break;
        }

        const string alpha = "/v1/tenants/alpha";
        var vault = $"{tenants.AlphaPair.ClientId}-vault-001";
        return route switch
        {
            Route.PutCredentials => await client.PutAsJsonAsync($"{alpha}/credentials", new { tenants.AlphaPair.ClientId, tenants.AlphaPair.ClientSecret }),
            Route.GetCredentials => await client.GetAsync($"{alpha}/credentials"),
            Route.DeleteCredentials => await client.DeleteAsync($"{alpha}/credentials"),
            Route.IssueApiKey => await client.PostAsync($"{alpha}/api-keys", null),
            Route.RevokeApiKey => await client.DeleteAsync($"{alpha}/api-keys/{(await tenants.Actors.IssueKeyAsync("alpha")).Id}"),
            Route.PutIpAllowlist => await client.PutAsJsonAsync($"{alpha}/ip-allowlist", new { cidrs = Array.Empty<string>() }),
            Route.GetIpAllowlist => await client.GetAsync($"{alpha}/ip-allowlist"),
            Route.ListVaults => await client.GetAsync($"{alpha}/vaults"),
            Route.GetVault => await client.GetAsync($"{alpha}/vaults/{vault}"),
            Route.IoGet => await client.GetAsync($"{alpha}/io/vaults?limit=2"),
            Route.IoPost => await client.PostAsync($"{alpha}/io/vaults/{vault}/signatures/sign",
                new StringContent("{\"message\":\"hello\"}", new MediaTypeHeaderValue("application/json"))),
            _ => throw new ArgumentOutOfRangeException(nameof(route)),
        };
    }

    /// <summary>Two registered tenants, a key for each, and a revoked key of alpha's.</summary>
    public sealed class Tenants : IAsyncLifetime
    {
        public Standalone Actors { get; private set; } = null!;
        public IoClientPair AlphaPair { get; private set; } = null!;
        public string AlphaKey { get; private set; } = "";
        public string BetaKey { get; private set; } = "";
        public string RevokedKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Actors = await Standalone.StartAsync();
            AlphaPair = await Actors.RegisterAsync("alpha", vaultCount: 3);
            await Actors.RegisterAsync("beta", vaultCount: 3);
            AlphaKey = (await Actors.IssueKeyAsync("alpha")).Key;
            BetaKey = (await Actors.IssueKeyAsync("beta")).Key;
            var revoked = await Actors.IssueKeyAsync("alpha");
            (await Actors.Host.Admin().DeleteAsync($"/v1/tenants/alpha/api-keys/{revoked.Id}")).EnsureSuccessStatusCode();
            RevokedKey = revoked.Key;
        }

        /// <summary>Alpha registered again with its pair, whatever the last cell did.</summary>
        public async Task RestoreAsync()
        {
            var status = await Actors.Host.Admin().GetFromJsonAsync<System.Text.Json.JsonElement>("/v1/tenants/alpha/credentials");
            if (status.GetProperty("state").GetString() != "active")
                await Actors.Host.Admin().PutAsJsonAsync("/v1/tenants/alpha/credentials", new { AlphaPair.ClientId, AlphaPair.ClientSecret });
        }

        public async Task DisposeAsync() => await Actors.DisposeAsync();
    }
}
