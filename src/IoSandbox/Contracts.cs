using System.Text.Json;
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

internal sealed record SettingsBody(
    int TokenLifetimeSeconds,
    LifetimeSource LifetimeSource,
    long TokenEndpointLatencyMs,
    int? TokenEndpointFailure);

// A JsonElement rather than int? for the failure: its ValueKind tells "absent" (Undefined: keep) from "null" (Null: clear).
internal sealed record SettingsUpdate(
    int? TokenLifetimeSeconds,
    LifetimeSource? LifetimeSource,
    int? TokenEndpointLatencyMs,
    JsonElement TokenEndpointFailure);

// Durations as integers (milliseconds, or seconds for Retry-After, the header's own unit) instead of "00:00:01.5" strings,
// which are easy to get wrong in a shell one-liner. Absent fields take the FaultPlan defaults.
internal sealed record FaultPlanBody(
    int? Status,
    double? Rate,
    int? Count,
    int? RetryAfterSeconds,
    int? LatencyMs,
    int? LatencyJitterMs,
    bool? Reset,
    bool? AfterHandling,
    string? PathPrefix,
    string? Method);

internal sealed record CountersBody(
    IReadOnlyDictionary<string, int> TokenRequests,
    int TokenRequestsTotal,
    IReadOnlyDictionary<string, int> Requests,
    int Unauthorized,
    IReadOnlyDictionary<string, int> FaultsInjected,
    int FaultsInjectedTotal);

internal sealed record EchoBody(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string BodyBase64,
    int BodyLength);
