using System.Collections.Concurrent;

namespace Actors.IoSandbox;

/// <summary>
/// What clients create on their vaults (signatures, transfers), per client and vault in creation order. Thread-safe, and honours
/// Idempotency-Key so tests can prove whether a retried POST created a second record.
/// </summary>
internal sealed class VaultLedger<T>(Func<T, string> idOf)
    where T : class
{
    private readonly ConcurrentDictionary<string, ClientRecords> _clients = new(StringComparer.Ordinal);

    /// <param name="create">Only called when the key is new; under the client's lock, so two racing retries cannot both create.</param>
    /// <returns>The record, and false for Created when it was replayed from an earlier request with the same key on the same vault.</returns>
    public (T Record, bool Created) Add(string clientId, string vaultId, string? idempotencyKey, Func<T> create)
    {
        var records = _clients.GetOrAdd(clientId, static _ => new ClientRecords());
        lock (records.Gate)
        {
            if (idempotencyKey is not null && records.ByKey.TryGetValue((vaultId, idempotencyKey), out var earlier))
            {
                return (earlier, false);
            }

            var record = create();
            records.ById.Add((vaultId, idOf(record)), record);
            if (!records.ByVault.TryGetValue(vaultId, out var list))
            {
                records.ByVault[vaultId] = list = [];
            }

            list.Add(record);
            if (idempotencyKey is not null)
            {
                records.ByKey[(vaultId, idempotencyKey)] = record;
            }

            records.Created++;
            return (record, true);
        }
    }

    /// <returns>A snapshot of the vault's records, oldest first.</returns>
    public T[] List(string clientId, string vaultId) =>
        Read(clientId, records => records.ByVault.TryGetValue(vaultId, out var list) ? list.ToArray() : [], []);

    public T? Find(string clientId, string vaultId, string id) => Read(clientId, records => records.ById.GetValueOrDefault((vaultId, id)), null);

    /// <returns>A snapshot of every record of the client, across its vaults.</returns>
    public T[] All(string clientId) => Read(clientId, records => records.ByVault.Values.SelectMany(list => list).ToArray(), []);

    /// <summary>Distinct records created for the client across all its vaults; replays do not count.</summary>
    public int Created(string clientId) => Read(clientId, records => records.Created, 0);

    private TResult Read<TResult>(string clientId, Func<ClientRecords, TResult> read, TResult none)
    {
        if (!_clients.TryGetValue(clientId, out var records))
        {
            return none;
        }

        lock (records.Gate)
        {
            return read(records);
        }
    }

    // One lock per client: tenants never contend with each other, and one client's indexes always change together.
    private sealed class ClientRecords
    {
        public Lock Gate { get; } = new();

        public Dictionary<string, List<T>> ByVault { get; } = new(StringComparer.Ordinal);

        public Dictionary<(string VaultId, string Id), T> ById { get; } = [];

        public Dictionary<(string VaultId, string Key), T> ByKey { get; } = [];

        public int Created { get; set; }
    }
}
