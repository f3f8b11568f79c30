namespace Actors.IoSandbox;

/// <summary>io's Idempotency-Key contract for creates: the first request answers 201, a retry with the same key 200 with the same record.</summary>
internal static class Idempotency
{
    private const string Header = "Idempotency-Key";

    /// <returns>The key, or null when the request has none (or an empty one), so that every such request creates anew.</returns>
    public static string? Key(HttpRequest request) => request.Headers[Header].ToString() is { Length: > 0 } key ? key : null;

    public static IResult Answer<T>(T record, bool created, string location) =>
        created ? Results.Created(location, record) : Results.Json(record);
}
