namespace Actors.IoSandbox;

/// <summary>io's vault resources. Each client only ever sees its own vaults; another tenant's vault is simply not found.</summary>
internal static class VaultEndpoints
{
    // io returns real balances; a fixed pair is enough for clients to parse and display.
    private static readonly DataList<Asset> Assets = new([
        new Asset("ETH", "ethereum", "1.2500"),
        new Asset("BTC", "bitcoin", "0.0310"),
    ]);

    public static void MapVaultEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapResourceGroup();
        v1.MapGet("/vaults", List);
        v1.MapGet("/vaults/{vaultId}", Get);
        v1.MapGet("/vaults/{vaultId}/assets", GetAssets);
    }

    // Query values bound as strings so a malformed limit reaches the pager (and the counters) instead of failing binding.
    private static IResult List(HttpContext http, SandboxState state, string? limit, string? after, string? before)
    {
        var vaults = CallerVaults.Of(http, state);
        var (page, error) = CursorPager.Read(vaults.All, v => v.Id, vaults.IndexOf, limit, after, before);
        return page is null ? ErrorResults.BadRequest(error!) : Results.Json(page);
    }

    private static IResult Get(HttpContext http, SandboxState state, string vaultId) =>
        CallerVaults.Of(http, state).Find(vaultId) is { } vault ? Results.Json(vault) : CallerVaults.NotFound();

    private static IResult GetAssets(HttpContext http, SandboxState state, string vaultId) =>
        CallerVaults.Owns(http, state, vaultId) ? Results.Json(Assets) : CallerVaults.NotFound();
}
