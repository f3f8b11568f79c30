using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;

namespace Actors.Bench.Infrastructure;

/// <summary>
/// The live managed heap of the Actors process: a full blocking collection is induced through the diagnostics port
/// (as <c>dotnet-gcdump</c> does), then the heap size after it, less its fragmentation, is read from
/// <c>/metrics</c>. A plain "heap size after the last collection" would, after a gen0 collection, still count the
/// older generations' garbage.
/// </summary>
internal static class LiveHeap
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static async Task<double> MeasureAsync(HttpClient admin, int processId)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = Parse(await admin.GetStringAsync("/metrics"));
            await InduceFullCollectionAsync(admin, processId, before);
            var after = Parse(await admin.GetStringAsync("/metrics"));
            // Only when no younger collection came after the full one do the "last collection" figures describe it.
            if (after.Collections("gen0") == before.Collections("gen0") && after.Collections("gen1") == before.Collections("gen1"))
                return after.Sum("dotnet_gc_last_collection_heap_size_bytes") - after.Sum("dotnet_gc_last_collection_heap_fragmentation_size_bytes");
        }
        throw new InvalidOperationException("Younger collections kept following the induced full collection.");
    }

    private static async Task InduceFullCollectionAsync(HttpClient admin, int processId, Metrics before)
    {
        var client = new DiagnosticsClient(processId);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, GcKeyword | GcHeapCollectKeyword)],
            requestRundown: false,
            circularBufferMB: 64,
            CancellationToken.None);
        // The session's events are not needed, but they must be drained for the runtime to go on writing them.
        var drain = session.EventStream.CopyToAsync(Stream.Null);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (Parse(await admin.GetStringAsync("/metrics")).Collections("gen2") == before.Collections("gen2"))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The induced full collection did not happen.");
            await Task.Delay(200);
        }
        await session.StopAsync(CancellationToken.None);
        await drain;
    }

    private static Metrics Parse(string text) => new(text.Split('\n'));

    /// <summary>Prometheus text lines: sums of a metric's series.</summary>
    private sealed record Metrics(string[] Lines)
    {
        public double Sum(string name) => Lines
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) || line.StartsWith(name + " ", StringComparison.Ordinal))
            .Sum(Value);

        public double Collections(string generation) => Lines
            .Where(line => line.StartsWith("dotnet_gc_collections_total{", StringComparison.Ordinal) && line.Contains($"gc_heap_generation=\"{generation}\"", StringComparison.Ordinal))
            .Sum(Value);

        private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }
}
