using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Syndication.Http;

/// <summary>
/// One HTTP response built by the library: the Functions app returns it as an <see cref="IActionResult"/>, the local
/// runner as an <see cref="IResult"/>, so both doors send the same bytes and headers.
/// </summary>
public sealed class Reply : IResult, IActionResult
{
    private readonly ReadOnlyMemory<byte> bytes;
    private readonly Stream? stream;

    private Reply(int status, string? contentType, ReadOnlyMemory<byte> bytes, Stream? stream, long? length)
    {
        Status = status;
        ContentType = contentType;
        this.bytes = bytes;
        this.stream = stream;
        Length = length ?? bytes.Length;
    }

    public int Status { get; }
    public string? ContentType { get; }
    public long Length { get; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static Reply Bytes(int status, string contentType, ReadOnlyMemory<byte> body) => new(status, contentType, body, null, null);

    public static Reply Stream(string contentType, Stream body, long length, int status = 200) => new(status, contentType, default, body, length);

    /// <summary>
    /// A short plain-text answer (errors), never HTML so nothing in it can run; not stored by caches (a CDN keeps a
    /// response without Cache-Control for days, and a 404 must end when the article is published).
    /// </summary>
    public static Reply Text(int status, string message) =>
        Bytes(status, "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(message + "\n")).With("Cache-Control", "no-store");

    /// <summary>The manage routes' JSON: camelCase names, enums by name, indented for a person at a terminal.</summary>
    private static readonly JsonSerializerOptions ManageJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// A JSON answer (<see cref="ManageJson"/> unless <paramref name="options"/> says otherwise), not stored by caches:
    /// what it says (a password shown once, a token, a list of rejections) is for this request alone.
    /// </summary>
    public static Reply Json<T>(int status, T value, JsonSerializerOptions? options = null) =>
        Bytes(status, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, options ?? ManageJson)).With("Cache-Control", "no-store");

    public static Reply NotFound(string message) => Text(404, message);
    public static Reply BadRequest(string message) => Text(400, message);

    public static Reply NotModified() => new(304, null, default, null, 0);

    public Reply With(string header, string value)
    {
        Headers[header] = value;
        return this;
    }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers) response.Headers[name] = value;
        response.Headers.XContentTypeOptions = "nosniff";
        if (Status == 304)
        {
            stream?.Dispose();
            return;
        }
        if (ContentType is not null) response.ContentType = ContentType;
        response.ContentLength = Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            stream?.Dispose();
            return;
        }
        if (stream is not null)
        {
            await using (stream) await stream.CopyToAsync(response.Body, context.RequestAborted);
        }
        else
        {
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
