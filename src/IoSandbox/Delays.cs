namespace Actors.IoSandbox;

/// <summary>Real-time waits for injected latency. A caller giving up mid-wait is the point of many timeout tests, so it is no error.</summary>
internal static class Delays
{
    // Task.Delay tops out at about 49 days; a test that wants io to hang longer than a day has a bug, not a scenario.
    public static readonly TimeSpan Max = TimeSpan.FromDays(1);

    /// <returns>False when the caller went away during the wait; then there is no one left to answer.</returns>
    public static async Task<bool> WaitAsync(HttpContext http, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
    }
}
