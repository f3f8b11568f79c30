using System.Threading.RateLimiting;
using Actors.Api.Auth;
using Actors.Api.Problems;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Actors.Api.Hosting;

/// <summary>
/// A token bucket per tenant in front of every io call, so that one tenant cannot spend io's quota for everyone.
/// A tenant key counts against its own tenant's bucket even on another tenant's route.
/// </summary>
internal static class TenantRateLimit
{
    public const string Policy = "tenant-io";

    public static IServiceCollection AddTenantRateLimit(this IServiceCollection services) =>
        services.AddSingleton<TenantBuckets>().AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var partition = http.User.TenantOf() ?? http.Request.RouteValues["tenantId"] as string ?? "";
                return RateLimitPartition.Get(partition, http.RequestServices.GetRequiredService<TenantBuckets>().Create);
            });
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(new ApiProblem(429, ProblemCodes.RateLimited, "This tenant's rate limit is spent; retry later.", retryAfter)
                    .ExecuteAsync(context.HttpContext));
            };
        });

    /// <summary>
    /// Makes a tenant's bucket. Every partition keeps the factory it was made with for as long as it lives: one
    /// factory for all of them, rather than a new one (and its closures) per request and per tenant.
    /// </summary>
    private sealed class TenantBuckets(IOptions<ActorsOptions> options)
    {
        public Func<string, RateLimiter> Create { get; } = _ =>
        {
            var rate = options.Value.RateLimit;
            return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = rate.TokenLimit,
                TokensPerPeriod = rate.TokensPerPeriod,
                ReplenishmentPeriod = rate.ReplenishmentPeriod,
                QueueLimit = 0,
                // The partitioned limiter refills every bucket from its one timer; a bucket's own timer would also
                // hold on to the execution context (the request's activity) of the request that made it.
                AutoReplenishment = false,
            });
        };
    }
}
