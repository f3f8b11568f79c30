using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;

namespace Actors.Tests.Infrastructure;

/// <summary>One sandbox, one database and one Actors host: the standalone product as a user runs it.</summary>
public sealed class Standalone : IAsyncDisposable
{
    public sealed record IssuedKey(string Id, string Key);

    private Standalone(Sandbox sandbox, TempDatabase database, ActorsHost host, FakeTimeProvider? time)
    {
        Sandbox = sandbox;
        Database = database;
        Host = host;
        Time = time;
    }

    public Sandbox Sandbox { get; }
    public TempDatabase Database { get; }
    public ActorsHost Host { get; private set; }
    public FakeTimeProvider? Time { get; }

    /// <param name="fakeTime">Drive token lifetimes (at Actors and at the sandbox) with one fake clock.</param>
    public static async Task<Standalone> StartAsync(bool fakeTime = false, IDictionary<string, string?>? settings = null)
    {
        var time = fakeTime ? new FakeTimeProvider(DateTimeOffset.UtcNow) : null;
        var sandbox = await Sandbox.StartAsync(time);
        var database = new TempDatabase();
        var host = new ActorsHost(sandbox.BaseAddress, database.Path, time, settings: settings);
        host.StartServer();
        return new Standalone(sandbox, database, host, time);
    }

    /// <summary>Stops the Actors host and starts a new one on the same database file and keys.</summary>
    public async Task RestartAsync()
    {
        var key = Host.SecretKey;
        await Host.DisposeAsync();
        Host = new ActorsHost(Sandbox.BaseAddress, Database.Path, Time, key);
        Host.StartServer();
    }

    /// <summary>Registers a fresh sandbox client for the tenant through the Api, as an admin would.</summary>
    public async Task<IoClientPair> RegisterAsync(string tenant, int vaultCount = 25)
    {
        var pair = Sandbox.AddClient(vaultCount);
        var response = await Host.Admin().PutAsJsonAsync($"/v1/tenants/{tenant}/credentials", new { pair.ClientId, pair.ClientSecret });
        response.EnsureSuccessStatusCode();
        return pair;
    }

    /// <summary>Issues a tenant API key through the Api, as an admin would.</summary>
    public async Task<IssuedKey> IssueKeyAsync(string tenant)
    {
        var response = await Host.Admin().PostAsync($"/v1/tenants/{tenant}/api-keys", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<IssuedKey>())!;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
        Database.Dispose();
    }
}
