using Actors.Api.Auth;
using Actors.Api.Forwarding;
using Actors.Api.Hosting;
using Actors.Api.Problems;
using Actors.Grains.Io;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Actors.Api.Apis;

internal static class IoPassthroughApi
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static IEndpointRouteBuilder MapIoPassthroughApi(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/v1/tenants/{tenantId}/io/{**path}", Methods, Forward)
            .WithTags("io passthrough")
            .RequireAuthorization()
            .RequireRateLimiting(TenantRateLimit.Policy)
            .AddEndpointFilter<TenantRouteFilter>()
            .Accepts<byte[]>("application/json", "application/octet-stream")
            .Produces(200)
            .ProducesProblem(400)
            .ProducesProblem(401)
            .ProducesProblem(404)
            .ProducesProblem(413)
            .ProducesProblem(429)
            .ProducesProblem(502)
            .ProducesProblem(503)
            .ProducesProblem(504)
            .WithName("CallIo")
            .WithSummary("Any io call under /v1: method, path, query, body and content type pass through; io's answer comes back as io sent it.");
        return app;
    }

    private static async Task<IResult> Forward(HttpContext http, ForwardingGrains grains, IOptions<ActorsOptions> options)
    {
        var rawTarget = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? http.Request.Path + http.Request.QueryString;
        if (!IoPath.TryParse(rawTarget, out var ioPath, out var error))
            return ApiProblem.InvalidRequest(error);

        var limit = options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
            return TooLarge(limit);
        // Most calls are reads without a body: skip the buffer altogether.
        var body = http.Request.ContentLength == 0 || !http.Request.Body.CanRead || (http.Request.ContentLength is null && !HasChunkedBody(http.Request))
            ? []
            : await BoundedRead.ReadAsync(http.Request.Body, limit, http.RequestAborted, http.Request.ContentLength);
        if (body is null)
            return TooLarge(limit);

        var headers = http.Request.Headers;
        var request = new IoRequest(
            http.Request.Method,
            ioPath.PathAndQuery,
            http.Request.ContentType,
            body,
            headers.Accept.Count > 0 ? headers.Accept.ToString() : null,
            headers.TryGetValue("Idempotency-Key", out var idempotencyKey) ? idempotencyKey.ToString() : null,
            headers.TryGetValue("X-Correlation-Id", out var correlationId) ? correlationId.ToString() : http.TraceIdentifier);

        var tenant = http.Tenant();
        var response = ioPath.VaultId is { } vaultId
            ? await grains.Vault(tenant, vaultId).Send(request)
            : await grains.Account(tenant).Send(request);
        return IoResults.From(response);
    }

    private static bool HasChunkedBody(HttpRequest request) =>
        request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase);

    private static ApiProblem TooLarge(int limit) =>
        new(413, ProblemCodes.PayloadTooLarge, $"A request body is at most {limit} bytes.");
}
