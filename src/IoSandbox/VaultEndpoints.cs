namespace Actors.IoSandbox;

/// <summary>io's vault resources. Each client only ever sees its own vaults; another tenant's vault is simply not found.</summary>
internal static class VaultEndpoints
{
    // io returns real balances; a fixed pair is enough for clients to parse and display.
    private static readonly DataList<Asset> Assets = new([
        new Asset("ETH", "ethereum", "1.2500"),
        new Asset("BTC", "bitcoin", "0.0310"),
    ]);

    private static readonly ErrorBody VaultNotFound = new("Vault not found");

    public static void MapVaultEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/v1").AddEndpointFilter<BearerCheck>();
        v1.MapGet("/vaults", List);
        v1.MapGet("/vaults/{vaultId}", Get);
        v1.MapGet("/vaults/{vaultId}/assets", GetAssets);
    }

    // Query values bound as strings so a malformed limit reaches the pager (and the counters) instead of failing binding.
    private static IResult List(HttpContext http, SandboxState state, string? limit, string? after, string? before)
    {
        var (page, error) = VaultPager.Read(VaultsOfCaller(http, state), limit, after, before);
        return page is null ? Results.Json(new ErrorBody(error!), statusCode: StatusCodes.Status400BadRequest) : Results.Json(page);
    }

    private static IResult Get(HttpContext http, SandboxState state, string vaultId) =>
        VaultsOfCaller(http, state).Find(vaultId) is { } vault ? Results.Json(vault) : NotFound();

    private static IResult GetAssets(HttpContext http, SandboxState state, string vaultId) =>
        VaultsOfCaller(http, state).Find(vaultId) is null ? NotFound() : Results.Json(Assets);

    // A client deleted after its token was checked has no vaults left; an empty set answers that naturally.
    private static VaultSet VaultsOfCaller(HttpContext http, SandboxState state) =>
        state.VaultsOf(Caller.ClientId(http)) ?? VaultSet.Create(string.Empty, 0);

    private static IResult NotFound() => Results.Json(VaultNotFound, statusCode: StatusCodes.Status404NotFound);
}
