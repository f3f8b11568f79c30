using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Actors.Bench.Infrastructure;

/// <summary>The built Actors Api, standalone, as its own process on loopback, configured through environment variables.</summary>
internal sealed class ActorsProcess : IAsyncDisposable
{
    public const string AdminKey = "bench-admin-key-0123456789";
    private readonly Process _process;
    private readonly string _folder;

    private ActorsProcess(Process process, Uri address, string folder)
    {
        _process = process;
        Address = address;
        _folder = folder;
    }

    public Uri Address { get; }

    public Process Process => _process;

    public static async Task<ActorsProcess> StartAsync(string ioBaseUrl, IDictionary<string, string>? settings = null)
    {
        var folder = Directory.CreateTempSubdirectory("actors-bench-").FullName;
        var port = FreePort();
        var dll = Path.Combine(Repository.Root, "src", "Api", "bin", Repository.Configuration, "net10.0", "Actors.Api.dll");
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
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[actors] {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var actors = new ActorsProcess(process, new Uri($"http://127.0.0.1:{port}"), folder);
        await actors.WaitReadyAsync();
        return actors;
    }

    public HttpClient Client(string? bearerKey = AdminKey)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerKey is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearerKey);
        return client;
    }

    private async Task WaitReadyAsync()
    {
        using var client = Client(null);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"Actors exited with {_process.ExitCode}; build it first: dotnet build -c Release");
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
        throw new TimeoutException("Actors did not become ready within 60 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
