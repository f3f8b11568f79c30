namespace Actors.Api.Problems;

internal static class ProblemDetailsSetup
{
    /// <summary>Every error answer, including the framework's own (unknown route, wrong method, bad body), is problem+json with a code.</summary>
    public static IServiceCollection AddActorsProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(status));
            // Exception details stay in the server's logs; a caller learns only that something failed.
            if (status >= 500 && context.Exception is not null)
                context.ProblemDetails.Detail = "An unexpected error occurred.";
        });
}
