using Actors.Api.ApiKeys;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Actors.Grains.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Apis;

internal static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/v1/tenants/{tenantId}/api-keys")
            .WithTags("API keys")
            .RequireAuthorization(CallerClaims.AdminPolicy)
            .AddEndpointFilter<TenantRouteFilter>()
            .ProducesProblem(400)
            .ProducesProblem(401)
            .ProducesProblem(403);

        keys.MapPost("", IssueKey)
            .WithName("IssueApiKey")
            .WithSummary("Issue a tenant API key. The key is shown only in this answer; only its hash is stored.");
        keys.MapDelete("/{keyId}", RevokeKey)
            .ProducesProblem(404)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke a tenant API key; every Api instance refuses it within a second.");
        return app;
    }

    private static async Task<Created<IssuedApiKey>> IssueKey(HttpContext http, IGrainFactory grains, TimeProvider time)
    {
        var tenant = http.Tenant().Value;
        while (true)
        {
            var (key, text) = TenantApiKey.Create();
            // 72 random id bits make a clash all but impossible; should one happen, draw again.
            if (await grains.GetGrain<IApiKeyGrain>(key.Id).Issue(tenant, key.SecretHash))
                return TypedResults.Created($"/v1/tenants/{tenant}/api-keys/{key.Id}", new IssuedApiKey(key.Id, text, tenant, time.GetUtcNow()));
        }
    }

    private static async Task<Results<NoContent, ApiProblem>> RevokeKey(string keyId, HttpContext http, IGrainFactory grains, TenantKeyResolver resolver)
    {
        if (!await grains.GetGrain<IApiKeyGrain>(keyId).Revoke(http.Tenant().Value))
            return ApiProblem.NotFound();
        resolver.Forget(keyId);
        return TypedResults.NoContent();
    }
}

/// <summary>A newly issued key. <see cref="Key"/> is the bearer key; it cannot be shown again.</summary>
public sealed record IssuedApiKey(string Id, string Key, string TenantId, DateTimeOffset CreatedAt)
{
    public override string ToString() => $"IssuedApiKey {{ Id = {Id}, TenantId = {TenantId} }}";
}
