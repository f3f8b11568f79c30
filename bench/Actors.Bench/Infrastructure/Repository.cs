namespace Actors.Bench.Infrastructure;

internal static class Repository
{
    /// <summary>The folder that holds Actors.sln, found from where the bench runs.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the bench itself was built in (Release for real figures).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Actors.sln")))
                return folder.FullName;
        throw new InvalidOperationException("Actors.sln not found above " + AppContext.BaseDirectory);
    }
}
