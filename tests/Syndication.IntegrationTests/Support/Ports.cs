using System.Net;
using System.Net.Sockets;

namespace Syndication.Tests.Support;

/// <summary>Free loopback ports for the servers the tests start.</summary>
public static class Ports
{
    public static int Free()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
