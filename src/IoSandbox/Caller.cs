namespace Actors.IoSandbox;

/// <summary>Carries the client id that <see cref="BearerCheck"/> authenticated over to the /v1 handlers.</summary>
internal static class Caller
{
    private static readonly object Key = new();

    public static void Set(HttpContext http, string clientId) => http.Items[Key] = clientId;

    /// <remarks>Only valid behind <see cref="BearerCheck"/>, which guarantees the id is there.</remarks>
    public static string ClientId(HttpContext http) =>
        http.Items[Key] as string ?? throw new InvalidOperationException("Endpoint is not behind BearerCheck.");
}
