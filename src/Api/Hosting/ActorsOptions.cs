namespace Actors.Api.Hosting;

/// <summary>The Api's own settings, bound from the <c>Actors</c> section.</summary>
public sealed class ActorsOptions
{
    public const string Section = "Actors";

    /// <summary>The admin bearer key. Required outside Development, where a fixed dev key is used.</summary>
    public string? AdminKey { get; set; }

    /// <summary><c>Standalone</c> (default: silo co-hosted, SQLite) or <c>Cluster</c>.</summary>
    public ActorsMode Mode { get; set; } = ActorsMode.Standalone;
}

public enum ActorsMode
{
    Standalone,
    Cluster,
}
