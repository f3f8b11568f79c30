extern alias IoSandbox;

using System.Net;
using Actors.Tests.Infrastructure;
using IoSandbox::Actors.IoSandbox;

namespace Actors.Tests.Resilience;

public sealed class IoBreakerTests
{
    [Fact]
    public async Task WhenIoCannotBeReachedForNearlyEveryCallItsBreakerAnswersForEveryTenantAtOnce()
    {
        await using var actors = await Standalone.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Io:MaxRetries"] = "0",
            ["Io:IoBreaker:MinimumThroughput"] = "10",
            ["Io:IoBreaker:BreakDuration"] = "00:01:00",
        });
        var failing = new[] { await actors.RegisterAsync("acme"), await actors.RegisterAsync("globex") };
        await actors.RegisterAsync("initech");
        foreach (var pair in failing)
            actors.Sandbox.State.SetFaults(pair.ClientId, new FaultPlan { Reset = true });

        for (var call = 0; call < 12; call++)
            await actors.Host.Admin().GetAsync($"/v1/tenants/{(call % 2 == 0 ? "acme" : "globex")}/vaults");
        actors.Sandbox.State.ResetCounters();

        var healthyTenant = await actors.Host.Admin().GetAsync("/v1/tenants/initech/vaults");

        await Problem.AssertAsync(healthyTenant, HttpStatusCode.ServiceUnavailable, "upstream_unavailable");
        Assert.NotNull(healthyTenant.Headers.RetryAfter);
        Assert.Equal(0, actors.Sandbox.State.Requests("GET /v1/vaults"));
    }
}
