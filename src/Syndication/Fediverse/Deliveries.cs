using System.Net.Http.Headers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Syndication.Articles;
using Syndication.Feeds;
using Syndication.Storage;

namespace Syndication.Fediverse;

/// <summary>
/// Signed delivery through the queue. Ingestion announces a change with one message (never waiting on followers); its
/// fan-out claims the change once (so two instances, or a retry, send it once) and queues one message per inbox
/// (shared inboxes de-duplicated); each delivery signs and posts, and on failure is queued again with back-off until it
/// is given up (<see cref="FediverseOptions.GiveUpHours"/>); an inbox failing for <see cref="FediverseOptions.DropInboxDays"/>
/// loses its followers.
/// </summary>
public sealed partial class Deliveries(DeliveryQueue queue, FollowerStore followers, ArticleStore articles, FeedService feeds, ActorKey key,
    SafeHttp http, IOptions<FediverseOptions> options, IOptions<FeedOptions> feedOptions, TimeProvider time, ILogger<Deliveries> logger) : IDisposable
{
    private readonly MemoryCache bodies = new(new MemoryCacheOptions { SizeLimit = 64 });

    /// <summary>Announces an article's publish, update or withdrawal; a failure is logged, never thrown (ingestion goes on).</summary>
    public async Task ArticleChangedAsync(StoredArticle? before, StoredArticle? after, CancellationToken ct = default)
    {
        if (DeliveryMessage.ForChange(before, after, time.GetUtcNow()) is not { } change) return;
        try
        {
            // Queued whether or not this process has the actor key: a publish from the syndication command (which has
            // no key in Azure) reaches followers through the app's fan-out, which checks the key.
            await queue.SendAsync(change.ToJson(), ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogAnnounceFailed(change.ChangeKey, e.Message);
        }
    }

    /// <summary>Queues the signed Accept of a Follow, to the follower's own inbox.</summary>
    public Task AcceptAsync(FediverseUrls urls, string followId, RemoteActor follower, CancellationToken ct = default) =>
        queue.SendAsync(new DeliveryMessage
        {
            Kind = DeliveryMessage.Deliver, Type = "Accept", Origin = urls.Site.Origin.AbsoluteUri, Inbox = follower.Inbox,
            FollowId = followId, Follower = follower.Id, When = time.GetUtcNow(), FirstTry = time.GetUtcNow(),
        }.ToJson(), ct: ct);

    /// <summary>Handles one queue message (the Functions queue trigger, or the local runner's pump).</summary>
    public async Task HandleAsync(string text, string messageId, CancellationToken ct = default)
    {
        if (DeliveryMessage.Parse(text) is not { } message)
        {
            LogUnreadable(messageId);
            return;
        }
        if (message.Kind == DeliveryMessage.FanOut) await FanOutAsync(message, messageId, ct);
        else if (message.Kind == DeliveryMessage.Deliver) await DeliverAsync(message, ct);
        else if (message.Kind == DeliveryMessage.Purge) await PurgeAsync(message, ct);
    }

    // One message per (origin, inbox): a shared inbox gets one request for all its followers.
    private async Task FanOutAsync(DeliveryMessage change, string messageId, CancellationToken ct)
    {
        if (await key.GetAsync(ct) is null || !await followers.ClaimAsync(change.ChangeKey, messageId, ct)) return;
        var configured = Uri.TryCreate(feedOptions.Value.PublicBaseUrl, UriKind.Absolute, out var origin) ? origin.AbsoluteUri : null;
        // Followers are streamed; only a 16-byte hash per distinct (origin, inbox) is kept, and messages go out 64 at a time.
        var seen = new HashSet<Guid>();
        var batch = new List<(string Origin, string Inbox)>();
        var count = 0;
        async Task SendAsync()
        {
            await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (target, token) =>
                await queue.SendAsync((change with { Kind = DeliveryMessage.Deliver, Origin = target.Origin, Inbox = target.Inbox }).ToJson(), ct: token));
            count += batch.Count;
            batch.Clear();
        }
        await foreach (var follower in followers.FollowersAsync(ct))
        {
            var target = (Origin: configured ?? follower.Origin, Inbox: follower.DeliveryInbox);
            if (!seen.Add(StableId.For($"{target.Origin} {target.Inbox}"))) continue;
            batch.Add(target);
            if (batch.Count == 64) await SendAsync();
        }
        await SendAsync();
        LogFannedOut(change.ChangeKey, count);
    }

    private async Task DeliverAsync(DeliveryMessage message, CancellationToken ct)
    {
        if (await key.GetAsync(ct) is not { } rsa || message.Origin is null || !Uri.TryCreate(message.Inbox, UriKind.Absolute, out var inbox)) return;
        var urls = new FediverseUrls(new SiteUrls(new Uri(message.Origin)), options.Value.Handle);
        if (await BodyAsync(message, urls, ct) is not { } body)
        {
            LogSuperseded(message.Type, message.Slug, message.Version);
            return; // the article went or changed meanwhile: its Delete or Update follows
        }
        int? status = null;
        string error = "";
        try
        {
            using var request = Signed(inbox, body, rsa, urls.KeyId);
            using var response = await http.Delivery.SendAsync(request, ct);
            status = (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            error = e.Message;
        }
        if (status is >= 200 and < 300)
        {
            await followers.InboxRecoveredAsync(inbox.AbsoluteUri, ct); // any success ends a failing spell
            return;
        }
        await FailedAsync(message, inbox, status, error, ct);
    }

    // Queued again after 30 s, 1 min, 2 min... (at most 6 h apart) until given up; 4xx other than 401, 408 and 429 is not retried.
    private async Task FailedAsync(DeliveryMessage message, Uri inbox, int? status, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = await followers.InboxFailedAsync(inbox.AbsoluteUri, now, ct);
        if (now - since > TimeSpan.FromDays(options.Value.DropInboxDays))
        {
            LogInboxDropped(inbox, await followers.DropInboxAsync(inbox.AbsoluteUri, ct));
            return;
        }
        var permanent = status is >= 400 and < 500 and not (401 or 408 or 429);
        if (permanent || now - message.FirstTry > TimeSpan.FromHours(options.Value.GiveUpHours))
        {
            LogGaveUp(message.Type, inbox, message.Attempt, status?.ToString() ?? error);
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, message.Attempt - 1), 6 * 3600));
        await queue.SendAsync((message with { Attempt = message.Attempt + 1 }).ToJson(), delay, ct);
        LogRetrying(message.Type, inbox, message.Attempt, status?.ToString() ?? error, delay);
    }

    /// <summary>A POST of the activity, signed as Mastodon signs: (request-target) host date digest content-type.</summary>
    private HttpRequestMessage Signed(Uri inbox, byte[] body, System.Security.Cryptography.RSA rsa, string keyId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, inbox) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ActivityDocuments.MediaType);
        HttpSignature.SignRequest(request, body, rsa, keyId, time.GetUtcNow());
        return request;
    }

    // The activity's bytes. A Create or Update goes only while its article is still there at the message's version: the
    // article row is read once per instance, change and feed version (the version every article transaction replaces,
    // read at most once per VersionCheckSeconds and shared with the feeds), not once per inbox, so a withdrawn,
    // re-embargoed or changed article stops going out as soon as a feed would stop showing it; the bytes are built in
    // the same step for all the inboxes the change goes to. Accepts are built each time (not cached, so many Follows
    // cannot push articles out of the cache).
    private async Task<byte[]?> BodyAsync(DeliveryMessage m, FediverseUrls urls, CancellationToken ct)
    {
        if (m.Type == "Accept") return ActivityDocuments.Bytes(ActivityDocuments.Accept(urls, m.FollowId!, m.Follower!));
        var version = m.Type == "Delete" ? "" : await articles.RecentFeedVersionAsync(TimeSpan.FromSeconds(feedOptions.Value.VersionCheckSeconds), ct);
        var cacheKey = $"{m.Origin}|{m.ChangeKey}|{version}";
        var build = bodies.GetOrCreate(cacheKey, entry =>
        {
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            return new Lazy<Task<byte[]?>>(() => CurrentBodyAsync(m, urls, ct));
        })!;
        try
        {
            return await build.Value;
        }
        catch
        {
            bodies.Remove(cacheKey);
            throw;
        }
    }

    private async Task<byte[]?> CurrentBodyAsync(DeliveryMessage m, FediverseUrls urls, CancellationToken ct)
    {
        if (m.Type == "Delete") return await BuildAsync(m, null, urls, ct);
        if (await articles.ArticleBySlugAsync(m.Slug!, ct) is not var (current, _) || DeliveryMessage.VersionOf(current) != m.Version) return null;
        return await BuildAsync(m, current, urls, ct);
    }

    private async Task<byte[]> BuildAsync(DeliveryMessage m, StoredArticle? article, FediverseUrls urls, CancellationToken ct)
    {
        if (article is null)
            return ActivityDocuments.Bytes(ActivityDocuments.Activity("Delete", $"{urls.Site.Article(m.Slug!).AbsoluteUri}#delete/{m.Version}",
                ActivityDocuments.Tombstone(urls.Site.Article(m.Slug!), m.When), urls, m.When));
        var item = await feeds.ItemAsync(article, urls.Site, ct);
        return ActivityDocuments.Bytes(ActivityDocuments.Activity(m.Type, $"{item.Link.AbsoluteUri}#{m.Type.ToLowerInvariant()}/{m.Version}",
            ActivityDocuments.Article(item, urls), urls, m.When));
    }

    public void Dispose() => bodies.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing the fediverse change {Change} failed: {Error}")]
    private partial void LogAnnounceFailed(string change, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Type} of {Slug} version {Version} not sent: the article is gone or changed since")]
    private partial void LogSuperseded(string type, string? slug, string? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery queue message {MessageId} is not a delivery; dropped")]
    private partial void LogUnreadable(string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fediverse change {Change} fanned out to {Inboxes} inboxes")]
    private partial void LogFannedOut(string change, int inboxes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivering {Type} to {Inbox} failed (attempt {Attempt}: {Error}); again in {Delay}")]
    private partial void LogRetrying(string type, Uri inbox, int attempt, string error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up delivering {Type} to {Inbox} after {Attempt} attempts: {Error}")]
    private partial void LogGaveUp(string type, Uri inbox, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox {Inbox} failed for too long: {Followers} followers dropped")]
    private partial void LogInboxDropped(Uri inbox, int followers);
}
