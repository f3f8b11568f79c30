using System.Diagnostics;

namespace Actors.Bench.Infrastructure;

/// <summary>
/// This bench program started again as another process (to host the sandbox or the YARP baseline), so that each
/// server's CPU time can be measured on its own.
/// </summary>
internal sealed class ChildHost : IAsyncDisposable
{
    /// <summary>Where a child answers how many bytes it has allocated so far, so the bench can charge allocations to requests.</summary>
    public const string AllocatedPath = "/bench/allocated";

    private ChildHost(Process process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }

    public Uri Address { get; }

    public static async Task<ChildHost> StartAsync(string role, params string[] args)
    {
        var port = ActorsProcess.FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!, [role, "--port", port.ToString(), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Insert(0, typeof(ChildHost).Assembly.Location);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) => { if (line.Data is not null) Console.Error.WriteLine($"[{role}] {line.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new ChildHost(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = host.Address };
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                await client.GetAsync("/");
                return host;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"{role} did not start.");
    }

    /// <summary>Bytes the child has allocated so far.</summary>
    public async Task<long> AllocatedAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        return long.Parse(await client.GetStringAsync(AllocatedPath), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }
        Process.Dispose();
    }
}
