namespace Actors.IoSandbox;

/// <summary>The "Sandbox" configuration section: initial token lifetime and clients to seed at start-up.</summary>
internal sealed class SandboxOptions
{
    public int TokenLifetimeSeconds { get; set; } = 300;

    public List<SeedClient> Clients { get; set; } = [];

    public SandboxState CreateState(TimeProvider time)
    {
        var state = new SandboxState(time, TimeSpan.FromSeconds(TokenLifetimeSeconds));
        foreach (var client in Clients)
        {
            state.AddClient(client.ClientId, client.ClientSecret, client.VaultCount ?? SandboxState.DefaultVaultCount);
        }

        return state;
    }
}

internal sealed class SeedClient
{
    public string ClientId { get; set; } = string.Empty;

    public string ClientSecret { get; set; } = string.Empty;

    public int? VaultCount { get; set; }
}
