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
        return response.Body.Length == 0 ? Task.CompletedTask : http.Body.WriteAsync(response.Body).AsTask();
    }
}
