using System.Security.Cryptography;
using System.Text;
using Syndication.Http;

namespace Syndication.LocalRunner;

/// <summary>
/// The runner's stand-in for the host's keys, in the <c>x-functions-key</c> header or the <c>code</c> query parameter:
/// manage routes take only <c>Syndication__AdminKey</c> (admin level, as the master key in Azure); the webhook (function
/// level) takes its own <c>Syndication__WebhookKey</c> or the admin key. A route whose keys are all unset is refused (403).
/// </summary>
internal sealed class KeyFilter(IConfiguration configuration, params string[] settings) : IEndpointFilter
{
    public const string AdminKey = "Syndication:AdminKey";
    public const string WebhookKey = "Syndication:WebhookKey";

    /// <summary>Manage routes: the admin key only.</summary>
    public static KeyFilter Admin(IConfiguration configuration) => new(configuration, AdminKey);

    /// <summary>The Event Grid webhook: its own key, or the admin key.</summary>
    public static KeyFilter Webhook(IConfiguration configuration) => new(configuration, WebhookKey, AdminKey);

    /// <summary>The filter for a route's key level: none when anonymous; function level is the webhook's, admin the admin key's.</summary>
    public static KeyFilter? For(RouteAuth auth, IConfiguration configuration) => auth switch
    {
        RouteAuth.Admin => Admin(configuration),
        RouteAuth.Function => Webhook(configuration),
        _ => null,
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = settings.Select(s => configuration[s]).OfType<string>().Where(k => k.Length > 0).ToArray();
        if (keys.Length == 0)
            return Results.Text($"this endpoint is off: set {string.Join(" or ", settings.Select(s => s.Replace(":", "__")))} to enable it\n", statusCode: 403);
        var request = context.HttpContext.Request;
        var given = Encoding.UTF8.GetBytes(request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString());
        if (!keys.Any(k => CryptographicOperations.FixedTimeEquals(given, Encoding.UTF8.GetBytes(k))))
            return Results.Text("a valid key is required (x-functions-key header or code query parameter)\n", statusCode: 401);
        return await next(context);
    }
}
