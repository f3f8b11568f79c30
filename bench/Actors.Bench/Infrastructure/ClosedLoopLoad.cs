using System.Diagnostics;

namespace Actors.Bench.Infrastructure;

/// <summary>A closed-loop load: a fixed number of connections, each sending its next request when the last one answers.</summary>
internal static class ClosedLoopLoad
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, long Requests, long Failures, TimeSpan ServerCpu, long ServerAllocated)
    {
        public double CpuMsPerRequest => ServerCpu.TotalMilliseconds / Math.Max(1, Requests);

        /// <summary>Unlike time, allocation per request does not drift with the machine: the steadiest figure of a run.</summary>
        public double KiBAllocatedPerRequest => ServerAllocated / 1024.0 / Math.Max(1, Requests + Failures);
    }

    /// <param name="server">The process whose CPU time is charged to the requests.</param>
    /// <param name="allocated">Reads the bytes the server process has allocated so far.</param>
    public static async Task<Result> RunAsync(Func<HttpRequestMessage> request, int connections, TimeSpan warmUp, TimeSpan duration, Process server, Func<Task<long>> allocated)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var measuring = false;
        var stop = false;
        var latencies = new List<long>[connections];
        var failures = 0L;
        var workers = Enumerable.Range(0, connections).Select(i => Task.Run(async () =>
        {
            var mine = latencies[i] = new List<long>(100_000);
            while (!Volatile.Read(ref stop))
            {
                var started = Stopwatch.GetTimestamp();
                using var message = request();
                var ok = false;
                try
                {
                    using var response = await http.SendAsync(message);
                    await response.Content.CopyToAsync(Stream.Null);
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }
                if (!Volatile.Read(ref measuring))
                    continue;
                if (ok)
                    mine.Add(Stopwatch.GetTimestamp() - started);
                else
                    Interlocked.Increment(ref failures);
            }
        })).ToArray();

        await Task.Delay(warmUp);
        server.Refresh();
        var cpuBefore = server.TotalProcessorTime;
        var allocatedBefore = await allocated();
        var clock = Stopwatch.StartNew();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        var elapsed = clock.Elapsed;
        var allocatedDuring = await allocated() - allocatedBefore;
        server.Refresh();
        var cpu = server.TotalProcessorTime - cpuBefore;
        Volatile.Write(ref stop, true);
        await Task.WhenAll(workers);

        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Percentile(double p) => all.Length == 0 ? double.NaN : all[(int)Math.Min(all.Length - 1, p * all.Length)] * 1000.0 / Stopwatch.Frequency;
        return new Result(all.Length / elapsed.TotalSeconds, Percentile(0.5), Percentile(0.9), Percentile(0.99), all.Length, failures, cpu, allocatedDuring);
    }
}
