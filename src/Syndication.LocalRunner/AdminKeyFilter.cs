using System.Security.Cryptography;
using System.Text;

namespace Syndication.LocalRunner;

/// <summary>
/// The runner's stand-in for Function keys: key-protected routes need <c>Syndication__AdminKey</c> in the
/// <c>x-functions-key</c> header or the <c>code</c> query parameter, as with the Functions host. No key configured: refused.
/// </summary>
internal sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = configuration["Syndication:AdminKey"];
        if (string.IsNullOrEmpty(key))
            return Results.Text("manage endpoints are off: set Syndication__AdminKey to enable them\n", statusCode: 403);
        var request = context.HttpContext.Request;
        var given = request.Headers["x-functions-key"].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key)))
            return Results.Text("a valid key is required (x-functions-key header or code query parameter)\n", statusCode: 401);
        return await next(context);
    }
}
