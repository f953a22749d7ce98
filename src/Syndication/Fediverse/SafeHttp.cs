using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Syndication.Fediverse;

/// <summary>
/// The one HTTP client for URLs strangers name (key ids, actors, inboxes): http and https only; every connection,
/// redirects included (at most 3), refused when the name resolves to a loopback, private, link-local or otherwise
/// non-public address, and ports other than 80 and 443 (unless <see cref="FediverseOptions.AllowLoopback"/>); 5 s to answer; bodies read up to 1 MB.
/// </summary>
public sealed class SafeHttp : IDisposable
{
    /// <summary>The most of an answer we read.</summary>
    public const int MaxBody = 1024 * 1024;

    public SafeHttp(IOptions<FediverseOptions> options)
    {
        var allowPrivate = options.Value.AllowLoopback;
        Client = Make(allowPrivate, redirects: true);
        Delivery = Make(allowPrivate, redirects: false);
    }

    // Key fetches follow at most 3 redirects; deliveries none (a 301/302 would turn the POST into a GET and send our
    // Signature elsewhere) and have their own connections, so fetches strangers cause cannot hold up deliveries.
    private static HttpClient Make(bool allowPrivate, bool redirects)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = redirects,
            MaxAutomaticRedirections = 3,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 4,
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowPrivate, ct),
        })
        { Timeout = TimeSpan.FromSeconds(5), MaxResponseContentBufferSize = MaxBody };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Syndication/1.0 (+ActivityPub)");
        return client;
    }

    /// <summary>The client for deliveries: the same guards, no redirects (a 3xx is a failed delivery).</summary>
    public HttpClient Delivery { get; }

    /// <summary>The guarded client.</summary>
    public HttpClient Client { get; }

    /// <summary>Whether a URL may be asked at all: absolute http or https.</summary>
    public static bool Allowed(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>Reads at most <see cref="MaxBody"/> bytes of a response (<see cref="BoundedRead"/>); longer ones throw.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        return await BoundedRead.ReadAsync(stream, response.Content.Headers.ContentLength, MaxBody, ct) is { } body
            ? body.ToArray()
            : throw new HttpRequestException($"the answer is over {MaxBody} bytes");
    }

    /// <summary>
    /// Whether an address is on the public internet: IPv6 only in global unicast 2000::/3 (not documentation, Teredo),
    /// IPv4 (also inside IPv4-mapped, -compatible, NAT64 64:ff9b::/96 and 6to4 2002::/16 addresses) not loopback,
    /// private, link-local, CGNAT, benchmark, documentation, multicast, reserved, nor Azure's platform 168.63.129.16.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var v6 = address.GetAddressBytes();
            if (address.IsIPv4MappedToIPv6) return IsPublicV4(address.MapToIPv4().GetAddressBytes());
            if (v6[..12].All(x => x == 0)) return IsPublicV4(v6[12..]); // IPv4-compatible (and ::, ::1: 0.0.0.0, 0.0.0.1)
            if (v6[..12].SequenceEqual(new byte[] { 0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 })) return IsPublicV4(v6[12..]); // NAT64
            if (v6[0] == 0x20 && v6[1] == 0x02) return IsPublicV4(v6[2..6]); // 6to4
            if (v6[0] == 0x20 && v6[1] == 0x01 && ((v6[2] == 0 && v6[3] == 0) || (v6[2] == 0x0d && v6[3] == 0xb8))) return false; // Teredo, documentation
            return (v6[0] & 0xe0) == 0x20;
        }
        return IsPublicV4(address.GetAddressBytes());
    }

    private static bool IsPublicV4(byte[] b) =>
        !(b[0] is 0 or 10 or 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and <= 31)
          || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127) || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2)
          || (b[0] == 198 && b[1] is 18 or 19) || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113)
          || (b[0] == 168 && b[1] == 63 && b[2] == 129 && b[3] == 16));

    // Resolves the name once and connects to an address checked here, so a name that changes its answer between the
    // check and the connection (DNS rebinding) gains nothing.
    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken ct)
    {
        if (!allowPrivate && endpoint.Port is not (80 or 443))
            throw new HttpRequestException($"only ports 80 and 443 are reached (tried {endpoint.Host}:{endpoint.Port})");
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToList();
        if (allowed.Count == 0)
            throw new HttpRequestException($"requests to private network addresses are refused (tried to reach {endpoint.Host})");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed.ToArray(), endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Delivery.Dispose();
    }
}
