using System.Buffers.Text;
using System.Text;

namespace Actors.IoSandbox;

/// <summary>io's cursor pagination over one client's list (vaults, signatures). Cursors are opaque to clients: the base64url of an item id.</summary>
internal static class CursorPager
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 100;

    /// <param name="items">The whole list in order.</param>
    /// <param name="idOf">An item's id, which its cursor encodes.</param>
    /// <param name="indexOf">An id's position in <paramref name="items"/>, or -1 when the list has no such item.</param>
    /// <returns>The page, or an error message for a bad limit or cursor.</returns>
    public static (Page<T>? Page, string? Error) Read<T>(
        IReadOnlyList<T> items, Func<T, string> idOf, Func<string, int> indexOf, string? limitText, string? after, string? before)
    {
        var limit = DefaultLimit;
        if (limitText is not null && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            return (null, $"limit must be an integer between 1 and {MaxLimit}");
        }

        // The window between the cursors (exclusive); "after" pages forward from its start, "before" backward from its end.
        var start = 0;
        var end = items.Count;
        if (after is not null && !TryPosition(indexOf, after, out start))
        {
            return (null, "invalid after cursor");
        }

        if (before is not null && !TryPosition(indexOf, before, out end))
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

        var data = items.Skip(start).Take(end - start).ToArray();
        var info = new PageInfo(
            data.Length == 0 ? null : Encode(idOf(data[0])),
            data.Length == 0 ? null : Encode(idOf(data[^1])),
            HasNextPage: end < items.Count,
            HasPreviousPage: start > 0);
        return (new Page<T>(data, info), null);
    }

    private static string Encode(string id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id));

    // A cursor is only valid for the list that issued it: another tenant's (or another list's) id is as unknown as garbage.
    private static bool TryPosition(Func<string, int> indexOf, string cursor, out int position)
    {
        position = -1;
        try
        {
            position = indexOf(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)));
        }
        catch (FormatException)
        {
            return false;
        }

        return position >= 0;
    }
}
