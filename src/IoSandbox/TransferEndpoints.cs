using System.Text.Json.Nodes;

namespace Actors.IoSandbox;

/// <summary>io's native-asset transfers: create (idempotent with a key) and fetch. Only the caller's vaults exist.</summary>
internal static class TransferEndpoints
{
    public static void MapTransferEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapResourceGroup();
        v1.MapPost("/vaults/{vaultId}/{chainAlias}/transfer/native", TransferAsync);
        v1.MapGet("/vaults/{vaultId}/network/transfers/{transferId}", Get);
    }

    private static async Task<IResult> TransferAsync(HttpContext http, SandboxState state, string vaultId, string chainAlias)
    {
        if (!CallerVaults.Owns(http, state, vaultId))
        {
            return CallerVaults.NotFound();
        }

        // The fields are not checked: nothing is broadcast, and clients under test choose their own amounts and destinations.
        if (await JsonBody.TryReadAsync<JsonObject>(http) is null)
        {
            return ErrorResults.BadRequest("body must be a JSON object");
        }

        var (transfer, created) = state.TransferNative(Caller.ClientId(http), vaultId, chainAlias, Idempotency.Key(http.Request));
        return Idempotency.Answer(transfer, created, $"/v1/vaults/{Uri.EscapeDataString(vaultId)}/network/transfers/{transfer.Id}");
    }

    private static IResult Get(HttpContext http, SandboxState state, string vaultId, string transferId)
    {
        if (!CallerVaults.Owns(http, state, vaultId))
        {
            return CallerVaults.NotFound();
        }

        return state.FindTransfer(Caller.ClientId(http), vaultId, transferId) is { } transfer
            ? Results.Json(transfer)
            : ErrorResults.NotFound("Transfer not found");
    }
}
