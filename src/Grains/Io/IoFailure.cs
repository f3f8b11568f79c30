namespace Actors.Grains.Io;

/// <summary>Why Actors answered instead of io. <see cref="None"/> means the response is io's own.</summary>
public enum IoFailure
{
    None,
    CredentialsMissing,
    CredentialsRejected,
    UpstreamUnavailable,
    UpstreamTimeout,
    PayloadTooLarge,
}
