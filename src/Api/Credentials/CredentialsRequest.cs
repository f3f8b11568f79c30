namespace Actors.Api.Credentials;

/// <summary>The body of <c>PUT /v1/tenants/{tenantId}/credentials</c>: an io API key pair.</summary>
public sealed record CredentialsRequest(string? ClientId, string? ClientSecret)
{
    /// <summary>Never print the secret, wherever this record ends up.</summary>
    public override string ToString() => $"CredentialsRequest {{ ClientId = {ClientId} }}";
}
