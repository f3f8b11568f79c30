using System.Buffers;

namespace Actors.Grains.Io;

/// <summary>Reads a stream to the end, giving up (and keeping nothing) as soon as it passes a size limit.</summary>
public static class BoundedRead
{
    /// <returns>The bytes read, or null when the stream is longer than <paramref name="limit"/>.</returns>
    public static async Task<byte[]?> ReadAsync(Stream stream, int limit, CancellationToken cancellationToken)
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
