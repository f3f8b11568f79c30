using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Problems;

/// <summary>An RFC 9457 problem response with a stable <c>code</c>, and a <c>Retry-After</c> header when waiting helps.</summary>
internal sealed class ApiProblem(int status, string code, string detail, TimeSpan? retryAfter = null) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (retryAfter is { } wait)
            httpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code })
            .ExecuteAsync(httpContext);
    }

    public static ApiProblem InvalidRequest(string detail) => new(400, ProblemCodes.InvalidRequest, detail);

    public static ApiProblem NotFound() => new(404, ProblemCodes.NotFound, "No such resource.");
}
