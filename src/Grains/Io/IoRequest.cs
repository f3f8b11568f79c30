namespace Actors.Grains.Io;

/// <summary>One call to io, as the Api received it: method, path under <c>/v1/</c> with its query, and the body as bytes.</summary>
[GenerateSerializer, Immutable, Alias("Actors.IoRequest")]
public sealed record IoRequest(
    [property: Id(0)] string Method,
    [property: Id(1)] string PathAndQuery,
    [property: Id(2)] string? ContentType = null,
    [property: Id(3)] byte[]? Body = null,
    [property: Id(4)] string? Accept = null,
    [property: Id(5)] string? IdempotencyKey = null,
    [property: Id(6)] string? CorrelationId = null)
{
    public static IoRequest Get(string pathAndQuery) => new("GET", pathAndQuery);

    /// <summary>Orleans logs messages with their text at Trace level: a caller's body stays out of it.</summary>
    public override string ToString() => $"IoRequest {{ {Method} {PathAndQuery}, {Body?.Length ?? 0} bytes }}";
}
