namespace Actors.Grains.Hosting;

public static class StorageNames
{
    /// <summary>The grain storage that holds tenants' credentials (SQLite standalone, Redis in a cluster).</summary>
    public const string Actors = "actors";
}
