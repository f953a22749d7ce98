using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Syndication.Http;
using Syndication.Ingestion;

namespace Syndication.Tests.Http;

/// <summary>The one JSON answer the manage, partner and token routes give: its bytes and the headers that keep it out of caches.</summary>
public sealed class ReplyJsonTests
{
    private static async Task<(HttpResponse Response, string Body)> SentAsync(Reply reply)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await reply.ExecuteAsync(context);
        return (context.Response, Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public async Task AManageAnswerIsIndentedCamelCaseJsonWithEnumsByNameAndNoStore()
    {
        var (response, body) = await SentAsync(Reply.Json(201, new { PartnerId = "acme", Result = IngestResult.Deleted, Pulls = 3 }));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.ContentType);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Contains('\n', body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("acme", json.RootElement.GetProperty("partnerId").GetString());
        Assert.Equal(nameof(IngestResult.Deleted), json.RootElement.GetProperty("result").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("pulls").GetInt32());
    }

    [Fact]
    public async Task OptionsGivenReplaceTheManageOnesAndTheAnswerIsStillNotStored()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var (response, body) = await SentAsync(Reply.Json(400, new Dictionary<string, object> { ["error"] = "invalid_request", ["error_description"] = "a 'quoted' value" }, options));

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("""{"error":"invalid_request","error_description":"a 'quoted' value"}""", body);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
    }
}
