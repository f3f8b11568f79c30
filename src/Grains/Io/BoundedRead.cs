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
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (collected.Length + read > limit)
                    return null;
                collected.Write(buffer, 0, read);
            }
            return collected.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
