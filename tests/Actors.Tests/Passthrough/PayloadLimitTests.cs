using System.Net;
using System.Net.Http.Headers;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Passthrough;

public sealed class PayloadLimitTests : IAsyncLifetime
{
    private Standalone _actors = null!;

    public async Task InitializeAsync()
    {
        _actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Actors:MaxRequestBodyBytes"] = "1024",
            ["Io:MaxResponseBytes"] = "100000",
        });
        await _actors.RegisterAsync("acme");
        _actors.Sandbox.State.ResetCounters();
    }

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARequestBodyOverTheCapIs413AndNeverReachesIo(bool chunked)
    {
        // A stream of unknown length goes out chunked: the cap must hold without a Content-Length too.
        HttpContent content = chunked ? new StreamContent(new MemoryStream(new byte[1025])) : new ByteArrayContent(new byte[1025]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/tenants/acme/io/echo/big") { Content = content };
        if (chunked)
            request.Headers.TransferEncodingChunked = true;

        var response = await _actors.Host.Admin().SendAsync(request);

        await Problem.AssertAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, _actors.Sandbox.State.Requests("POST /v1/echo/{**rest}"));
    }

    [Fact]
    public async Task ARequestBodyAtTheCapPasses()
    {
        var response = await _actors.Host.Admin().PostAsync("/v1/tenants/acme/io/echo/fits", new ByteArrayContent(new byte[1024]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnIoAnswerOverTheCapIs502PayloadTooLarge(bool chunked)
    {
        var response = await _actors.Host.Admin().GetAsync($"/v1/tenants/acme/io/blob?bytes=200000&chunked={chunked.ToString().ToLowerInvariant()}");

        await Problem.AssertAsync(response, HttpStatusCode.BadGateway, "payload_too_large");
    }

    [Fact]
    public async Task AnIoAnswerUnderTheCapComesBackWhole()
    {
        var response = await _actors.Host.Admin().GetAsync("/v1/tenants/acme/io/blob?bytes=99999&chunked=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(99999, (await response.Content.ReadAsByteArrayAsync()).Length);
    }
}
