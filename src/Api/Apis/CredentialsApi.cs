using Actors.Api.Auth;
using Actors.Api.Credentials;
using Actors.Api.Problems;
using Actors.Grains.Credentials;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Apis;

internal static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup("/v1/tenants/{tenantId}/credentials")
            .WithTags("Credentials")
            .RequireAuthorization()
            .AddEndpointFilter<TenantRouteFilter>()
            .ProducesProblem(400)
            .ProducesProblem(401)
            .ProducesProblem(404);

        credentials.MapPut("", PutCredentials)
            .RequireAuthorization(CallerClaims.AdminPolicy)
            .Accepts<CredentialsRequest>("application/json")
            .ProducesProblem(403)
            .ProducesProblem(422)
            .ProducesProblem(503)
            .WithName("PutCredentials")
            .WithSummary("Register or rotate a tenant's io credentials; io must accept them first.");
        credentials.MapGet("", GetCredentials)
            .WithName("GetCredentials")
            .WithSummary("The state of a tenant's credentials: never the secret or the token.");
        credentials.MapDelete("", DeleteCredentials)
            .RequireAuthorization(CallerClaims.AdminPolicy)
            .ProducesProblem(403)
            .WithName("DeleteCredentials")
            .WithSummary("Revoke: the secret and the token are gone at once, cluster-wide.");
        return app;
    }

    private static async Task<Results<Ok<CredentialStatus>, ApiProblem>> PutCredentials(HttpContext http, IGrainFactory grains)
    {
        var (request, problem) = await CredentialsRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
            return problem;

        var change = await grains.GetGrain<ICredentialGrain>(http.Tenant().Value).Register(request!.ClientId!, request.ClientSecret!);
        return change.Outcome switch
        {
            CredentialChangeOutcome.Accepted => TypedResults.Ok(change.Status),
            CredentialChangeOutcome.Rejected => new ApiProblem(422, ProblemCodes.CredentialsRejected,
                "io refused this client id and secret; the previous credentials, if any, stay in use."),
            _ => new ApiProblem(503, ProblemCodes.UpstreamUnavailable,
                "io could not be asked to verify the credentials; nothing was changed.", TimeSpan.FromSeconds(5)),
        };
    }

    private static async Task<Ok<CredentialStatus>> GetCredentials(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ICredentialGrain>(http.Tenant().Value).GetStatus());

    private static async Task<NoContent> DeleteCredentials(HttpContext http, IGrainFactory grains)
    {
        await grains.GetGrain<ICredentialGrain>(http.Tenant().Value).Revoke();
        return TypedResults.NoContent();
    }
}
