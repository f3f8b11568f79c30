using Actors.Api.Auth;
using Actors.Api.Forwarding;
using Actors.Api.Hosting;
using Actors.Api.Problems;
using Actors.Grains.Io;

namespace Actors.Api.Apis;

internal static class VaultsApi
{
    public static IEndpointRouteBuilder MapVaultsApi(this IEndpointRouteBuilder app)
    {
        var vaults = app.MapGroup("/v1/tenants/{tenantId}/vaults")
            .WithTags("Vaults")
            .RequireAuthorization()
            .RequireRateLimiting(TenantRateLimit.Policy)
            .AddEndpointFilter<TenantRouteFilter>()
            .ProducesProblem(400)
            .ProducesProblem(401)
            .ProducesProblem(404)
            .ProducesProblem(429)
            .ProducesProblem(502)
            .ProducesProblem(503)
            .ProducesProblem(504);

        vaults.MapGet("", ListVaults)
            .WithName("ListVaults")
            .WithSummary("io GET /v1/vaults for the tenant; limit, after and before pass through.");
        vaults.MapGet("/{vaultId}", GetVault)
            .WithName("GetVault")
            .WithSummary("io GET /v1/vaults/{vaultId} for the tenant.");
        return app;
    }

    private static async Task<IResult> ListVaults(HttpContext http, ForwardingGrains grains)
    {
        var request = IoRequest.Get("/v1/vaults" + http.Request.QueryString.Value);
        return IoResults.From(await grains.Account(http.Tenant()).Send(request));
    }

    private static async Task<IResult> GetVault(string vaultId, HttpContext http, ForwardingGrains grains)
    {
        if (!VaultIds.IsValid(vaultId))
            return ApiProblem.InvalidRequest(VaultIds.Rule);
        var request = IoRequest.Get("/v1/vaults/" + Uri.EscapeDataString(vaultId));
        return IoResults.From(await grains.Vault(http.Tenant(), vaultId).Send(request));
    }
}
