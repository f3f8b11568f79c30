using Actors.Grains.Io;

namespace Actors.Grains.Forwarding;

/// <summary>
/// Identical GETs of one grain that are in flight at the same moment share one io call. Nothing is kept once the
/// call ends: no cache, no stale answers. Grains run one turn at a time, so a plain dictionary is safe here.
/// </summary>
internal sealed class ReadCoalescer
{
    /// <summary>Made when a read is in flight and dropped when none is: an idle grain, as most are, holds none.</summary>
    private Dictionary<string, Task<IoResponse>>? _inFlight;

    /// <param name="coalesced">Told when a call joined one already in flight.</param>
    public Task<IoResponse> SendAsync(IoRequest request, Func<IoRequest, Task<IoResponse>> send, Action coalesced)
    {
        if (request.Method != "GET" || request.Body is { Length: > 0 })
            return send(request);
        var key = $"{request.PathAndQuery}\n{request.Accept}";
        if (_inFlight is not null && _inFlight.TryGetValue(key, out var shared))
        {
            coalesced();
            return shared;
        }
        var call = SendAndForgetAsync(key, request, send);
        // A call that completed synchronously has already removed itself; only a pending one is shared.
        if (!call.IsCompleted)
            (_inFlight ??= new Dictionary<string, Task<IoResponse>>(StringComparer.Ordinal))[key] = call;
        return call;
    }

    private async Task<IoResponse> SendAndForgetAsync(string key, IoRequest request, Func<IoRequest, Task<IoResponse>> send)
    {
        try
        {
            return await send(request);
        }
        finally
        {
            if (_inFlight is not null && _inFlight.Remove(key) && _inFlight.Count == 0)
                _inFlight = null;
        }
    }
}
