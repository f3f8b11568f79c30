namespace Actors.Grains.Io;

/// <summary>io's answer (status, content type, body bytes), or the reason Actors could not get one.</summary>
[GenerateSerializer, Immutable, Alias("Actors.IoResponse")]
public sealed record IoResponse(
    [property: Id(0)] int Status,
    [property: Id(1)] string? ContentType,
    [property: Id(2)] byte[] Body,
    [property: Id(3)] IoFailure Failure = IoFailure.None,
    [property: Id(4)] TimeSpan? RetryAfter = null)
{
    /// <summary>Orleans logs messages with their text at Trace level: io's answer stays out of it.</summary>
    public override string ToString() => $"IoResponse {{ {Status}, {ContentType}, {Body.Length} bytes, Failure = {Failure} }}";

    public static IoResponse Failed(IoFailure failure, TimeSpan? retryAfter = null) => new(0, null, [], failure, retryAfter);
}
