using System.Net;
using System.Diagnostics.Metrics;
using Actors.Grains.Io;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Tests.Resilience;

/// <summary>Which failures are repeated, per method: a write that may have reached io is never sent twice.</summary>
public sealed class RetryRulesTests
{
    private static readonly TenantId Acme = TenantId.Parse("acme");

    private readonly IoResilience _resilience = new(
        Options.Create(new IoOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxRetries = 2 }),
        new IoMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

    [Theory]
    [InlineData("GET", null, 3)]
    [InlineData("PUT", null, 3)]
    [InlineData("DELETE", null, 3)]
    [InlineData("POST", "key-1", 3)]
    [InlineData("PATCH", "key-1", 3)]
    [InlineData("POST", null, 1)]
    [InlineData("PATCH", null, 1)]
    public async Task A5xxAnswerIsRepeatedOnlyWhenARepeatIsSafe(string method, string? idempotencyKey, int expectedAttempts)
    {
        var attempts = await CountAttemptsAsync(new IoRequest(method, "/v1/x", IdempotencyKey: idempotencyKey),
            () => throw new HttpRequestException("reset", null, HttpStatusCode.BadGateway) { });

        Assert.Equal(expectedAttempts, attempts);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task AWriteIsRepeatedWhenTheConnectionWasRefused(string method)
    {
        var attempts = 0;
        var response = await _resilience.ExecuteAsync(Acme, new IoRequest(method, "/v1/x"), 0, (_, _) =>
        {
            if (++attempts == 1)
                throw new HttpRequestException(HttpRequestError.ConnectionError, "refused");
            return ValueTask.FromResult(new HttpResponseMessage(HttpStatusCode.Created));
        }, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AWriteWhoseConnectionBrokeAfterSendingIsNotRepeated()
    {
        var attempts = await CountAttemptsAsync(new IoRequest("POST", "/v1/x"),
            () => throw new HttpRequestException(HttpRequestError.ResponseEnded, "reset"));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task A429WithAShortRetryAfterIsRepeatedAndALongOneIsNot()
    {
        var shortWait = 0;
        await _resilience.ExecuteAsync(Acme, IoRequest.Get("/v1/x"), 0, (_, _) => ValueTask.FromResult(TooMany(++shortWait == 1 ? 0 : -1)), CancellationToken.None);
        var longWait = 0;
        var answer = await _resilience.ExecuteAsync(Acme, IoRequest.Get("/v1/x"), 0, (_, _) => { longWait++; return ValueTask.FromResult(TooMany(3600)); }, CancellationToken.None);

        Assert.Equal(2, shortWait);
        Assert.Equal(1, longWait);
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
    }

    private async Task<int> CountAttemptsAsync(IoRequest request, Func<HttpResponseMessage> attempt)
    {
        var attempts = 0;
        try
        {
            await _resilience.ExecuteAsync(Acme, request, 0, (_, _) =>
            {
                attempts++;
                return ValueTask.FromResult(attempt());
            }, CancellationToken.None);
        }
        catch (HttpRequestException)
        {
            // The last attempt's failure: what counts here is how many attempts were made.
        }
        return attempts;
    }

    /// <param name="seconds">Retry-After in seconds, or -1 for a normal 200 answer.</param>
    private static HttpResponseMessage TooMany(int seconds)
    {
        if (seconds < 0)
            return new HttpResponseMessage(HttpStatusCode.OK);
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        return response;
    }
}
