using Actors.Grains.Accounts;
using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Actors.Tests.Credentials;

/// <summary>Exactly one token request per tenant per renewal in the whole cluster, however many callers and entry points.</summary>
public sealed class ClusterSingleFlightTests
{
    private const int Tenants = 200;
    private const int CallersPerTenant = 20;

    [Fact]
    public async Task TwoHundredTenantsTimesTwentyCallersOnThreeSilosMakeOneTokenRequestPerTenantPerRenewal()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sandbox = await Sandbox.StartAsync(time);
        var database = new TempDatabase();
        var pairs = Enumerable.Range(0, Tenants).ToDictionary(i => $"tenant-{i}", _ => sandbox.AddClient(vaultCount: 2));

        var registering = await ActorsCluster.StartAsync(silos: 3, sandbox: sandbox, database: database, time: time);
        await Task.WhenAll(pairs.Select((entry, i) => RegisterAsync(registering.EntryPoints()[i % 4], entry.Key, entry.Value)));
        await registering.StopAsync();

        // A new cluster on the same store: every tenant is registered, none has a token. A cold start.
        await using var actors = await ActorsCluster.StartAsync(silos: 3, sandbox: sandbox, database: database, time: time);
        sandbox.State.ResetCounters();

        await LoadAsync(actors);
        Assert.Equal(Tenants, sandbox.State.TokenRequestsTotal);
        Assert.All(pairs.Values, pair => Assert.Equal(1, sandbox.State.TokenRequests(pair.ClientId)));

        time.Advance(sandbox.State.TokenLifetime + TimeSpan.FromSeconds(1));
        await LoadAsync(actors);
        Assert.Equal(2 * Tenants, sandbox.State.TokenRequestsTotal);
        Assert.Equal(0, sandbox.State.Unauthorized);
    }

    private static async Task RegisterAsync(IGrainFactory grains, string tenant, IoClientPair pair)
    {
        var change = await grains.GetGrain<ICredentialGrain>(tenant).Register(pair.ClientId, pair.ClientSecret);
        Assert.Equal(CredentialChangeOutcome.Accepted, change.Outcome);
    }

    /// <summary>Every tenant called by twenty concurrent callers, spread over the client and all three silos.</summary>
    private static async Task LoadAsync(ActorsCluster actors)
    {
        var entryPoints = actors.EntryPoints();
        var calls = Enumerable.Range(0, Tenants).SelectMany(tenant => Enumerable.Range(0, CallersPerTenant).Select(caller =>
            entryPoints[(tenant + caller) % entryPoints.Count].GetGrain<IAccountGrain>($"tenant-{tenant}").Send(IoRequest.Get("/v1/vaults"))));
        var responses = await Task.WhenAll(calls);
        Assert.All(responses, response => Assert.Equal((200, IoFailure.None), (response.Status, response.Failure)));
    }
}
