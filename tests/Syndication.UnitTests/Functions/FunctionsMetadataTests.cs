using System.Text.Json.Nodes;
using Syndication.Tests.Support;

namespace Syndication.Tests.Functions;

/// <summary>What the Functions host will see: the functions.metadata the Worker SDK generates at build.</summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>The generated file in the Functions project's build output for this configuration.</summary>
    public static JsonArray Metadata()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Repo.Path("src", "Syndication.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/Syndication.Functions");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    private static JsonObject Trigger(string function) =>
        Metadata().Single(f => (string?)f!["name"] == function)!["bindings"]!.AsArray()
            .Single(b => ((string?)b!["type"])!.EndsWith("Trigger"))!.AsObject();

    [Fact]
    public void IngestArticleIsAnEventGridBlobTriggerOnTheArticlesContainer()
    {
        var trigger = Trigger("IngestArticle");
        Assert.Equal("blobTrigger", (string?)trigger["type"]);
        Assert.Equal("articles/{name}", (string?)trigger["path"]);
        Assert.Equal("AzureWebJobsStorage", (string?)trigger["connection"]);
        Assert.Equal("EventGrid", (string?)trigger["source"]);
    }

    [Fact]
    public void ReconcileArticlesRunsOnTheConfiguredSchedule()
    {
        var trigger = Trigger("ReconcileArticles");
        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.Equal("%ReconcileSchedule%", (string?)trigger["schedule"]);
        var settings = JsonNode.Parse(File.ReadAllText(Repo.Path("src", "Syndication.Functions", "local.settings.json")))!;
        Assert.Equal("UseDevelopmentStorage=true", (string?)settings["Values"]!["AzureWebJobsStorage"]);
        Assert.NotNull((string?)settings["Values"]!["ReconcileSchedule"]);
    }

    [Theory]
    [InlineData("GetFeed", "api/feeds/{file}")]
    [InlineData("GetImage", "api/images/{slug}/{file}")]
    [InlineData("GetArticlePage", "api/articles/{slug}")]
    [InlineData("GetRendition", "api/images/{slug}/renditions/{name}")]
    [InlineData("GetSitemap", "api/sitemaps/{file}")]
    public void HttpFunctionsAreAnonymousGetAndHeadOnTheirRoutes(string function, string route)
    {
        var trigger = Trigger(function);
        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal("Anonymous", (string?)trigger["authLevel"]);
        Assert.Equal(["get", "head"], trigger["methods"]!.AsArray().Select(m => (string?)m));
    }

    [Theory]
    [InlineData("CreatePartner")]
    [InlineData("ListPartners")]
    [InlineData("RotatePartner")]
    [InlineData("DeletePartner")]
    [InlineData("ListRejections")]
    [InlineData("RetryRejection")]
    [InlineData("PutArticleBlob")]
    [InlineData("DeleteArticle")]
    public void ManageFunctionsNeedTheAdminKey(string function) => Assert.Equal("Admin", (string?)Trigger(function)["authLevel"]);

    [Fact]
    public void InAzureTheManageFunctionsNeedTheAdminKeyTheWebhookAFunctionKeyAndEverythingElseIsAnonymous()
    {
        foreach (var trigger in Metadata().SelectMany(f => f!["bindings"]!.AsArray()).Where(b => (string?)b!["type"] == "httpTrigger"))
        {
            var route = (string)trigger!["route"]!;
            var level = route.StartsWith("api/manage/") ? "Admin" : route.StartsWith("api/events/") ? "Function" : "Anonymous";
            Assert.Equal(level, (string?)trigger["authLevel"]);
        }
    }

    [Fact]
    public void TheDeletionWebhookNeedsAFunctionKeySoItsOwnKeyOpensIt() =>
        Assert.Equal("Function", (string?)Trigger("HandleBlobDeleted")["authLevel"]);

    [Fact]
    public void HostJsonIsAtTheRootAndInTheBuildOutputWithAnEmptyPrefixTheRoutesCarryApi()
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.Path("host.json")))!;
        Assert.Equal("", (string?)root["extensions"]!["http"]!["routePrefix"]);
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        Assert.True(File.Exists(Repo.Path("src", "Syndication.Functions", "bin", configuration, "net10.0", "host.json")));
    }
}
