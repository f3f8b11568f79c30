using System.Buffers;

namespace Actors.Grains.Io;

/// <summary>Reads a stream to the end, giving up (and keeping nothing) as soon as it passes a size limit.</summary>
public static class BoundedRead
{
    /// <param name="expectedLength">The length the sender declared (<c>Content-Length</c>), if any.</param>
    /// <returns>The bytes read, or null when the stream is longer than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken, long? expectedLength = null)
    {
        if (expectedLength is { } length && length <= limit)
        {
            // HTTP framing ends the stream at the declared length, so the bytes go straight into an array of that size.
            var exact = new byte[length];
            var filled = await stream.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            return filled == exact.Length ? exact : exact[..filled];
        }
        return await ReadUnknownLengthAsync(stream, limit, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]?> ReadUnknownLengthAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        // Read into pooled buffers, growing as needed; the only array kept is the answer itself.
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var filled = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false)) > 0)
            {
                filled += read;
                if (filled > limit)
                    return null;
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return buffer.AsSpan(0, filled).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
