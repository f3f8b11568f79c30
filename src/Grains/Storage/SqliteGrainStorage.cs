using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Actors.Grains.Storage;

/// <summary>
/// Orleans grain storage in one SQLite file, for standalone mode. Each state is a row with a version number that
/// serves as the ETag: a write carrying an old version fails with <see cref="InconsistentStateException"/>
/// instead of overwriting newer state.
/// </summary>
internal sealed class SqliteGrainStorage : IGrainStorage
{
    private readonly string _connectionString;
    private readonly string _serviceId;
    private readonly IGrainStorageSerializer _serializer;

    public SqliteGrainStorage(string connectionString, string serviceId, IGrainStorageSerializer serializer)
    {
        _connectionString = connectionString;
        _serviceId = serviceId;
        _serializer = serializer;
        SqliteSchema.Create(connectionString);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "SELECT payload, version FROM grain_state WHERE service_id = $service AND grain_id = $grain AND state_name = $state", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }
        grainState.State = _serializer.Deserialize<T>(new BinaryData((byte[])reader["payload"]));
        grainState.ETag = reader.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        await using var connection = await OpenAsync();
        await using var command = grainState.ETag is null
            ? Command(connection, "INSERT INTO grain_state (service_id, grain_id, state_name, payload, version) VALUES ($service, $grain, $state, $payload, 1) ON CONFLICT DO NOTHING RETURNING version", stateName, grainId)
            : Command(connection, "UPDATE grain_state SET payload = $payload, version = version + 1 WHERE service_id = $service AND grain_id = $grain AND state_name = $state AND version = $version RETURNING version", stateName, grainId);
        command.Parameters.AddWithValue("$payload", payload);
        if (grainState.ETag is not null)
            command.Parameters.AddWithValue("$version", long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture));
        var version = await command.ExecuteScalarAsync();
        if (version is null)
            throw Conflict("write", stateName, grainId, grainState.ETag);
        grainState.ETag = Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, "DELETE FROM grain_state WHERE service_id = $service AND grain_id = $grain AND state_name = $state AND ($version IS NULL OR version = $version)", stateName, grainId);
        command.Parameters.AddWithValue("$version", grainState.ETag is null ? DBNull.Value : long.Parse(grainState.ETag, System.Globalization.CultureInfo.InvariantCulture));
        var deleted = await command.ExecuteNonQueryAsync();
        if (deleted == 0 && grainState.ETag is not null)
            throw Conflict("clear", stateName, grainId, grainState.ETag);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private SqliteCommand Command(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", _serviceId);
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$state", stateName);
        return command;
    }

    private static InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? etag) =>
        new($"Version conflict on {operation} of state '{stateName}' of {grainId}: the stored version is not {etag ?? "absent"}.");
}
