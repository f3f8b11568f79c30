using System.Globalization;

namespace Actors.IoSandbox;

/// <summary>The answer of an injected status fault: io's JSON error shape, plus <c>Retry-After</c> when the plan asks for one.</summary>
internal sealed record InjectedFault(int Status, TimeSpan? RetryAfter) : IResult
{
    private static readonly ErrorBody Body = new("injected fault");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        if (RetryAfter is { } retryAfter)
        {
            // The header only carries whole seconds, and "0" would invite an instant retry rather than model a pause.
            var seconds = (long)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(Body, statusCode: Status).ExecuteAsync(httpContext);
    }
}
