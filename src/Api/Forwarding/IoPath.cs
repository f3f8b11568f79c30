using System.Diagnostics.CodeAnalysis;

namespace Actors.Api.Forwarding;

/// <summary>
/// The io path a passthrough call names, taken from the raw request target so that the caller's own encoding
/// reaches io unchanged: <c>/v1/tenants/{tenantId}/io/{path}?{query}</c> becomes <c>/v1/{path}?{query}</c>.
/// </summary>
internal sealed record IoPath(string PathAndQuery, string? VaultId)
{
    /// <summary>Segments after <c>/v1/tenants/{tenantId}/io</c> in the raw target.</summary>
    private const int PrefixSegments = 5;

    public static bool TryParse(string rawTarget, [NotNullWhen(true)] out IoPath? ioPath, [NotNullWhen(false)] out string? error)
    {
        ioPath = null;
        var queryStart = rawTarget.IndexOf('?');
        var path = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var query = queryStart < 0 ? "" : rawTarget[queryStart..];
        var segments = path.Split('/');
        if (segments.Length <= PrefixSegments || segments[PrefixSegments].Length == 0)
        {
            error = "Name the io path after /io/, for example /io/vaults.";
            return false;
        }

        var first = Uri.UnescapeDataString(segments[PrefixSegments]);
        // Token requests belong to the credential grain alone.
        if (first.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            error = "io's auth endpoints cannot be called through Actors.";
            return false;
        }

        string? vaultId = null;
        if (first.Equals("vaults", StringComparison.Ordinal) && segments.Length > PrefixSegments + 1)
        {
            vaultId = Uri.UnescapeDataString(segments[PrefixSegments + 1]);
            if (!VaultIds.IsValid(vaultId))
            {
                error = VaultIds.Rule;
                return false;
            }
        }

        ioPath = new IoPath($"/v1/{string.Join('/', segments[PrefixSegments..])}{query}", vaultId);
        error = null;
        return true;
    }
}
