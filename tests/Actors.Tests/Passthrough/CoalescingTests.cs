extern alias IoSandbox;

using System.Net;
using Actors.Tests.Infrastructure;
using IoSandbox::Actors.IoSandbox;

namespace Actors.Tests.Passthrough;

/// <summary>Identical GETs in flight together share one io call; nothing is cached afterwards.</summary>
public sealed class CoalescingTests
{
    [Fact]
    public async Task IdenticalGetsInFlightTogetherShareOneIoCall()
    {
        await using var actors = await Standalone.StartAsync();
        var pair = await actors.RegisterAsync("acme");
        // io answers after 3 s: every one of the calls reaches the vault's grain while the first is still at io.
        actors.Sandbox.State.SetFaults(pair.ClientId, new FaultPlan { Latency = TimeSpan.FromSeconds(3) });
        var vault = $"/v1/tenants/acme/vaults/{pair.ClientId}-vault-001";

        var responses = await Task.WhenAll(Enumerable.Range(0, 11).Select(_ => actors.Host.Admin().GetAsync(vault)));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, actors.Sandbox.State.Requests("GET /v1/vaults/{vaultId}"));
    }

    [Fact]
    public async Task ReadsOneAfterAnotherEachReachIo()
    {
        await using var actors = await Standalone.StartAsync();
        var pair = await actors.RegisterAsync("acme");

        for (var call = 0; call < 3; call++)
            Assert.Equal(HttpStatusCode.OK, (await actors.Host.Admin().GetAsync($"/v1/tenants/acme/vaults/{pair.ClientId}-vault-001")).StatusCode);

        Assert.Equal(3, actors.Sandbox.State.Requests("GET /v1/vaults/{vaultId}"));
    }

    [Fact]
    public async Task DifferentQueriesAndWritesAreNeverShared()
    {
        await using var actors = await Standalone.StartAsync();
        var pair = await actors.RegisterAsync("acme");
        actors.Sandbox.State.SetFaults(pair.ClientId, new FaultPlan { Latency = TimeSpan.FromMilliseconds(300) });

        await Task.WhenAll(
            actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults?limit=1"),
            actors.Host.Admin().GetAsync("/v1/tenants/acme/vaults?limit=2"),
            actors.Host.Admin().PostAsync($"/v1/tenants/acme/io/vaults/{pair.ClientId}-vault-001/signatures/sign", new StringContent("{\"message\":\"a\"}", System.Text.Encoding.UTF8, "application/json")),
            actors.Host.Admin().PostAsync($"/v1/tenants/acme/io/vaults/{pair.ClientId}-vault-001/signatures/sign", new StringContent("{\"message\":\"a\"}", System.Text.Encoding.UTF8, "application/json")));

        Assert.Equal(2, actors.Sandbox.State.Requests("GET /v1/vaults"));
        Assert.Equal(2, actors.Sandbox.State.SignaturesCreated(pair.ClientId));
    }
}
