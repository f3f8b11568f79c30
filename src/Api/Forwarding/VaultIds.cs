using System.Text.RegularExpressions;

namespace Actors.Api.Forwarding;

internal static partial class VaultIds
{
    public const string Rule = "A vault id is 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':', '~' or '-'.";

    public static bool IsValid(string vaultId) => Pattern().IsMatch(vaultId) && vaultId is not ("." or "..");

    [GeneratedRegex("^[A-Za-z0-9._:~-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
