using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.IoSandbox;

/// <summary>io's signature requests on a vault: create (idempotent with a key), list and fetch. Only the caller's vaults exist.</summary>
internal static class SignatureEndpoints
{
    public static void MapSignatureEndpoints(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapResourceGroup();
        v1.MapPost("/vaults/{vaultId}/signatures/sign", SignAsync);
        v1.MapGet("/vaults/{vaultId}/signatures", List);
        v1.MapGet("/vaults/{vaultId}/signatures/{signatureId}", Get);
    }

    private static async Task<IResult> SignAsync(HttpContext http, SandboxState state, string vaultId)
    {
        if (!CallerVaults.Owns(http, state, vaultId))
        {
            return CallerVaults.NotFound();
        }

        // Any other fields are accepted and ignored: the sandbox never signs, it only has to remember what was asked.
        var body = await JsonBody.TryReadAsync<JsonObject>(http);
        if (body?["message"] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 } message)
        {
            return ErrorResults.BadRequest("body must be a JSON object with a non-empty string \"message\"");
        }

        var (signature, created) = state.Sign(Caller.ClientId(http), vaultId, message, Idempotency.Key(http.Request));
        return Idempotency.Answer(signature, created, $"/v1/vaults/{Uri.EscapeDataString(vaultId)}/signatures/{signature.Id}");
    }

    // Query values bound as strings so a malformed limit reaches the pager (and the counters) instead of failing binding.
    private static IResult List(HttpContext http, SandboxState state, string vaultId, string? limit, string? after, string? before)
    {
        if (!CallerVaults.Owns(http, state, vaultId))
        {
            return CallerVaults.NotFound();
        }

        var signatures = state.SignaturesOf(Caller.ClientId(http), vaultId);
        var (page, error) = CursorPager.Read(
            signatures, s => s.Id, id => Array.FindIndex(signatures, s => s.Id == id), limit, after, before);
        return page is null ? ErrorResults.BadRequest(error!) : Results.Json(page);
    }

    private static IResult Get(HttpContext http, SandboxState state, string vaultId, string signatureId)
    {
        if (!CallerVaults.Owns(http, state, vaultId))
        {
            return CallerVaults.NotFound();
        }

        return state.FindSignature(Caller.ClientId(http), vaultId, signatureId) is { } signature
            ? Results.Json(signature)
            : ErrorResults.NotFound("Signature not found");
    }
}
