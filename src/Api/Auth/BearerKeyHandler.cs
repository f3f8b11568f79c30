using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Actors.Api.Hosting;
using Actors.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Actors.Api.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the admin key, in constant time.</summary>
internal sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<ActorsOptions> actors) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private readonly byte[] _adminKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(actors.Value.AdminKey ?? ""));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return Task.FromResult(AuthenticateResult.NoResult());
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header is not a bearer key."));

        // Hashing both sides gives equal lengths, so the comparison time says nothing about the key.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header.AsSpan(7).Trim().ToString()));
        if (!CryptographicOperations.FixedTimeEquals(presented, _adminKeyHash))
            return Task.FromResult(AuthenticateResult.Fail("Unknown key."));

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, CallerClaims.AdminRole)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return new ApiProblem(401, ProblemCodes.Unauthorized, "A valid bearer key is required.").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        new ApiProblem(403, ProblemCodes.Forbidden, "This key may not use this route.").ExecuteAsync(Context);
}
