namespace Actors.IoSandbox;

/// <summary>A client's installed <see cref="FaultPlan"/> with what is left of its <see cref="FaultPlan.Count"/>.</summary>
internal sealed class ArmedFault(FaultPlan plan)
{
    private int _left = plan.Count ?? 0;

    public FaultPlan Plan => plan;

    /// <summary>Whether the request is hit: it passes the plan's filters, wins the rate roll, and a count is left (then taken).</summary>
    public bool TryHit(HttpRequest request) =>
        Matches(request) && (plan.Rate >= 1 || Random.Shared.NextDouble() < plan.Rate) && (plan.Count is null || TakeOne());

    private bool Matches(HttpRequest request) =>
        (plan.PathPrefix is null || request.Path.Value?.StartsWith(plan.PathPrefix, StringComparison.OrdinalIgnoreCase) == true)
        && (plan.Method is null || HttpMethods.Equals(plan.Method, request.Method));

    // Compare-exchange rather than a bare Decrement, so concurrent hits can neither overdraw the count nor wrap it in long runs.
    private bool TakeOne()
    {
        var left = Volatile.Read(ref _left);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _left, left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
