using System.Buffers;
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
    private static readonly SearchValues<string> Forbidden = SearchValues.Create(["%2e", "%2f", "%5c", "\\", "//"], StringComparison.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        var query = raw.IndexOf('?');
        if (!IsSafe(query < 0 ? raw : raw.AsSpan(0, query)))
            return new ApiProblem(400, ProblemCodes.InvalidRequest, "The path holds a traversal, an encoded slash or an empty segment.")
                .ExecuteAsync(context);
        return next(context);
    }

    private static bool IsSafe(ReadOnlySpan<char> path)
    {
        if (path.ContainsAny(Forbidden))
            return false;
        foreach (var segment in path.Split('/'))
        {
            if (path[segment] is "." or "..")
                return false;
        }
        return true;
    }
}
