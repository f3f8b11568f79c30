namespace Actors.Tests.Infrastructure;

/// <summary>A SQLite file path in a fresh temporary folder, removed afterwards.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("actors-test-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "actors.db");

    /// <summary>Every byte SQLite wrote: the database file, its write-ahead log and shared memory.</summary>
    public byte[] AllBytes() => Directory.GetFiles(_folder).SelectMany(ReadShared).ToArray();

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a file still open by a pooled connection; the OS temp folder is cleaned anyway */ }
    }
}
