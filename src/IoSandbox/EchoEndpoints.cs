using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.IoSandbox;

/// <summary>
/// Answers with exactly what reached io (raw path and query, every header, body bytes), so tests can prove what a client or proxy sent.
/// <c>reflect=true</c> returns the body bytes untouched instead; <c>status=NNN</c> picks the status, to test that io's own errors pass back unchanged.
/// </summary>
internal static class EchoEndpoints
{
    private static readonly string[] Methods =
        [HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete];

    public static void MapEchoEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapResourceGroup();
        // As a Delegate, not a RequestDelegate: only route handlers get their IResult written and run endpoint filters (BearerCheck, FaultInjection).
        v1.MapMethods("/echo/{**rest}", Methods, (Delegate)EchoAsync);
        v1.MapMethods("/vaults/{vaultId}/echo/{**rest}", Methods, (HttpContext http, SandboxState state, string vaultId) =>
            CallerVaults.Owns(http, state, vaultId) ? EchoAsync(http) : Task.FromResult(CallerVaults.NotFound()));
    }

    private static async Task<IResult> EchoAsync(HttpContext http)
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.ToArray();

        if (request.Query["reflect"].Contains("true"))
        {
            return Results.Bytes(body, request.ContentType ?? "application/octet-stream");
        }

        // RawTarget is the request line as sent: no decoding of %2F or anything else, repeated query keys kept in order.
        var target = http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = target.IndexOf('?', StringComparison.Ordinal);
        var echo = new EchoBody(
            request.Method,
            queryStart < 0 ? target : target[..queryStart],
            queryStart < 0 ? string.Empty : target[queryStart..],
            Headers(request),
            request.ContentType,
            Convert.ToBase64String(body),
            body.Length);
        // A real server may set cookies or redirect: the echo does either on request, so that clients can be tested against both.
        if (request.Query["setCookie"] is { Count: > 0 } cookie)
            http.Response.Headers.SetCookie = $"io-session={cookie}; Path=/";
        if (request.Query["location"] is { Count: > 0 } location)
            http.Response.Headers.Location = location.ToString();
        return Results.Json(echo, statusCode: Status(request));
    }

    private static SortedDictionary<string, string> Headers(HttpRequest request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            headers[name.ToLowerInvariant()] = string.Join(", ", (IEnumerable<string?>)values);
        }

        return headers;
    }

    // Anything but a final status code is an ordinary query value to echo, so a client's own "status" parameter does not break the echo.
    private static int Status(HttpRequest request) =>
        int.TryParse(request.Query["status"], NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and <= 599
            ? status
            : StatusCodes.Status200OK;
}
