using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Passthrough;

/// <summary>What a caller sends through /io reaches io intact, and io's answer comes back intact. The sandbox's echo shows what arrived.</summary>
public sealed class PassthroughTests : IAsyncLifetime
{
    private Standalone _actors = null!;
    private IoClientPair _pair = null!;
    private HttpClient _caller = null!;

    public async Task InitializeAsync()
    {
        _actors = await Standalone.StartAsync();
        _pair = await _actors.RegisterAsync("acme", vaultCount: 3);
        _caller = _actors.Host.Caller((await _actors.IssueKeyAsync("acme")).Key);
    }

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task EveryMethodCarriesPathQueryBodyAndContentTypeToIo(string method)
    {
        const string query = "?b=2&a=1&a=3&q=%20x%2Fy&empty=&%C3%A9t%C3%A9=%E2%9C%93";
        var body = method == "GET" ? null : "{\"amount\":\"1.5\",\"note\":\"é\"}";
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/v1/tenants/acme/io/echo/a/b-c{query}");
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");

        var echo = await SendForEchoAsync(request);

        Assert.Equal(method, echo.GetProperty("method").GetString());
        Assert.Equal("/v1/echo/a/b-c", echo.GetProperty("path").GetString());
        Assert.Equal(query, echo.GetProperty("query").GetString());
        Assert.Equal(body ?? "", Encoding.UTF8.GetString(Convert.FromBase64String(echo.GetProperty("bodyBase64").GetString()!)));
        if (body is not null)
            Assert.Equal("application/json; charset=utf-8", echo.GetProperty("contentType").GetString());
    }

    [Fact]
    public async Task IoSeesTheTenantsTokenNeverTheCallersKeyNorHopByHopOrUnknownHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants/acme/io/echo/headers")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", "idem-123");
        request.Headers.Add("X-Correlation-Id", "corr-456");
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Add("X-Custom", "must-not-pass");
        request.Headers.Add("Proxy-Authorization", "Basic c2VjcmV0");
        request.Headers.Add("Cookie", "session=abc");
        request.Headers.Add("Keep-Alive", "timeout=5");

        var headers = (await SendForEchoAsync(request)).GetProperty("headers");

        var authorization = headers.GetProperty("authorization").GetString()!;
        Assert.StartsWith("Bearer ", authorization);
        Assert.Contains(authorization["Bearer ".Length..], _actors.Sandbox.State.IssuedTokens());
        Assert.Equal("idem-123", headers.GetProperty("idempotency-key").GetString());
        Assert.Equal("corr-456", headers.GetProperty("x-correlation-id").GetString());
        Assert.Equal("application/json", headers.GetProperty("accept").GetString());
        foreach (var dropped in new[] { "x-custom", "proxy-authorization", "cookie", "keep-alive" })
            Assert.False(headers.TryGetProperty(dropped, out _), $"{dropped} reached io");
    }

    [Fact]
    public async Task BinaryBodiesRoundTripByteForByte()
    {
        var bytes = RandomNumberGenerator.GetBytes(64 * 1024);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var response = await _caller.PostAsync("/v1/tenants/acme/io/echo/binary?reflect=true", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AnEmptyBodyStaysEmpty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants/acme/io/echo/empty");

        var echo = await SendForEchoAsync(request);

        Assert.Equal(0, echo.GetProperty("bodyLength").GetInt32());
    }

    [Theory]
    [InlineData(409)]
    [InlineData(422)]
    [InlineData(400)]
    public async Task IosOwn4xxComesBackAsIoSentIt(int status)
    {
        var response = await _caller.PostAsync($"/v1/tenants/acme/io/echo/refused?status={status}", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/v1/echo/refused", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task VaultCallsGoThroughThatVaultsGrain()
    {
        var vault = $"{_pair.ClientId}-vault-002";

        var created = await _caller.PostAsync($"/v1/tenants/acme/io/vaults/{vault}/signatures/sign",
            new StringContent("{\"message\":\"pay 1 BTC\"}", Encoding.UTF8, "application/json"));
        var signature = await created.Content.ReadFromJsonAsync<JsonElement>();
        var read = await _caller.GetFromJsonAsync<JsonElement>($"/v1/tenants/acme/io/vaults/{vault}/signatures/{signature.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("PENDING", read.GetProperty("status").GetString());
        var grains = _actors.Host.Services.GetRequiredService<IGrainFactory>();
        var activations = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        Assert.Contains(activations, a => a.GrainId.Type.ToString() == "vault" && a.GrainId.Key.ToString() == $"acme/{vault}");
    }

    [Fact]
    public async Task AccountLevelCallsWork()
    {
        var chains = await _caller.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/io/chains");

        Assert.True(chains.GetProperty("data").GetArrayLength() > 0);
    }

    [Fact]
    public async Task CookiesIoSetsForOneTenantAreNeverSentForAnyCall()
    {
        await _actors.RegisterAsync("other", vaultCount: 1);
        var other = _actors.Host.Caller((await _actors.IssueKeyAsync("other")).Key);
        (await _caller.GetAsync("/v1/tenants/acme/io/echo/login?setCookie=acme-session")).EnsureSuccessStatusCode();

        var otherEcho = await other.GetFromJsonAsync<JsonElement>("/v1/tenants/other/io/echo/next");
        var sameEcho = await _caller.GetFromJsonAsync<JsonElement>("/v1/tenants/acme/io/echo/next");

        Assert.False(otherEcho.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.False(sameEcho.GetProperty("headers").TryGetProperty("cookie", out _));
    }

    [Fact]
    public async Task IosRedirectComesBackUnfollowedSoTheTokenGoesNowhereElse()
    {
        var response = await _caller.GetAsync("/v1/tenants/acme/io/echo/moved?status=302&location=/v1/echo/followed");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/v1/echo/moved", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString());
    }

    private async Task<JsonElement> SendForEchoAsync(HttpRequestMessage request)
    {
        var response = await _caller.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
