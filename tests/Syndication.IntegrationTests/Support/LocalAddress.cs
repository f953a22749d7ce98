using System.Net;
using System.Net.Sockets;

namespace Syndication.Tests.Support;

/// <summary>Clients whose connections come from a chosen loopback address (127.0.0.2, .3, …: all loopback on Linux), so a server sees distinct peers.</summary>
public static class LocalAddress
{
    public static HttpClient Client(string local, Uri? baseAddress = null) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(local), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    }) { BaseAddress = baseAddress };
}
