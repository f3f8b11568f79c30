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
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var rate = http.RequestServices.GetRequiredService<IOptions<ActorsOptions>>().Value.RateLimit;
                var partition = http.User.TenantOf() ?? http.Request.RouteValues["tenantId"] as string ?? "";
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = rate.TokenLimit,
                    TokensPerPeriod = rate.TokensPerPeriod,
                    ReplenishmentPeriod = rate.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                return new ValueTask(new ApiProblem(429, ProblemCodes.RateLimited, "This tenant's rate limit is spent; retry later.", retryAfter)
                    .ExecuteAsync(context.HttpContext));
            };
        });
}
