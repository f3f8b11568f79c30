using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Actors.Api.ApiKeys;
using Actors.Api.Hosting;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c>: the admin key (compared in constant time) or a tenant API key.</summary>
internal sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ActorsOptions> actors,
    TenantKeyResolver tenantKeys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private readonly byte[] _adminKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(actors.Value.AdminKey ?? ""));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return AuthenticateResult.Fail("The Authorization header is not a bearer key.");
        var presented = header.AsSpan(7).Trim();
        if (IsAdminKey(presented))
            return Success(new Claim(ClaimTypes.Role, CallerClaims.AdminRole));
        if (TenantApiKey.TryParse(presented, out var tenantKey) && await tenantKeys.ResolveAsync(tenantKey.Value) is { } tenant)
            return Success(new Claim(CallerClaims.TenantClaim, tenant));
        return AuthenticateResult.Fail("Unknown key.");
    }

    /// <summary>Hashing both sides gives equal lengths, so the comparison time says nothing about the key. Runs on every request: no allocation.</summary>
    private bool IsAdminKey(ReadOnlySpan<char> presented)
    {
        const int OnStack = 256;
        Span<byte> utf8 = presented.Length <= OnStack ? stackalloc byte[Encoding.UTF8.GetMaxByteCount(OnStack)] : new byte[Encoding.UTF8.GetMaxByteCount(presented.Length)];
        var length = Encoding.UTF8.GetBytes(presented, utf8);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..length], hash);
        return CryptographicOperations.FixedTimeEquals(hash, _adminKeyHash);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return new ApiProblem(401, ProblemCodes.Unauthorized, "A valid bearer key is required.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        new ApiProblem(403, ProblemCodes.Forbidden, "This key may not use this route.").ExecuteAsync(Context);

    private static AuthenticateResult Success(Claim claim) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([claim], SchemeName)), SchemeName));
}
