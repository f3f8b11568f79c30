using System.Security.Claims;

namespace Actors.Api.Auth;

/// <summary>What an authenticated caller is: the admin, or one tenant.</summary>
internal static class CallerClaims
{
    public const string AdminRole = "admin";
    public const string TenantClaim = "actors:tenant";
    public const string AdminPolicy = "admin";

    public static bool IsAdmin(this ClaimsPrincipal caller) => caller.IsInRole(AdminRole);

    /// <summary>The tenant a tenant key belongs to; null for the admin.</summary>
    public static string? TenantOf(this ClaimsPrincipal caller) => caller.FindFirst(TenantClaim)?.Value;

    public static bool MayAccess(this ClaimsPrincipal caller, string tenantId) =>
        caller.IsAdmin() || caller.TenantOf() == tenantId;
}
