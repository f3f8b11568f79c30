using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Actors.Bench.Infrastructure;

/// <summary>
/// A built Actors executable as its own process on loopback, configured through environment variables: the Api
/// (standalone unless the settings say otherwise) or a Silo of a cluster.
/// </summary>
internal sealed class ActorsProcess : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789";
    private readonly Process _process;
    private readonly string _folder;
    private readonly string _project;

    private ActorsProcess(Process process, Uri address, string folder, string project)
    {
        _process = process;
        Address = address;
        _folder = folder;
        _project = project;
    }

    public Uri Address { get; }

    public Process Process => _process;

    /// <param name="project">"Api", or "Silo" for a cluster's silo (with cluster settings).</param>
    public static async Task<ActorsProcess> StartAsync(string ioBaseUrl, IDictionary<string, string>? settings = null, string project = "Api")
    {
        var folder = Directory.CreateTempSubdirectory("actors-bench-").FullName;
        var port = FreePort();
        var dll = Path.Combine(Repository.Root, "src", project, "bin", Repository.Configuration, "net10.0", $"Actors.{project}.dll");
        var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Actors__AdminKey"] = AdminKey,
            ["Actors__Secrets__Keys__0__Id"] = "bench",
            ["Actors__Secrets__Keys__0__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Io__BaseUrl"] = ioBaseUrl,
            ["Io__AllowInsecureLoopback"] = "true",
            ["ConnectionStrings__Actors"] = $"Data Source={Path.Combine(folder, "actors.db")}",
            ["Orleans__SiloPort"] = FreePort().ToString(),
            ["Orleans__GatewayPort"] = FreePort().ToString(),
            ["Actors__RateLimit__TokenLimit"] = "100000000",
            ["Actors__RateLimit__TokensPerPeriod"] = "100000000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        foreach (var (key, value) in environment)
            start.Environment[key] = value;

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[{project.ToLowerInvariant()}] {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var actors = new ActorsProcess(process, new Uri($"http://127.0.0.1:{port}"), folder, project);
        try
        {
            await actors.WaitReadyAsync();
        }
        catch
        {
            await actors.DisposeAsync();
            throw;
        }
        return actors;
    }

    public HttpClient Client(string? bearerKey = AdminKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerKey is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearerKey);
        return client;
    }

    /// <summary>Bytes the process has allocated so far, from the runtime metrics it exports.</summary>
    public async Task<long> AllocatedAsync()
    {
        using var client = Client(null);
        var line = (await client.GetStringAsync("/metrics")).Split('\n')
            .First(l => l.StartsWith("dotnet_gc_heap_total_allocated_bytes_total{", StringComparison.Ordinal));
        return (long)double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task WaitReadyAsync()
    {
        using var client = Client(null);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Actors.{_project} exited with {_process.ExitCode}; build it first: dotnet build -c Release bench/Actors.Bench");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Actors.{_project} did not become ready within 60 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Asks the process to stop, as <c>kill</c> (SIGTERM) would, and waits at most 30 s: a silo stopped so leaves the
    /// cluster's membership table, and the next silos do not wait for it to be declared dead.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await term.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // Disposing kills it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }
}
