namespace Actors.Grains.Hosting;

/// <summary>How Actors runs: <c>Actors:Mode</c>.</summary>
public enum ActorsMode
{
    /// <summary>One process: the silo co-hosted in the Api, localhost clustering, state in a SQLite file.</summary>
    Standalone,

    /// <summary>Silo and Api processes; membership and state in Redis.</summary>
    Cluster,
}

public static class ActorsModes
{
    public static ActorsMode Of(Microsoft.Extensions.Configuration.IConfiguration configuration) =>
        Enum.TryParse<ActorsMode>(configuration["Actors:Mode"], ignoreCase: true, out var mode) ? mode : ActorsMode.Standalone;
}
