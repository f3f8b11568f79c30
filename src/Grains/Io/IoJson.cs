using System.Text.Json;

namespace Actors.Grains.Io;

internal static class IoJson
{
    /// <summary>io speaks camelCase JSON.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
