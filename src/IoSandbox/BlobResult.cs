namespace Actors.IoSandbox;

/// <summary>Writes <paramref name="Length"/> bytes of 'a' in 64 KiB writes, announcing the size up front only when not <paramref name="Chunked"/>.</summary>
internal sealed record BlobResult(long Length, bool Chunked) : IResult
{
    private const int WriteSize = 64 * 1024;

    private static readonly ReadOnlyMemory<byte> Pattern = Enumerable.Repeat((byte)'a', WriteSize).ToArray();

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        response.ContentType = "application/octet-stream";
        if (Chunked)
        {
            // Headers go out before any byte, so the server cannot add a Content-Length even for an empty blob.
            await response.StartAsync(aborted);
        }
        else
        {
            response.ContentLength = Length;
        }

        for (var left = Length; left > 0; left -= WriteSize)
        {
            await response.Body.WriteAsync(Pattern[..(int)Math.Min(left, WriteSize)], aborted);
        }
    }
}
