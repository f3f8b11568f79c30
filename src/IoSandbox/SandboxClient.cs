namespace Actors.IoSandbox;

/// <summary>A registered io API key. Immutable, so a replacement swaps in atomically.</summary>
internal sealed record SandboxClient(string Secret, VaultSet Vaults);
