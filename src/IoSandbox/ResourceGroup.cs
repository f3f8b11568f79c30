namespace Actors.IoSandbox;

/// <summary>The /v1 group every io resource is mapped on.</summary>
internal static class ResourceGroup
{
    // One place, so no resource route can miss either filter. Filters run in the order added: only authenticated callers meet faults.
    public static RouteGroupBuilder MapResourceGroup(this IEndpointRouteBuilder app) =>
        app.MapGroup("/v1").AddEndpointFilter<BearerCheck>().AddEndpointFilter<FaultInjection>();
}
