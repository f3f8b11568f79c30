extern alias IoSandbox;

using IoSandbox::Actors.IoSandbox;
using Microsoft.AspNetCore.Builder;

namespace Actors.Tests.Infrastructure;

/// <summary>The io sandbox on a free loopback port, in process, optionally on a fake clock shared with Actors.</summary>
public sealed class Sandbox : IAsyncDisposable
{
    private readonly WebApplication _app;

    private Sandbox(WebApplication app) => _app = app;

    public string BaseAddress => _app.BaseAddress();

    public SandboxState State => _app.State();

    public static async Task<Sandbox> StartAsync(TimeProvider? time = null)
    {
        var app = SandboxHost.Create([], time, "http://127.0.0.1:0");
        await app.StartAsync();
        return new Sandbox(app);
    }

    /// <summary>Registers a new io client with a unique id and a recognisable secret.</summary>
    public IoClientPair AddClient(int vaultCount = 25)
    {
        var pair = new IoClientPair($"client-{Guid.NewGuid():N}"[..20], $"secret-{Guid.NewGuid():N}");
        State.AddClient(pair.ClientId, pair.ClientSecret, vaultCount);
        return pair;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record IoClientPair(string ClientId, string ClientSecret);
