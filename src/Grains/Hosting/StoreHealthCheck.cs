using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Actors.Grains.Hosting;

/// <summary>Healthy when the store answers now: a SQLite query in standalone mode, a Redis PING in cluster mode.</summary>
public sealed class StoreHealthCheck(IConfiguration configuration) : IHealthCheck, IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _redis = new(() =>
        ConnectionMultiplexer.ConnectAsync(RedisClusterHosting.RedisConnectionString(configuration)));

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (ActorsModes.Of(configuration) == ActorsMode.Cluster)
                await (await _redis.Value.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken)).GetDatabase().PingAsync();
            else
                await PingSqliteAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }

    private async Task PingSqliteAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ActorsGrainsExtensions.SqliteConnectionString(configuration));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (_redis.IsValueCreated && _redis.Value.IsCompletedSuccessfully)
            _redis.Value.Result.Dispose();
    }
}
