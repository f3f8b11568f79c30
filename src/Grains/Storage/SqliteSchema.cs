using Microsoft.Data.Sqlite;

namespace Actors.Grains.Storage;

/// <summary>Creates the SQLite file, its folder and its one table if they do not exist yet.</summary>
internal static class SqliteSchema
{
    public static void Create(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);

        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers and the writer proceed together; it is a property of the file, so setting it once is enough.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS grain_state (
                service_id TEXT NOT NULL,
                grain_id   TEXT NOT NULL,
                state_name TEXT NOT NULL,
                payload    BLOB NOT NULL,
                version    INTEGER NOT NULL,
                PRIMARY KEY (service_id, grain_id, state_name)
            ) WITHOUT ROWID;
            """;
        command.ExecuteNonQuery();
    }
}
