using Actors.Grains.Tenants;
using Polly;

namespace Actors.Grains.Io;

/// <summary>
/// The tenants' breakers as one step of a Polly pipeline that every tenant shares: the call's context names the
/// tenant, and the step sends the call through that tenant's <see cref="TenantBreaker"/>.
/// </summary>
internal sealed class TenantBreakerStrategy(TenantBreakers breakers) : ResilienceStrategy<HttpResponseMessage>
{
    public static readonly ResiliencePropertyKey<TenantId> Tenant = new("actors.tenant");

    protected override ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        if (!context.Properties.TryGetValue(Tenant, out var tenant))
            throw new InvalidOperationException("An io call's resilience context must name its tenant.");
        return breakers.For(tenant).ExecuteAsync(callback, context, state);
    }
}

internal static class TenantBreakerStrategyExtensions
{
    public static ResiliencePipelineBuilder<HttpResponseMessage> AddTenantBreaker(this ResiliencePipelineBuilder<HttpResponseMessage> builder, TenantBreakers breakers) =>
        builder.AddStrategy(_ => new TenantBreakerStrategy(breakers), new TenantBreakerStrategyOptions());

    private sealed class TenantBreakerStrategyOptions : ResilienceStrategyOptions;
}
