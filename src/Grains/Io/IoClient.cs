using System.Net.Http.Headers;
using System.Text.Json;
using Actors.Grains.Telemetry;
using Actors.Grains.Tenants;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Actors.Grains.Io;

/// <summary>The only code that talks to io: token requests and proxied calls.</summary>
internal sealed class IoClient(IHttpClientFactory clients, IoResilience resilience, IOptions<IoOptions> options, IoMetrics metrics)
{
    public const string HttpClientName = "io";
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    /// <summary>
    /// One client for every call: its handler lives as long as the process and renews its connections itself
    /// (see the "io" client's registration), so there is nothing to gain from a client per call but allocations.
    /// </summary>
    private readonly HttpClient _http = clients.CreateClient(HttpClientName);

    /// <summary>Asks io for a token with the given client pair. Never throws for io's answers; never puts the secret in an error.</summary>
    public async Task<TokenAnswer> RequestTokenAsync(string clientId, string clientSecret, DateTimeOffset now, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await resilience.TokenRequests.ExecuteAsync(
                static async (state, ct) =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/auth/accessToken")
                    {
                        Content = JsonContent(state.clientId, state.clientSecret),
                    };
                    request.Headers.Accept.Add(Json);
                    return await state.http.SendAsync(request, ct).ConfigureAwait(false);
                },
                (http: _http, clientId, clientSecret),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return TokenAnswer.Unavailable("io's token endpoint did not answer in time");
        }
        catch (HttpRequestException e)
        {
            return TokenAnswer.Unavailable($"io's token endpoint could not be reached ({e.HttpRequestError})");
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (status is 400 or 401 or 403)
                return TokenAnswer.Rejected($"io refused the client credentials ({status})");
            if (!response.IsSuccessStatusCode)
                return TokenAnswer.Unavailable($"io's token endpoint answered {status}");
            return await ReadTokenAsync(response, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one proxied call for the tenant with its bearer token and reads io's answer, up to the configured size.</summary>
    public async Task<IoResponse> SendAsync(TenantId tenant, IoRequest call, string accessToken, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await SendCoreAsync(tenant, call, accessToken, cancellationToken).ConfigureAwait(false);
        var statusClass = response.Failure == IoFailure.None ? IoMetrics.StatusClass(response.Status) : "error";
        metrics.Call(call.Method, IoRouteTemplate.For(call.PathAndQuery), statusClass, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return response;
    }

    private async Task<IoResponse> SendCoreAsync(TenantId tenant, IoRequest call, string accessToken, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await resilience.ExecuteAsync(
                tenant,
                call,
                (self: this, call, accessToken),
                static async (state, ct) =>
                {
                    using var request = state.self.BuildRequest(state.call, state.accessToken);
                    return await state.self._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return await ReadResponseAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            return IoResponse.Failed(IoFailure.UpstreamUnavailable, e.RetryAfter ?? TimeSpan.FromSeconds(1));
        }
        catch (TimeoutRejectedException)
        {
            return IoResponse.Failed(IoFailure.UpstreamTimeout);
        }
        catch (HttpRequestException)
        {
            return IoResponse.Failed(IoFailure.UpstreamUnavailable, TimeSpan.FromSeconds(1));
        }
    }

    private HttpRequestMessage BuildRequest(IoRequest call, string accessToken)
    {
        if (!call.PathAndQuery.StartsWith("/v1/", StringComparison.Ordinal))
            throw new ArgumentException("io calls are made under /v1/ only.", nameof(call));
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.TryAddWithoutValidation("Accept", call.Accept ?? "application/json");
        if (call.IdempotencyKey is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", call.IdempotencyKey);
        if (call.CorrelationId is not null)
            request.Headers.TryAddWithoutValidation("X-Correlation-Id", call.CorrelationId);
        if (call.Body is { Length: > 0 } body)
        {
            request.Content = new ByteArrayContent(body);
            if (call.ContentType is not null)
                request.Content.Headers.TryAddWithoutValidation("Content-Type", call.ContentType);
        }
        return request;
    }

    private async Task<IoResponse> ReadResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxResponseBytes;
        if (response.Content.Headers.ContentLength > limit)
            return IoResponse.Failed(IoFailure.PayloadTooLarge);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var body = await BoundedRead.ReadAsync(stream, limit, cancellationToken, response.Content.Headers.ContentLength).ConfigureAwait(false);
        if (body is null)
            return IoResponse.Failed(IoFailure.PayloadTooLarge);
        return new IoResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), body,
            RetryAfter: IoResilience.RetryAfter(response));
    }

    private async Task<TokenAnswer> ReadTokenAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var answer = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (answer.RootElement.ValueKind != JsonValueKind.Object
                || !answer.RootElement.TryGetProperty("accessToken", out var tokenElement)
                || tokenElement.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(tokenElement.GetString()))
                return TokenAnswer.Unavailable("io's token answer had no accessToken");
            var token = tokenElement.GetString()!;
            var lifetime = TokenLifetimeReader.Read(answer.RootElement, token, now, options.Value.DefaultTokenLifetime);
            return TokenAnswer.Issued(token, lifetime);
        }
        catch (JsonException)
        {
            return TokenAnswer.Unavailable("io's token answer was not JSON");
        }
    }

    private static ByteArrayContent JsonContent(string clientId, string clientSecret)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new TokenRequestBody(clientId, clientSecret), IoJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private sealed record TokenRequestBody(string ClientId, string ClientSecret)
    {
        public override string ToString() => $"TokenRequestBody {{ ClientId = {ClientId} }}";
    }
}
