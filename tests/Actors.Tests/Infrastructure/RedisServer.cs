using System.Diagnostics;
using System.Net.Sockets;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// A real Redis (Debian's redis-server) on a free loopback port, with the append-only file on and fsync on every
/// write, as cluster mode runs it. <c>.ci/run</c> installs it; locally: <c>apt-get install redis-server</c>.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port, string folder)
    {
        _process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    /// <summary>Where Redis keeps its append-only file.</summary>
    public string Folder { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("actors-redis-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("redis-server",
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--dir", folder, "--appendonly", "yes", "--appendfsync", "always", "--save", ""])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Cluster tests need Debian's redis-server on the PATH (apt-get install redis-server).", e);
        }
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        var server = new RedisServer(process, port, folder);
        await server.WaitListeningAsync();
        return server;
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
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* the OS cleans its temp folder */ }
    }
}
