using Actors.Grains.Accounts;
using Actors.Grains.Credentials;
using Actors.Grains.Io;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Actors.Tests.Hosting;

public sealed class SiloProcessTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private Sandbox _sandbox = null!;
    private Dictionary<string, string> _settings = null!;
    private int _gatewayPort;

    public async Task InitializeAsync()
    {
        _sandbox = await Sandbox.StartAsync();
        _gatewayPort = FreePort.Next();
        _settings = new Dictionary<string, string>
        {
            ["Io:BaseUrl"] = _sandbox.BaseAddress,
            ["Io:AllowInsecureLoopback"] = "true",
            ["Actors:Secrets:Keys:0:Id"] = "k1",
            ["Actors:Secrets:Keys:0:Key"] = TestKeys.NewAesKey(),
            ["ConnectionStrings:Actors"] = $"Data Source={_database.Path}",
            ["Orleans:SiloPort"] = FreePort.Next().ToString(),
            ["Orleans:GatewayPort"] = _gatewayPort.ToString(),
        };
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task TheSiloProcessServesGrainsAndKeepsCredentialsAcrossAKill()
    {
        var pair = _sandbox.AddClient();
        await using (var silo = ActorsProcess.StartSilo(_settings))
        {
            using var client = await ConnectAsync();
            var grains = client.Services.GetRequiredService<IGrainFactory>();

            var change = await grains.GetGrain<ICredentialGrain>("acme").Register(pair.ClientId, pair.ClientSecret);
            var vaults = await grains.GetGrain<IAccountGrain>("acme").Send(IoRequest.Get("/v1/vaults"));

            Assert.Equal(CredentialChangeOutcome.Accepted, change.Outcome);
            Assert.Equal(200, vaults.Status);
            await silo.KillAsync();
            Assert.DoesNotContain(pair.ClientSecret, silo.Output);
            Assert.All(_sandbox.State.IssuedTokens(), token => Assert.DoesNotContain(token, silo.Output));
        }

        await using (ActorsProcess.StartSilo(_settings))
        {
            using var client = await ConnectAsync();
            var status = await client.Services.GetRequiredService<IGrainFactory>().GetGrain<ICredentialGrain>("acme").GetStatus();

            Assert.Equal(CredentialStates.Active, status.State);
            Assert.Equal(pair.ClientId, status.ClientId);
        }
    }

    /// <summary>An Orleans client on the silo's gateway, retrying while the process starts.</summary>
    private async Task<IHost> ConnectAsync()
    {
        var host = Host.CreateDefaultBuilder()
            .UseOrleansClient(client => client
                .UseLocalhostClustering(_gatewayPort, serviceId: "actors", clusterId: "actors")
                .UseConnectionRetryFilter(async (_, cancellationToken) =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
                    return true;
                }))
            .Build();
        await host.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        return host;
    }
}
