using System.Net;
using Syndication.Tests.Support;

namespace Syndication.Tests.FunctionsHost;

/// <summary>Under our Functions host a 401 says, in a line of plain text, which key the route needs and where it goes.</summary>
public sealed class KeyRefusalBodyTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Theory]
    [InlineData("POST", "api/events/blob-deleted", "FunctionsHost__FunctionKeys__HandleBlobDeleted__{name}")]
    [InlineData("GET", "api/manage/rejections", "the master key (FunctionsHost__Key)")]
    [InlineData("GET", "admin/host/status", "the admin API needs the master key (FunctionsHost__Key)")]
    [InlineData("POST", "runtime/webhooks/blobs?functionName=Host.Functions.IngestArticle", "blobs_extension system key")]
    public async Task A401SaysWhichKeyItNeeds(string method, string path, string named)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(fixture.Host.BaseUrl, path)) { Content = method == "POST" ? new StringContent("[]") : null };
        request.Headers.Add("x-functions-key", "wrong");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(named, body);
        Assert.EndsWith("in the x-functions-key header or the code query parameter\n", body);
    }
}
