using System.Net.Sockets;
using System.Text;

namespace Actors.Tests.Infrastructure;

/// <summary>Sends a request target exactly as written: HttpClient would resolve dot segments and re-encode it first.</summary>
internal static class RawHttp
{
    public static async Task<int> SendAsync(Uri server, string method, string target, string? bearerKey)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        var request = new StringBuilder()
            .Append($"{method} {target} HTTP/1.1\r\n")
            .Append($"Host: {server.Authority}\r\n")
            .Append(bearerKey is null ? "" : $"Authorization: Bearer {bearerKey}\r\n")
            .Append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? throw new IOException("No answer.");
        return int.Parse(statusLine.Split(' ')[1]);
    }
}
