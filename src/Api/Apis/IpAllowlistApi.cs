using System.Net;
using Actors.Api.Access;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Actors.Grains.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Actors.Api.Apis;

internal static class IpAllowlistApi
{
    private const int MaxRanges = 256;

    public static IEndpointRouteBuilder MapIpAllowlistApi(this IEndpointRouteBuilder app)
    {
        var allowlist = app.MapGroup("/v1/tenants/{tenantId}/ip-allowlist")
            .WithTags("IP allowlist")
            .RequireAuthorization(CallerClaims.AdminPolicy)
            .AddEndpointFilter<TenantRouteFilter>()
            .ProducesProblem(400)
            .ProducesProblem(401)
            .ProducesProblem(403);

        allowlist.MapPut("", PutAllowlist)
            .WithName("PutIpAllowlist")
            .WithSummary("Restrict where the tenant's API keys may be used from (CIDR ranges); an empty list allows everywhere.");
        allowlist.MapGet("", GetAllowlist)
            .WithName("GetIpAllowlist")
            .WithSummary("The ranges the tenant's API keys may be used from.");
        return app;
    }

    private static async Task<Results<Ok<IpAllowlist>, ApiProblem>> PutAllowlist(IpAllowlist? body, HttpContext http, IGrainFactory grains, IpAllowlists cache)
    {
        if (body?.Cidrs is not { } cidrs || cidrs.Count > MaxRanges)
            return ApiProblem.InvalidRequest($"The body must be {{\"cidrs\": [\"203.0.113.0/24\", …]}} with at most {MaxRanges} ranges.");
        var ranges = new List<string>();
        foreach (var cidr in cidrs)
        {
            if (!IPNetwork.TryParse(cidr, out var range))
                return ApiProblem.InvalidRequest($"'{cidr}' is not a CIDR range such as 203.0.113.0/24 or 2001:db8::/32.");
            ranges.Add(range.ToString());
        }
        var tenant = http.Tenant().Value;
        await grains.GetGrain<ITenantAccessGrain>(tenant).SetIpAllowlist([.. ranges]);
        cache.Forget(tenant);
        return TypedResults.Ok(new IpAllowlist(ranges));
    }

    private static async Task<Ok<IpAllowlist>> GetAllowlist(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(new IpAllowlist([.. await grains.GetGrain<ITenantAccessGrain>(http.Tenant().Value).GetIpAllowlist()]));
}

public sealed record IpAllowlist(List<string>? Cidrs);
