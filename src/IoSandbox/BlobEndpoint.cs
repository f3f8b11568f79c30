namespace Actors.IoSandbox;

/// <summary>GET /v1/blob: a large answer of a chosen size, with or without Content-Length, for testing how clients stream and cap bodies.</summary>
internal static class BlobEndpoint
{
    private const long MaxBytes = 64L * 1024 * 1024;

    public static void MapBlobEndpoint(this IEndpointRouteBuilder app) =>
        app.MapResourceGroup().MapGet("/blob", Get);

    // Query values bound as strings so malformed ones are answered (and counted) here instead of failing binding.
    private static IResult Get(string? bytes, string? chunked)
    {
        if (!long.TryParse(bytes, out var length) || length is < 0 or > MaxBytes)
        {
            return ErrorResults.BadRequest($"bytes must be an integer between 0 and {MaxBytes}");
        }

        if (chunked is not (null or "true" or "false"))
        {
            return ErrorResults.BadRequest("chunked must be true or false");
        }

        return new BlobResult(length, Chunked: chunked == "true");
    }
}
