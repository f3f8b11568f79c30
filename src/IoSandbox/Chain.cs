namespace Actors.IoSandbox;

/// <summary>A chain io supports, with the ecosystem that decides its address and transaction model.</summary>
internal sealed record Chain(string Id, string Ecosystem);
