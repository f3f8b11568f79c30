using System.Buffers.Text;
using System.Text;

namespace Actors.IoSandbox;

/// <summary>io's cursor pagination over one client's vaults. Cursors are opaque to clients: the base64url of a vault id.</summary>
internal static class VaultPager
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <returns>The page, or an error message for a bad limit or cursor.</returns>
    public static (Page<Vault>? Page, string? Error) Read(VaultSet vaults, string? limitText, string? after, string? before)
    {
        var limit = DefaultLimit;
        if (limitText is not null && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"limit must be an integer between 1 and {MaxLimit}");
        }

        // The window between the cursors (exclusive); "after" pages forward from its start, "before" backward from its end.
        var start = 0;
        var end = vaults.Count;
        if (after is not null && !TryPosition(vaults, after, out start))
        {
            return (null, "invalid after cursor");
        }

        if (before is not null && !TryPosition(vaults, before, out end))
        {
            return (null, "invalid before cursor");
        }

        start = after is null ? 0 : start + 1;
        end = Math.Max(start, end);
        if (before is not null && after is null)
        {
            start = Math.Max(start, end - limit);
        }
        else
        {
            end = Math.Min(end, start + limit);
        }

        var data = vaults.All.Skip(start).Take(end - start).ToArray();
        var info = new PageInfo(
            data.Length == 0 ? null : Encode(data[0].Id),
            data.Length == 0 ? null : Encode(data[^1].Id),
            HasNextPage: end < vaults.Count,
            HasPreviousPage: start > 0);
        return (new Page<Vault>(data, info), null);
    }

    private static string Encode(string vaultId) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(vaultId));

    // A cursor is only valid for the client that received it: another tenant's vault id is as unknown as garbage.
    private static bool TryPosition(VaultSet vaults, string cursor, out int position)
    {
        position = -1;
        try
        {
            position = vaults.IndexOf(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
        }
        catch (FormatException)
        {
            return false;
        }

        return position >= 0;
    }
}
