namespace Actors.Grains.Io;

/// <summary>
/// Attempts and failures within the last sampling duration, counted as Polly's advanced circuit breaker counts
/// them: in windows of a tenth of the duration, each started by the first attempt after the previous one ended,
/// and dropped once it started a whole duration ago. Not thread-safe: its breaker locks around it.
/// </summary>
internal sealed class RollingHealth(TimeSpan samplingDuration)
{
    // Windows start at least a tenth of the duration apart and are dropped a duration after they started: at most
    // eleven are live (ten when the duration divides exactly). The ring grows to that only for a tenant that keeps
    // calling: most tenants call now and then, and one window is all they need.
    private const int MostWindows = 11;
    private Window[] _windows = new Window[1];
    private int _oldest;
    private int _count;

    public void Success(DateTimeOffset now) => Current(now).Successes++;

    public void Failure(DateTimeOffset now) => Current(now).Failures++;

    /// <summary>Attempts within the sampling duration up to <paramref name="now"/>, and the share of them that failed.</summary>
    public (int Throughput, double FailureRate) Read(DateTimeOffset now)
    {
        Current(now);
        var throughput = 0;
        var failures = 0;
        for (var i = 0; i < _count; i++)
        {
            ref var window = ref _windows[(_oldest + i) % _windows.Length];
            throughput += window.Successes + window.Failures;
            failures += window.Failures;
        }
        return (throughput, throughput == 0 ? 0 : (double)failures / throughput);
    }

    public void Reset() => _count = 0;

    private ref Window Current(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        while (_count > 0 && ticks - _windows[_oldest].StartedAt >= samplingDuration.Ticks)
        {
            _oldest = (_oldest + 1) % _windows.Length;
            _count--;
        }
        if (_count == 0 || ticks - Newest.StartedAt >= samplingDuration.Ticks / 10)
        {
            if (_count == _windows.Length)
                Grow();
            _windows[(_oldest + _count) % _windows.Length] = new Window { StartedAt = ticks };
            _count++;
        }
        return ref Newest;
    }

    private void Grow()
    {
        var larger = new Window[Math.Min(_windows.Length * 2, MostWindows)];
        for (var i = 0; i < _count; i++)
            larger[i] = _windows[(_oldest + i) % _windows.Length];
        _windows = larger;
        _oldest = 0;
    }

    private ref Window Newest => ref _windows[(_oldest + _count - 1) % _windows.Length];

    private struct Window
    {
        public long StartedAt;
        public int Successes;
        public int Failures;
    }
}
