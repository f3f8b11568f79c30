namespace Actors.IoSandbox;

/// <summary>io's account-level chain list: one chain per ecosystem is enough for clients to exercise each kind.</summary>
internal static class ChainEndpoints
{
    private static readonly DataList<Chain> Chains = new([
        new Chain("ethereum", "evm"),
        new Chain("bitcoin", "utxo"),
        new Chain("solana", "svm"),
    ]);

    public static void MapChainEndpoints(this IEndpointRouteBuilder app) =>
        app.MapResourceGroup().MapGet("/chains", () => Results.Json(Chains));
}
