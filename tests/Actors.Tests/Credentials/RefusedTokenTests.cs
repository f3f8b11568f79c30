using Actors.Grains.Accounts;
using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Grains.Tenants;
using Actors.Grains.Vaults;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Credentials;

/// <summary>A 401 from io on a proxied call: one renewal, one retry, and never a newer token thrown away.</summary>
public sealed class RefusedTokenTests : IAsyncLifetime
{
    private ActorsCluster _actors = null!;
    private IoClientPair _pair = null!;
    private IGrainFactory _grains = null!;

    public async Task InitializeAsync()
    {
        _actors = await ActorsCluster.StartAsync(silos: 3);
        _pair = _actors.Sandbox.AddClient(vaultCount: 6);
        _grains = _actors.Cluster.Client;
        await _grains.GetGrain<ICredentialGrain>("acme").Register(_pair.ClientId, _pair.ClientSecret);
        _actors.Sandbox.State.ResetCounters();
    }

    public async Task DisposeAsync() => await _actors.DisposeAsync();

    [Fact]
    public async Task A401WithTheCurrentTokenCausesExactlyOneRenewalAndOneRetry()
    {
        _actors.Sandbox.State.RevokeTokens(_pair.ClientId);

        var response = await Vaults().Send(IoRequest.Get("/v1/vaults"));

        Assert.Equal(200, response.Status);
        Assert.Equal(1, _actors.Sandbox.State.TokenRequests(_pair.ClientId));
        Assert.Equal(1, _actors.Sandbox.State.Unauthorized);
        Assert.Equal(2, _actors.Sandbox.State.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task AStaleReportDoesNotThrowAwayTheNewerToken()
    {
        var credential = _grains.GetGrain<ICredentialGrain>("acme");
        var first = await credential.GetToken(null);
        _actors.Sandbox.State.RevokeTokens(_pair.ClientId);
        var renewed = await credential.ReportRefused(first.Version);
        Assert.Equal(1, _actors.Sandbox.State.TokenRequests(_pair.ClientId));

        // A grain that was slow to notice reports the first token again.
        var afterLateReport = await credential.ReportRefused(first.Version);

        Assert.Equal(1, _actors.Sandbox.State.TokenRequests(_pair.ClientId));
        Assert.Equal(renewed.Version, afterLateReport.Version);
        Assert.Equal(renewed.AccessToken, afterLateReport.AccessToken);
    }

    [Fact]
    public async Task ASecond401GoesBackToTheCallerAsIoSentIt()
    {
        _actors.Sandbox.State.RefuseTokens(_pair.ClientId, refuse: true);

        var response = await Vaults().Send(IoRequest.Get("/v1/vaults"));

        Assert.Equal(401, response.Status);
        Assert.Equal(IoFailure.None, response.Failure);
        Assert.Contains("Unauthorized", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Equal(1, _actors.Sandbox.State.TokenRequests(_pair.ClientId));
        Assert.Equal(2, _actors.Sandbox.State.Requests("GET /v1/vaults"));
    }

    [Fact]
    public async Task RevocationIsVisibleAtOnceFromEverySilo()
    {
        var tenant = TenantId.Parse("acme");
        var entryPoints = _actors.EntryPoints();
        var vaults = Enumerable.Range(1, 6)
            .Select(i => entryPoints[i % entryPoints.Count].GetGrain<IVaultGrain>(VaultGrainKey.For(tenant, $"{_pair.ClientId}-vault-{i:000}")))
            .ToList();
        foreach (var (vault, i) in vaults.Select((v, i) => (v, i + 1)))
            Assert.Equal(200, (await vault.Send(IoRequest.Get($"/v1/vaults/{_pair.ClientId}-vault-{i:000}"))).Status);

        await _grains.GetGrain<ICredentialGrain>("acme").Revoke();

        foreach (var (vault, i) in vaults.Select((v, i) => (v, i + 1)))
            Assert.Equal(IoFailure.CredentialsMissing, (await vault.Send(IoRequest.Get($"/v1/vaults/{_pair.ClientId}-vault-{i:000}"))).Failure);
        foreach (var grains in entryPoints)
            Assert.Equal(CredentialStates.None, (await grains.GetGrain<ICredentialGrain>("acme").GetStatus()).State);
    }

    private IAccountGrain Vaults() => _grains.GetGrain<IAccountGrain>("acme");
}
