using System.Net;
using System.Net.Sockets;

namespace Actors.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback port nobody listens on right now, so that several silos can run side by side.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
