using Actors.Api.Problems;
using Microsoft.AspNetCore.Http.Features;

namespace Actors.Api.Forwarding;

/// <summary>
/// Refuses any request whose path, as the caller wrote it, could climb out of the route it seems to name: dot
/// segments (plain or percent-encoded), encoded slashes or backslashes, backslashes, and empty segments. The
/// server normalises some of these away before routing, so the raw request target is what is checked.
/// </summary>
internal sealed class RawPathGuard(RequestDelegate next)
{
    private static readonly string[] Forbidden = ["%2e", "%2f", "%5c", "\\", "//"];

    public Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?');
        var path = query < 0 ? raw : raw[..query];
        if (!IsSafe(path))
            return new ApiProblem(400, ProblemCodes.InvalidRequest, "The path holds a traversal, an encoded slash or an empty segment.")
                .ExecuteAsync(context);
        return next(context);
    }

    private static bool IsSafe(string path) =>
        !Forbidden.Any(marker => path.Contains(marker, StringComparison.OrdinalIgnoreCase))
        && !path.Split('/').Any(segment => segment is "." or "..");
}
