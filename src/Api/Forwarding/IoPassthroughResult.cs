using Actors.Grains.Io;

namespace Actors.Api.Forwarding;

/// <summary>Writes io's answer back as io sent it: status, content type and body bytes.</summary>
internal sealed class IoPassthroughResult(IoResponse response) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => response.Status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext.Response;
        http.StatusCode = response.Status;
        if (response.ContentType is not null)
            http.ContentType = response.ContentType;
        http.ContentLength = response.Body.Length;
        // io's own wait, on a 429 or 503, is what the caller should honour too.
        if (response.RetryAfter is { } wait)
            http.Headers.RetryAfter = Math.Max(0, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response.Body.Length == 0 ? Task.CompletedTask : http.Body.WriteAsync(response.Body).AsTask();
    }
}
