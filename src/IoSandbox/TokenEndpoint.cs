namespace Actors.IoSandbox;

/// <summary>io's client-credentials exchange: POST /v1/auth/accessToken. Errors are plain text, as io sends them.</summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/auth/accessToken", IssueAsync);

    private static async Task<IResult> IssueAsync(HttpContext http, SandboxState state)
    {
        var request = await JsonBody.TryReadAsync<TokenRequest>(http);

        // Counted whatever the outcome, because a client that retries bad credentials is hammering io just the same.
        if (!string.IsNullOrEmpty(request?.ClientId))
        {
            state.CountTokenRequest(request.ClientId);
        }

        // After counting, so a caller that times out during the wait still shows up as having asked.
        if (!await Delays.WaitAsync(http, state.TokenEndpointLatency))
        {
            return Results.Empty;
        }

        if (string.IsNullOrEmpty(request?.ClientId) || string.IsNullOrEmpty(request.ClientSecret))
        {
            return Results.Text("invalid request body", "text/plain", statusCode: StatusCodes.Status400BadRequest);
        }

        if (state.TokenEndpointFailure is { } failure)
        {
            return Results.Text("token service unavailable", "text/plain", statusCode: failure);
        }

        var grant = state.IssueToken(request.ClientId, request.ClientSecret);
        return grant is null
            ? Results.Text("invalid client credentials", "text/plain", statusCode: StatusCodes.Status401Unauthorized)
            : Results.Json(new TokenResponse(grant.AccessToken, grant.ExpiresIn, "Bearer"));
    }
}
