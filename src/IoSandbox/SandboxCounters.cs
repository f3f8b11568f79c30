using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Actors.IoSandbox;

/// <summary>Thread-safe call counters; tests and benchmarks use them to prove how often a client really hit io.</summary>
internal sealed class SandboxCounters
{
    // A box per key so increments are a plain Interlocked op instead of AddOrUpdate retry loops under contention.
    private readonly ConcurrentDictionary<string, StrongBox<int>> _tokenRequests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox<int>> _faults = new(StringComparer.Ordinal);
    private int _tokenRequestsTotal;
    private int _unauthorized;
    private int _faultsTotal;

    public int TokenRequestsTotal => Volatile.Read(ref _tokenRequestsTotal);

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    public int FaultsTotal => Volatile.Read(ref _faultsTotal);

    public void CountTokenRequest(string clientId)
    {
        Increment(_tokenRequests, clientId);
        Interlocked.Increment(ref _tokenRequestsTotal);
    }

    public void CountRequest(string key) => Increment(_requests, key);

    public void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);

    public void CountFault(string clientId)
    {
        Increment(_faults, clientId);
        Interlocked.Increment(ref _faultsTotal);
    }

    public int TokenRequests(string clientId) => Read(_tokenRequests, clientId);

    public int Requests(string key) => Read(_requests, key);

    public int Faults(string clientId) => Read(_faults, clientId);

    public IReadOnlyDictionary<string, int> TokenRequestsByClient() => Snapshot(_tokenRequests);

    public IReadOnlyDictionary<string, int> RequestsByRoute() => Snapshot(_requests);

    public IReadOnlyDictionary<string, int> FaultsByClient() => Snapshot(_faults);

    public void Reset()
    {
        _tokenRequests.Clear();
        _requests.Clear();
        _faults.Clear();
        Interlocked.Exchange(ref _tokenRequestsTotal, 0);
        Interlocked.Exchange(ref _unauthorized, 0);
        Interlocked.Exchange(ref _faultsTotal, 0);
    }

    private static void Increment(ConcurrentDictionary<string, StrongBox<int>> counters, string key) =>
        Interlocked.Increment(ref counters.GetOrAdd(key, static _ => new StrongBox<int>()).Value);

    private static int Read(ConcurrentDictionary<string, StrongBox<int>> counters, string key) =>
        counters.TryGetValue(key, out var box) ? Volatile.Read(ref box.Value) : 0;

    private static SortedDictionary<string, int> Snapshot(ConcurrentDictionary<string, StrongBox<int>> counters) =>
        new(counters.ToDictionary(p => p.Key, p => Volatile.Read(ref p.Value.Value)), StringComparer.Ordinal);
}
