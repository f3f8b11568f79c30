using System.Diagnostics;
using System.Net.Sockets;

namespace Actors.Bench.Infrastructure;

/// <summary>
/// A real Redis (Debian's redis-server) on a free loopback port with a temp folder, the append-only file on and
/// fsync on every write, as cluster mode runs it. Install it with <c>apt-get install redis-server</c>.
/// </summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, int port, string folder, string version)
    {
        _process = process;
        _folder = folder;
        Port = port;
        Version = version;
    }

    public int Port { get; }

    /// <summary>As redis-server reports it, e.g. "7.0.15".</summary>
    public string Version { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var version = await VersionAsync();
        var folder = Directory.CreateTempSubdirectory("actors-bench-redis-").FullName;
        var port = ActorsProcess.FreePort();
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--appendonly", "yes", "--appendfsync", "always", "--save", ""])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var redis = new RedisServer(process, port, folder, version);
        try
        {
            await redis.WaitListeningAsync();
        }
        catch
        {
            await redis.DisposeAsync();
            throw;
        }
        return redis;
    }

    /// <summary>"Redis server v=7.0.15 sha=… bits=64 …" gives "7.0.15"; also fails early, and says why, without redis-server.</summary>
    private static async Task<string> VersionAsync()
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("redis-server", ["--version"]) { UseShellExecute = false, RedirectStandardOutput = true })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("The cluster storm needs Debian's redis-server on the PATH (apt-get install redis-server).", e);
        }
        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Split(' ').FirstOrDefault(part => part.StartsWith("v=", StringComparison.Ordinal))?[2..] ?? output.Trim();
        }
    }

    private async Task WaitListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"redis-server did not listen on {Port}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* best effort: a temp folder */ }
    }
}
