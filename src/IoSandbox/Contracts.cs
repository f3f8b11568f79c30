using System.Text.Json.Serialization;

namespace Actors.IoSandbox;

// Wire shapes of the io API and the sandbox control API; serialised with the web (camelCase) defaults.

internal sealed record TokenRequest(string? ClientId, string? ClientSecret);

internal sealed record TokenResponse(
    string AccessToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExpiresIn,
    string Type);

internal sealed record ErrorBody(string Message);

internal sealed record PageInfo(string? StartCursor, string? EndCursor, bool HasNextPage, bool HasPreviousPage);

internal sealed record Page<T>(IReadOnlyList<T> Data, PageInfo PageInfo);

internal sealed record DataList<T>(IReadOnlyList<T> Data);

internal sealed record ClientRegistration(string? ClientId, string? ClientSecret, int? VaultCount);

internal sealed record SettingsBody(int? TokenLifetimeSeconds, LifetimeSource? LifetimeSource);

internal sealed record CountersBody(
    IReadOnlyDictionary<string, int> TokenRequests,
    int TokenRequestsTotal,
    IReadOnlyDictionary<string, int> Requests,
    int Unauthorized);

internal sealed record EchoBody(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string BodyBase64,
    int BodyLength);
