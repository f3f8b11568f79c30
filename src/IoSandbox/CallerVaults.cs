namespace Actors.IoSandbox;

/// <summary>
/// The authenticated caller's vaults, for every vault-scoped endpoint: tenant isolation is decided here once,
/// and another tenant's vault is answered exactly like one that does not exist.
/// </summary>
internal static class CallerVaults
{
    public static VaultSet Of(HttpContext http, SandboxState state) =>
        // A client deleted after its token was checked has no vaults left; an empty set answers that naturally.
        state.VaultsOf(Caller.ClientId(http)) ?? VaultSet.Create(string.Empty, 0);

    public static bool Owns(HttpContext http, SandboxState state, string vaultId) => Of(http, state).IndexOf(vaultId) >= 0;

    public static IResult NotFound() => ErrorResults.NotFound("Vault not found");
}
