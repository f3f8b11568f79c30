using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Actors.IoSandbox;

/// <summary>
/// Reads a JSON body by hand instead of via parameter binding: binding failures would answer 400 before our handler runs,
/// and the token endpoint must still count the request and answer io's plain-text error.
/// </summary>
internal static class JsonBody
{
    /// <returns>The body, or null when it is empty, not JSON, or not the expected shape. Content-Type is ignored, as clients are sloppy with it.</returns>
    public static async Task<T?> TryReadAsync<T>(HttpContext http)
        where T : class
    {
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, options, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
