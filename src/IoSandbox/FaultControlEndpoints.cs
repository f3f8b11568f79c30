namespace Actors.IoSandbox;

/// <summary>Fault injection under /sandbox (no auth), mirroring <see cref="SandboxState.SetFaults"/> and <see cref="SandboxState.ClearFaults"/>.</summary>
internal static class FaultControlEndpoints
{
    private static readonly FaultPlan Defaults = new();

    public static void MapFaultControlEndpoints(this IEndpointRouteBuilder app)
    {
        var faults = app.MapGroup("/sandbox/clients/{clientId}/faults");
        faults.MapPut("", SetAsync);
        faults.MapDelete("", (string clientId, SandboxState state) =>
        {
            state.ClearFaults(clientId);
            return Results.NoContent();
        });
    }

    // Unknown clients are accepted, as in RefuseTokens: a test may arm faults before it registers the client.
    private static async Task<IResult> SetAsync(HttpContext http, SandboxState state, string clientId)
    {
        if (await JsonBody.TryReadAsync<FaultPlanBody>(http) is not { } body)
        {
            return ErrorResults.BadRequest("body must be a JSON fault plan");
        }

        var plan = ToPlan(body);
        if (plan.Problem() is { } problem)
        {
            return ErrorResults.BadRequest(problem);
        }

        state.SetFaults(clientId, plan);
        return Results.NoContent();
    }

    private static FaultPlan ToPlan(FaultPlanBody body) => new()
    {
        Status = body.Status,
        Rate = body.Rate ?? Defaults.Rate,
        Count = body.Count,
        RetryAfter = body.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        Latency = TimeSpan.FromMilliseconds(body.LatencyMs ?? 0),
        LatencyJitter = TimeSpan.FromMilliseconds(body.LatencyJitterMs ?? 0),
        Reset = body.Reset ?? false,
        AfterHandling = body.AfterHandling ?? false,
        PathPrefix = body.PathPrefix,
        Method = body.Method,
    };
}
