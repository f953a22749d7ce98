using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Logging;

namespace Syndication.Http;

/// <summary>
/// Storage that does not answer (nothing listening, no route, a timeout: no HTTP status at all): a request answers
/// 503 with Retry-After, as a reader's client expects of a passing outage, and the log gets one line a minute, not a
/// stack trace per request. Every host routes its HTTP handlers through <see cref="GuardAsync"/> or <see cref="Unavailable"/>;
/// a storage error with a status (403, 404, 409) is not an outage and stays the handler's to answer or throw.
/// </summary>
public sealed partial class StorageOutage(TimeProvider time, ILogger<StorageOutage> logger)
{
    /// <summary>Seconds a client is asked to wait: the health probe's cache, so a retry sees a fresh answer.</summary>
    public const int RetryAfterSeconds = 5;

    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private readonly Lock gate = new();
    private DateTimeOffset nextLine = DateTimeOffset.MinValue;
    private int quiet;

    /// <summary>Whether this exception (or one inside it) means storage gave no answer at all.</summary>
    public static bool IsUnreachable(Exception exception) => Reason(exception) is not null;

    /// <summary>Runs a handler; when storage gave no answer, the 503 instead of the exception.</summary>
    public async Task<Reply> GuardAsync(Func<Task<Reply>> handle)
    {
        try
        {
            return await handle();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return Unavailable(e);
        }
    }

    /// <summary>The 503 for a request storage could not serve: plain text, Retry-After, not cached; logged as <see cref="Report"/> does.</summary>
    public Reply Unavailable(Exception exception)
    {
        Report(exception);
        return Reply.Text(503, $"storage is not answering; try again in {RetryAfterSeconds} seconds").With("Retry-After", RetryAfterSeconds.ToString());
    }

    /// <summary>Logs that storage is unreachable: the first failure at once, then at most one line a minute with the count between.</summary>
    public void Report(Exception exception)
    {
        int since;
        lock (gate)
        {
            var now = time.GetUtcNow();
            if (now < nextLine)
            {
                quiet++;
                return;
            }
            (since, quiet, nextLine) = (quiet, 0, now + LogEvery);
        }
        LogUnreachable(Reason(exception) ?? exception.Message, since);
    }

    // The innermost message that says why no answer came ("Connection refused (127.0.0.1:10002)"), or null for an answer.
    private static string? Reason(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Select(Reason).FirstOrDefault(r => r is not null),
        RequestFailedException { Status: not 0 } => null,
        RequestFailedException { InnerException: { } inner } => Reason(inner) ?? exception.Message,
        RequestFailedException => exception.Message,
        HttpRequestException { StatusCode: null } http => http.InnerException is SocketException socket ? socket.Message : http.Message,
        SocketException socket => socket.Message,
        TimeoutException timeout => timeout.Message,
        _ => exception.InnerException is { } inner ? Reason(inner) : null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not answering ({Reason}); requests answer 503 with Retry-After until it does ({Quiet} more failures since the last line)")]
    private partial void LogUnreachable(string reason, int quiet);
}
