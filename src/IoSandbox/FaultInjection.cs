namespace Actors.IoSandbox;

/// <summary>
/// Makes io misbehave for the caller as its <see cref="FaultPlan"/> says: late, with an error status, or by dropping the connection,
/// either before the endpoint runs (io never got the request) or after it (io did the work, the caller never heard back).
/// Runs behind <see cref="BearerCheck"/>, so only authenticated callers are hit and every request is already counted.
/// </summary>
internal sealed class FaultInjection(SandboxState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var clientId = Caller.ClientId(http);
        if (state.FaultFor(clientId, http.Request) is not { } fault)
        {
            return await next(context);
        }

        var plan = fault.Plan;
        var handled = plan.AfterHandling ? await next(context) : null;
        if (!await Delays.WaitAsync(http, plan.Latency + plan.LatencyJitter * Random.Shared.NextDouble()))
        {
            return Results.Empty;
        }

        if (plan.Reset)
        {
            state.CountFault(clientId);
            http.Abort();
            return Results.Empty;
        }

        if (plan.Status is { } status)
        {
            state.CountFault(clientId);
            return new InjectedFault(status, plan.RetryAfter);
        }

        return plan.AfterHandling ? handled : await next(context);
    }
}
