namespace Actors.IoSandbox;

/// <summary>A signature request as io returns it. The sandbox never signs, so it stays PENDING.</summary>
internal sealed record Signature(string Id, string VaultId, string Status, string Message, DateTime CreatedAt);
