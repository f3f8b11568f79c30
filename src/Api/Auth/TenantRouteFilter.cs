using System.Diagnostics;
using Actors.Api.Access;
using Actors.Api.Problems;
using Actors.Grains.Tenants;

namespace Actors.Api.Auth;

/// <summary>
/// Guards every <c>/v1/tenants/{tenantId}</c> route: the id must be well formed (else 400); the caller must be the
/// admin or that tenant (else 404, so that a tenant cannot learn whether another tenant exists); and a tenant key
/// must come from the tenant's allowed networks (else 403).
/// </summary>
internal sealed class TenantRouteFilter(IpAllowlists allowlists) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var raw = http.Request.RouteValues["tenantId"] as string;
        if (!TenantId.TryParse(raw, out var tenant))
            return ApiProblem.InvalidRequest("A tenant id is 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");
        if (!http.User.MayAccess(tenant.Value))
            return ApiProblem.NotFound();
        if (!http.User.IsAdmin() && !await allowlists.AllowsAsync(tenant.Value, http.Connection.RemoteIpAddress))
            return new ApiProblem(403, ProblemCodes.IpNotAllowed, "This tenant's keys may not be used from this address.");
        http.Items[typeof(TenantId)] = tenant;
        Activity.Current?.SetTag("actors.tenant", tenant.Value);
        return await next(context);
    }
}

internal static class TenantRouteExtensions
{
    /// <summary>The tenant id that <see cref="TenantRouteFilter"/> validated for this request.</summary>
    public static TenantId Tenant(this HttpContext http) => (TenantId)http.Items[typeof(TenantId)]!;
}
