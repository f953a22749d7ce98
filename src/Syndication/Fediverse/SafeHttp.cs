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

    /// <summary>Reads at most <see cref="MaxBody"/> bytes of a response; longer ones throw.</summary>
    public static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength > MaxBody) throw new HttpRequestException($"the answer is over {MaxBody} bytes");
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int n;
        while ((n = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + n > MaxBody) throw new HttpRequestException($"the answer is over {MaxBody} bytes");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether an address is on the public internet (not loopback, private, link-local, CGNAT, multicast, unspecified).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast)) return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or 127 || b[0] >= 224 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127) || (b[0] == 192 && b[1] == 0 && b[2] == 0)
            || (b[0] == 198 && b[1] is 18 or 19));
    }

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
