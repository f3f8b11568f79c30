using System.Text.Json;

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
            state.TokenRequestsByClient(),
            state.TokenRequestsTotal,
            state.RequestsByRoute(),
            state.Unauthorized,
            state.FaultsInjectedByClient(),
            state.FaultsInjectedTotal)));
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
        var body = await JsonBody.TryReadAsync<SettingsUpdate>(http);

        // Checked as a whole before anything is applied, so a rejected update leaves every setting as it was.
        if (body is null
            || body.TokenLifetimeSeconds < 1
            || body.TokenEndpointLatencyMs < 0
            || body.TokenEndpointLatencyMs > Delays.Max.TotalMilliseconds
            || !TryReadFailure(body.TokenEndpointFailure, out var failure))
        {
            return BadRequest("tokenLifetimeSeconds must be positive; lifetimeSource is ExpiresIn, JwtOnly or None; "
                + "tokenEndpointLatencyMs is from 0 to one day; tokenEndpointFailure is a status from 400 to 599 or null");
        }

        if (body.TokenLifetimeSeconds is { } seconds)
        {
            state.TokenLifetime = TimeSpan.FromSeconds(seconds);
        }

        if (body.LifetimeSource is { } source)
        {
            state.LifetimeSource = source;
        }

        if (body.TokenEndpointLatencyMs is { } latencyMs)
        {
            state.TokenEndpointLatency = TimeSpan.FromMilliseconds(latencyMs);
        }

        if (body.TokenEndpointFailure.ValueKind != JsonValueKind.Undefined)
        {
            state.TokenEndpointFailure = failure;
        }

        return Results.Json(Settings(state));
    }

    // Absent keeps the current failure and null clears it, so both come back valid; anything else must be an error status.
    private static bool TryReadFailure(JsonElement value, out int? failure)
    {
        failure = null;
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var status) && status is >= 400 and <= 599)
        {
            failure = status;
            return true;
        }

        return false;
    }

    private static SettingsBody Settings(SandboxState state) => new(
        (int)state.TokenLifetime.TotalSeconds,
        state.LifetimeSource,
        (long)state.TokenEndpointLatency.TotalMilliseconds,
        state.TokenEndpointFailure);

    private static IResult ClientNotFoundResult() => Results.Json(ClientNotFound, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string message) => Results.Json(new ErrorBody(message), statusCode: StatusCodes.Status400BadRequest);
}
