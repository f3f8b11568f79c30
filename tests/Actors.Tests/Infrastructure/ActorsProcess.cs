using System.Diagnostics;
using System.Text;

namespace Actors.Tests.Infrastructure;

/// <summary>A built Actors executable (Silo or Api), run as a real process on loopback, its output captured.</summary>
public sealed class ActorsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private readonly IDictionary<string, string> _settings;

    private ActorsProcess(Process process, Uri address, IDictionary<string, string> settings)
    {
        _process = process;
        Address = address;
        _settings = settings;
    }

    /// <summary>A setting the process was started with.</summary>
    public string Setting(string key) => _settings[key];

    /// <summary>Where its HTTP endpoints (the Api, or a Silo's health) listen.</summary>
    public Uri Address { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public static ActorsProcess StartSilo(IDictionary<string, string> settings) => Start("Silo", settings);

    public static ActorsProcess StartApi(IDictionary<string, string> settings) => Start("Api", settings);

    private static ActorsProcess Start(string project, IDictionary<string, string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var executable = ExecutablePath(project);
        var start = new ProcessStartInfo("dotnet", [executable])
        {
            // Its own appsettings.json, not whichever one a test run copied last.
            WorkingDirectory = Path.GetDirectoryName(executable),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start };
        var actors = new ActorsProcess(process, address, settings);
        process.OutputDataReceived += (_, line) => actors.Append(line.Data);
        process.ErrorDataReceived += (_, line) => actors.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return actors;
    }

    /// <summary>Waits until <c>/health/ready</c> answers healthy.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The process exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Not ready after {deadline.Elapsed}:\n{Output}");
    }

    public HttpClient Client(string? bearerKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerKey is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearerKey);
        return client;
    }

    /// <summary>Asks the process to stop, as <c>kill</c> (SIGTERM) would, and waits for it; kills it after 30 s.</summary>
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
            await KillAsync();
        }
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>Ends the process at once, as <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>The executables' build output sits beside the tests' in the same configuration.</summary>
    private static string ExecutablePath(string project)
    {
        var testsBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var root = testsBin[..testsBin.IndexOf($"{Path.DirectorySeparatorChar}tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)];
        var configuration = new DirectoryInfo(testsBin).Parent!.Name;
        var path = Path.Combine(root, "src", project, "bin", configuration, "net10.0", $"Actors.{project}.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
    }
}
