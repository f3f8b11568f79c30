using System.Diagnostics;
using Actors.Grains.Accounts;
using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Actors.Tests.Credentials;

public sealed class SiloFailoverTests(ITestOutputHelper output)
{
    private const int Tenants = 60;

    [Fact]
    public async Task KillingASiloUnderLoadLosesNoCredentialsAndCostsAtMostOneTokenRequestPerMovedTenant()
    {
        await using var actors = await ActorsCluster.StartAsync(silos: 3);
        var client = actors.Cluster.Client;
        var tenants = Enumerable.Range(0, Tenants).Select(i => $"tenant-{i}").ToList();
        var pairs = new Dictionary<string, IoClientPair>();
        foreach (var tenant in tenants)
        {
            pairs[tenant] = actors.Sandbox.AddClient(vaultCount: 2);
            await client.GetGrain<ICredentialGrain>(tenant).Register(pairs[tenant].ClientId, pairs[tenant].ClientSecret);
        }
        var victim = actors.Cluster.Silos[1];
        var moved = await CredentialGrainsOnAsync(client, victim.SiloAddress);
        Assert.NotEmpty(moved);
        actors.Sandbox.State.ResetCounters();

        using var stop = new CancellationTokenSource();
        var errors = 0;
        var lastError = Stopwatch.StartNew();
        var load = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.WhenAll(tenants.Select(async tenant =>
                {
                    try
                    {
                        var response = await client.GetGrain<IAccountGrain>(tenant).Send(IoRequest.Get("/v1/vaults"));
                        if (response.Status != 200)
                            throw new InvalidOperationException($"{response.Status} {response.Failure}");
                    }
                    catch (Exception)
                    {
                        Interlocked.Increment(ref errors);
                        lock (lastError)
                            lastError.Restart();
                    }
                }));
            }
        });

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var killedAt = Stopwatch.StartNew();
        await actors.Cluster.KillSiloAsync(victim);
        // Load runs until every tenant has answered without error for a while after the kill.
        while (killedAt.Elapsed < TimeSpan.FromSeconds(90) && (Volatile.Read(ref errors) == 0 ? killedAt.Elapsed < TimeSpan.FromSeconds(3) : lastError.Elapsed < TimeSpan.FromSeconds(3)))
            await Task.Delay(100);
        await stop.CancelAsync();
        await load;
        output.WriteLine($"{moved.Count} tenants moved; {errors} failed calls; errors ended {(killedAt.Elapsed - lastError.Elapsed).TotalSeconds:F1} s after the kill");

        foreach (var tenant in tenants)
        {
            var status = await client.GetGrain<ICredentialGrain>(tenant).GetStatus();
            Assert.Equal((CredentialStates.Active, pairs[tenant].ClientId), (status.State, status.ClientId));
            Assert.Equal(200, (await client.GetGrain<IAccountGrain>(tenant).Send(IoRequest.Get("/v1/vaults"))).Status);
        }
        Assert.InRange(actors.Sandbox.State.TokenRequestsTotal, 1, moved.Count);
        foreach (var tenant in tenants.Except(moved))
            Assert.Equal(0, actors.Sandbox.State.TokenRequests(pairs[tenant].ClientId));
    }

    private static async Task<List<string>> CredentialGrainsOnAsync(IGrainFactory grains, SiloAddress silo)
    {
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [silo]);
        return statistics
            .Where(s => s.GrainId.Type.ToString() == "credential")
            .Select(s => s.GrainId.Key.ToString()!)
            .ToList();
    }
}
