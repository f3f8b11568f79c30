namespace Actors.IoSandbox;

/// <summary>Sandbox-only knobs under /sandbox (no auth), mirroring the public methods of <see cref="SandboxState"/> for out-of-process use.</summary>
internal static class ControlEndpoints
{
    private static readonly ErrorBody ClientNotFound = new("Client not found");

    public static void MapControlEndpoints(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup("/sandbox");
        sandbox.MapPost("/clients", AddClientAsync);
        sandbox.MapDelete("/clients/{clientId}", (string clientId, SandboxState state) =>
            state.RemoveClient(clientId) ? Results.NoContent() : ClientNotFoundResult());
        sandbox.MapPost("/clients/{clientId}/revoke-tokens", (string clientId, SandboxState state) =>
            state.RevokeTokens(clientId) ? Results.NoContent() : ClientNotFoundResult());
        sandbox.MapGet("/settings", (SandboxState state) => Results.Json(Settings(state)));
        sandbox.MapPut("/settings", UpdateSettingsAsync);
        sandbox.MapGet("/counters", (SandboxState state) => Results.Json(new CountersBody(
            state.TokenRequestsByClient(), state.TokenRequestsTotal, state.RequestsByRoute(), state.Unauthorized)));
        sandbox.MapPost("/reset-counters", (SandboxState state) =>
        {
            state.ResetCounters();
            return Results.NoContent();
        });
    }

    private static async Task<IResult> AddClientAsync(HttpContext http, SandboxState state)
    {
        var body = await JsonBody.TryReadAsync<ClientRegistration>(http);
        if (string.IsNullOrEmpty(body?.ClientId) || string.IsNullOrEmpty(body.ClientSecret) || body.VaultCount < 0)
        {
            return BadRequest("clientId and clientSecret are required; vaultCount must not be negative");
        }

        // Rotating a secret without naming a count keeps the vaults the client already has.
        var vaultCount = body.VaultCount ?? state.VaultsOf(body.ClientId)?.Count ?? SandboxState.DefaultVaultCount;
        state.AddClient(body.ClientId, body.ClientSecret, vaultCount);
        return Results.NoContent();
    }

    private static async Task<IResult> UpdateSettingsAsync(HttpContext http, SandboxState state)
    {
        var body = await JsonBody.TryReadAsync<SettingsBody>(http);
        if (body is null || body.TokenLifetimeSeconds < 1)
        {
            return BadRequest("tokenLifetimeSeconds must be positive; lifetimeSource is ExpiresIn, JwtOnly or None");
        }

        if (body.TokenLifetimeSeconds is { } seconds)
        {
            state.TokenLifetime = TimeSpan.FromSeconds(seconds);
        }

        if (body.LifetimeSource is { } source)
        {
            state.LifetimeSource = source;
        }

        return Results.Json(Settings(state));
    }

    private static SettingsBody Settings(SandboxState state) =>
        new((int)state.TokenLifetime.TotalSeconds, state.LifetimeSource);

    private static IResult ClientNotFoundResult() => Results.Json(ClientNotFound, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string message) => Results.Json(new ErrorBody(message), statusCode: StatusCodes.Status400BadRequest);
}
