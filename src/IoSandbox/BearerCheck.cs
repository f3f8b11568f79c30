namespace Actors.IoSandbox;

/// <summary>Guards every /v1 resource like io does: a live bearer token or 401. Also counts each call per route template.</summary>
internal sealed class BearerCheck(SandboxState state) : IEndpointFilter
{
    private const string Scheme = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        state.CountRequest(RouteKey(http));

        var clientId = state.Authenticate(BearerToken(http.Request));
        if (clientId is null)
        {
            state.CountUnauthorized();
            return Results.Json(new ErrorBody("Unauthorized"), statusCode: StatusCodes.Status401Unauthorized);
        }

        Caller.Set(http, clientId);
        return await next(context);
    }

    // The template rather than the path, so all vaults add up under one "GET /v1/vaults/{vaultId}" key.
    private static string RouteKey(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
