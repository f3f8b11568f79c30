using System.Text.Json;
using Actors.Api.Problems;

namespace Actors.Api.Credentials;

/// <summary>Reads and validates a credentials body, answering every kind of bad input with a clear problem.</summary>
internal static class CredentialsRequestReader
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int MaxClientIdLength = 256;
    private const int MaxClientSecretLength = 4096;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(CredentialsRequest? Request, ApiProblem? Problem)> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentType is not null && !http.HasJsonContentType())
            return (null, new ApiProblem(415, ProblemCodes.UnsupportedMediaType, "Send the credentials as application/json."));
        if (http.ContentLength > MaxBodyBytes)
            return (null, new ApiProblem(413, ProblemCodes.PayloadTooLarge, $"A credentials body is at most {MaxBodyBytes} bytes."));

        CredentialsRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<CredentialsRequest>(http.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            // The parser's message may quote the body, which holds the secret: say only what was expected.
            return (null, ApiProblem.InvalidRequest("The body must be a JSON object {\"clientId\": \"…\", \"clientSecret\": \"…\"}."));
        }

        if (string.IsNullOrWhiteSpace(request?.ClientId) || request.ClientId.Length > MaxClientIdLength)
            return (null, ApiProblem.InvalidRequest($"clientId is required (1-{MaxClientIdLength} characters)."));
        if (string.IsNullOrEmpty(request.ClientSecret) || request.ClientSecret.Length > MaxClientSecretLength)
            return (null, ApiProblem.InvalidRequest($"clientSecret is required (1-{MaxClientSecretLength} characters)."));
        return (request, null);
    }
}
