namespace Actors.Api.Problems;

/// <summary>The stable <c>code</c> values of Actors' problem responses. Callers may branch on them.</summary>
public static class ProblemCodes
{
    public const string InvalidRequest = "invalid_request";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string IpNotAllowed = "ip_not_allowed";
    public const string RateLimited = "rate_limited";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string CredentialsMissing = "credentials_missing";
    public const string CredentialsRejected = "credentials_rejected";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string PayloadTooLarge = "payload_too_large";
    public const string InternalError = "internal_error";

    /// <summary>The code for a problem that was produced by the framework (unknown route, wrong method…) rather than by Actors.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => InvalidRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => UpstreamUnavailable,
        504 => UpstreamTimeout,
        _ => status >= 500 ? InternalError : InvalidRequest,
    };
}
