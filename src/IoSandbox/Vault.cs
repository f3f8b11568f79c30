namespace Actors.IoSandbox;

/// <summary>A vault as io returns it.</summary>
public sealed record Vault(string Id, string Name, DateTime CreatedAt, string Status);
