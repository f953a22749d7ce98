using System.Net;
using System.Text.Json;
using Syndication.FunctionsHost.Rpc;
using Syndication.FunctionsHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace Syndication.FunctionsHost.Http;

/// <summary>
/// An HTTP-triggered function call as the host makes it with the ASP.NET Core integration (DefaultHttpProxyService):
/// checks the key, sends the InvocationRequest (an empty RpcHttp marker as the trigger, route values and query as
/// trigger metadata), forwards the request itself to the worker's HttpUri with <c>x-ms-invocation-id</c>, and streams
/// the worker's response back. The invocation's reply only ends the invocation: the response is the worker's.
/// </summary>
public sealed partial class HttpTriggerProxy(WorkerSupervisor supervisor, HostKeys keys, IHttpForwarder forwarder, ILogger<HttpTriggerProxy> log)
{
    public const string InvocationHeader = "x-ms-invocation-id";
    private static readonly ForwarderRequestConfig Http11 = new() { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionOrLower };
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpMessageInvoker client = new(new ConnectRetries(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
    }));

    public RequestDelegate For(FunctionInfo function) => context => InvokeAsync(context, function);

    private async Task InvokeAsync(HttpContext context, FunctionInfo function)
    {
        var authLevel = function.TriggerProperty("authLevel") ?? "function";
        if (!keys.Allows(context.Request, function.Name, authLevel))
        {
            await HostKeys.Refusal(function.Name, authLevel).ExecuteAsync(context);
            return;
        }
        WorkerChannel worker;
        try
        {
            worker = await supervisor.ReadyAsync(ReadyTimeout, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "5";
            return;
        }
        if (worker.HttpUri is null || !worker.Functions.TryGetValue(function.Name, out var loaded))
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        var invocationId = Guid.NewGuid().ToString();
        var request = new InvocationRequest { InvocationId = invocationId };
        request.InputData.Add(new ParameterBinding { Name = loaded.TriggerName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in context.Request.RouteValues)
            if (value?.ToString() is { } text) request.TriggerMetadata[name] = new TypedData { String = text };
        request.TriggerMetadata["Query"] = new TypedData
        {
            Json = JsonSerializer.Serialize(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), JsonContext.Default.DictionaryStringString),
        };

        // The header is overwritten, never added beside one a client sent (azure-functions-host #10934).
        context.Request.Headers[InvocationHeader] = invocationId;
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var invocation = worker.InvokeAsync(loaded, request, WorkerChannel.HostApiReason, abandon.Token);
        var error = await forwarder.SendAsync(context, worker.HttpUri.ToString(), client, Http11, ForwardedHeaders.Instance);
        if (error != ForwarderError.None)
        {
            // The request never reached the worker: its invocation would wait 15 s for it, so cancel it now.
            LogForwardFailed(loaded.Name, invocationId, error);
            await abandon.CancelAsync();
        }
        try
        {
            await invocation.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception e) when (e is WorkerUnavailableException or TimeoutException or OperationCanceledException)
        {
            if (!context.Response.HasStarted && error == ForwarderError.None) context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding the request of 'Functions.{Function}' (Id={InvocationId}) to the worker failed: {Error}")]
    private partial void LogForwardFailed(string function, string invocationId, ForwarderError error);

    /// <summary>
    /// Retries a request the worker's HTTP server refused to connect (it starts listening a moment after it says it is
    /// ready), as the host's RetryProxyHandler does: up to 10 times, 50 ms apart and growing.
    /// </summary>
    private sealed class ConnectRetries(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException e) when (attempt < 10 && e.InnerException is System.Net.Sockets.SocketException
                    { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused })
                {
                    await Task.Delay(50 * attempt, cancellationToken);
                }
            }
        }
    }

    /// <summary>
    /// The request's headers as YARP copies them, plus X-Forwarded-Proto and -Host, and the peer appended to
    /// X-Forwarded-For as the platform's front end appends it: the rightmost entry is the one a proxy vouches for, and
    /// the worker's ClientAddress trusts only that one.
    /// </summary>
    private sealed class ForwardedHeaders : HttpTransformer
    {
        public static readonly ForwardedHeaders Instance = new();

        public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            var headers = proxyRequest.Headers;
            headers.Remove("X-Forwarded-For");
            headers.Remove("X-Forwarded-Proto");
            headers.Remove("X-Forwarded-Host");
            if (Appended(httpContext.Request.Headers["X-Forwarded-For"], httpContext.Connection.RemoteIpAddress) is { } forwardedFor)
                headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
            headers.TryAddWithoutValidation("X-Forwarded-Proto", httpContext.Request.Scheme);
            headers.TryAddWithoutValidation("X-Forwarded-Host", httpContext.Request.Host.Value);
        }

        /// <summary>The X-Forwarded-For the worker gets: what came in (every line, in order), then the peer.</summary>
        private static string? Appended(Microsoft.Extensions.Primitives.StringValues incoming, IPAddress? peer)
        {
            var entries = incoming.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
            if (peer is not null) entries.Add((peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer).ToString());
            return entries.Count == 0 ? null : string.Join(", ", entries);
        }
    }
}
