namespace Actors.IoSandbox;

/// <summary>A native-asset transfer as io returns it. The sandbox never broadcasts, so it stays PENDING.</summary>
internal sealed record Transfer(string Id, string VaultId, string ChainAlias, string Status);
