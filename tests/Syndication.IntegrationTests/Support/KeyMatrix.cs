using System.Net;

namespace Syndication.Tests.Support;

/// <summary>One request to every manage route (harmless: nothing exists to change) and the deletion webhook's handshake.</summary>
public static class KeyMatrix
{
    /// <summary>Method, path under api/ and body of a request to each manage function.</summary>
    public static readonly (string Function, HttpMethod Method, string Path, string? Body)[] ManageRequests =
    [
        ("CreatePartner", HttpMethod.Post, "manage/partners", "{}"),
        ("ListPartners", HttpMethod.Get, "manage/partners", null),
        ("RotatePartner", HttpMethod.Post, "manage/partners/nobody/rotate", ""),
        ("DeletePartner", HttpMethod.Delete, "manage/partners/nobody", null),
        ("ListRejections", HttpMethod.Get, "manage/rejections", null),
        ("RetryRejection", HttpMethod.Post, "manage/rejections/retry?blob=nothing.md", ""),
        ("PutArticleBlob", HttpMethod.Put, "manage/blobs/..%2Fescape.md", "x"),
        ("DeleteArticle", HttpMethod.Delete, "manage/articles/nobody", null),
    ];

    /// <summary>The status of a request with this key (none when null) in the x-functions-key header.</summary>
    public static async Task<HttpStatusCode> SendAsync(HttpClient http, Uri url, HttpMethod method, string? body, string? key, string? eventType = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : new StringContent(body) };
        if (key is not null) request.Headers.Add("x-functions-key", key);
        if (eventType is not null) request.Headers.Add("aeg-event-type", eventType);
        return (await http.SendAsync(request)).StatusCode;
    }

    /// <summary>Event Grid's subscription handshake, the webhook's cheapest call.</summary>
    public const string Validation =
        """[{"id":"v","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},"eventTime":"2024-01-01T00:00:00Z","dataVersion":"1"}]""";

    public static bool Refused(HttpStatusCode status) => status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
