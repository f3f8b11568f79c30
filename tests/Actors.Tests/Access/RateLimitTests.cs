using System.Net;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Access;

public sealed class RateLimitTests
{
    [Fact]
    public async Task ATenantOverItsLimitGets429WithRetryAfterAndOtherTenantsAreUnaffected()
    {
        await using var actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Actors:RateLimit:TokenLimit"] = "5",
            ["Actors:RateLimit:TokensPerPeriod"] = "1",
            ["Actors:RateLimit:ReplenishmentPeriod"] = "01:00:00",
        });
        await actors.RegisterAsync("acme");
        await actors.RegisterAsync("globex");
        var acme = actors.Host.Caller((await actors.IssueKeyAsync("acme")).Key);

        for (var call = 0; call < 5; call++)
            Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/v1/tenants/acme/vaults")).StatusCode);
        var limited = await acme.GetAsync("/v1/tenants/acme/io/vaults");

        await Problem.AssertAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await actors.Host.Admin().GetAsync("/v1/tenants/globex/vaults")).StatusCode);
        // Status reads are not io calls and stay available.
        Assert.Equal(HttpStatusCode.OK, (await acme.GetAsync("/v1/tenants/acme/credentials")).StatusCode);
    }
}
