using System.Diagnostics.CodeAnalysis;

namespace Actors.Api.Forwarding;

/// <summary>
/// The io path a passthrough call names, taken from the raw request target so that the caller's own encoding
/// reaches io unchanged: <c>/v1/tenants/{tenantId}/io/{path}?{query}</c> becomes <c>/v1/{path}?{query}</c>.
/// </summary>
internal sealed record IoPath(string PathAndQuery, string? VaultId)
{
    /// <summary>Slashes in <c>/v1/tenants/{tenantId}/io/</c>: the io path starts after the last of them.</summary>
    private const int PrefixSlashes = 5;

    public static bool TryParse(string rawTarget, [NotNullWhen(true)] out IoPath? ioPath, [NotNullWhen(false)] out string? error)
    {
        ioPath = null;
        var queryStart = rawTarget.IndexOf('?');
        var path = queryStart < 0 ? rawTarget.AsSpan() : rawTarget.AsSpan(0, queryStart);
        var ioStart = AfterSlashes(path, PrefixSlashes);
        if (ioStart < 0 || ioStart == path.Length || path[ioStart] == '/')
        {
            error = "Name the io path after /io/, for example /io/vaults.";
            return false;
        }

        var ioPathOnly = path[ioStart..];
        var firstEnd = ioPathOnly.IndexOf('/');
        var first = Unescaped(firstEnd < 0 ? ioPathOnly : ioPathOnly[..firstEnd]);
        // Token requests belong to the credential grain alone.
        if (first.Equals("auth", StringComparison.OrdinalIgnoreCase))
        {
            error = "io's auth endpoints cannot be called through Actors.";
            return false;
        }

        string? vaultId = null;
        if (first.SequenceEqual("vaults") && firstEnd >= 0)
        {
            var afterVaults = ioPathOnly[(firstEnd + 1)..];
            var idEnd = afterVaults.IndexOf('/');
            vaultId = Uri.UnescapeDataString(idEnd < 0 ? afterVaults : afterVaults[..idEnd]);
            if (!VaultIds.IsValid(vaultId))
            {
                error = VaultIds.Rule;
                return false;
            }
        }

        ioPath = new IoPath(string.Concat("/v1/", rawTarget.AsSpan(ioStart)), vaultId);
        error = null;
        return true;
    }

    /// <summary>The index just after the <paramref name="count"/>th slash, or -1 when there are fewer.</summary>
    private static int AfterSlashes(ReadOnlySpan<char> path, int count)
    {
        var index = -1;
        for (var found = 0; found < count; found++)
        {
            var next = path[(index + 1)..].IndexOf('/');
            if (next < 0)
                return -1;
            index += next + 1;
        }
        return index + 1;
    }

    private static ReadOnlySpan<char> Unescaped(ReadOnlySpan<char> segment) =>
        segment.Contains('%') ? Uri.UnescapeDataString(segment) : segment;
}
