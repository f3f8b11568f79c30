namespace Actors.IoSandbox;

/// <summary>A balance line of a vault as io returns it.</summary>
public sealed record Asset(string AssetId, string Chain, string Balance);
