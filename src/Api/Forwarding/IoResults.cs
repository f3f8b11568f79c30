using Actors.Api.Problems;
using Actors.Grains.Io;

namespace Actors.Api.Forwarding;

internal static class IoResults
{
    /// <summary>io's own answer passed back untouched, or a problem saying why Actors could not get one.</summary>
    public static IResult From(IoResponse response) => response.Failure switch
    {
        IoFailure.None => new IoPassthroughResult(response),
        IoFailure.CredentialsMissing => new ApiProblem(404, ProblemCodes.CredentialsMissing,
            "No io credentials are registered for this tenant."),
        IoFailure.CredentialsRejected => new ApiProblem(502, ProblemCodes.CredentialsRejected,
            "io rejects this tenant's credentials; register a working pair.", response.RetryAfter),
        IoFailure.UpstreamTimeout => new ApiProblem(504, ProblemCodes.UpstreamTimeout, "io did not answer in time."),
        IoFailure.PayloadTooLarge => new ApiProblem(502, ProblemCodes.PayloadTooLarge, "io's answer is larger than the configured limit."),
        _ => new ApiProblem(503, ProblemCodes.UpstreamUnavailable, "io is unavailable; try again later.", response.RetryAfter ?? TimeSpan.FromSeconds(1)),
    };
}
