using System.Text.Json.Nodes;
using Syndication.Feeds;
using Syndication.Fediverse;

namespace Syndication.Tests.Fediverse;

/// <summary>The JSON Mastodon reads: WebFinger's one self link, the actor's required fields, an article as an Article.</summary>
public sealed class ActivityDocumentsTests
{
    private static readonly FediverseUrls Urls = new(new SiteUrls(new Uri("https://news.example.com")), "news");

    [Fact]
    public void WebFingerHasOneSelfLinkToTheActorAsMastodonRequires()
    {
        var jrd = ActivityDocuments.WebFinger(Urls);
        Assert.Equal("acct:news@news.example.com", (string?)jrd["subject"]);
        var self = Assert.Single(jrd["links"]!.AsArray(), l => (string?)l!["rel"] == "self")!;
        Assert.Equal(("application/activity+json", "https://news.example.com/api/fediverse/actor"), ((string?)self["type"], (string?)self["href"]));
    }

    [Fact]
    public void TheActorHasWhatMastodonNeedsAndItsKeyIdIsUnderItsOwnId()
    {
        var actor = ActivityDocuments.Actor(Urls, "Harbour News", "News from the harbour & <quay>", new Uri("https://news.example.com/icon.png"), "-----BEGIN PUBLIC KEY-----\n…");
        Assert.Equal("https://www.w3.org/ns/activitystreams", (string?)actor["@context"]![0]);
        Assert.Equal(("Service", "news", "Harbour News"), ((string?)actor["type"], (string?)actor["preferredUsername"], (string?)actor["name"]));
        Assert.Equal("<p>News from the harbour &amp; &lt;quay&gt;</p>", (string?)actor["summary"]);
        Assert.Equal("https://news.example.com/api/fediverse/inbox", (string?)actor["endpoints"]!["sharedInbox"]);
        Assert.Equal(("https://news.example.com/api/fediverse/actor#main-key", "https://news.example.com/api/fediverse/actor"),
            ((string?)actor["publicKey"]!["id"], (string?)actor["publicKey"]!["owner"]));
        Assert.Equal(("Image", "https://news.example.com/icon.png"), ((string?)actor["icon"]!["type"], (string?)actor["icon"]!["url"]));
    }

    [Fact]
    public void AnArticleCarriesItsTitleSummaryHtmlPageDatesImagesAndHashtagsToThePublic()
    {
        var item = new FeedItem
        {
            Id = "urn:uuid:1", Link = new Uri("https://news.example.com/api/articles/quay"), Title = "Quay reopens", Summary = "Boats are back.",
            ContentHtml = ["<figure>…</figure>", "<p>Body</p>"], Published = DateTimeOffset.Parse("2026-12-05T08:00:00Z"),
            Updated = DateTimeOffset.Parse("2026-12-05T09:30:00Z"), Tags = ["Harbour", "Storm watch", "!!!"],
            Images = [new FeedImage(new Uri("https://news.example.com/api/images/quay/a.jpg"), 100, "image/jpeg", 1200, 800, "A caption", null, "Boats at the quay")],
        };
        var article = ActivityDocuments.Article(item, Urls);
        Assert.Equal(("Article", "Quay reopens", "Boats are back."), ((string?)article["type"], (string?)article["name"], (string?)article["summary"]));
        Assert.Equal("<figure>…</figure><p>Body</p>", (string?)article["content"]);
        Assert.Equal((item.Link.AbsoluteUri, item.Link.AbsoluteUri), ((string?)article["id"], (string?)article["url"]));
        Assert.Equal(("2026-12-05T08:00:00Z", "2026-12-05T09:30:00Z"), ((string?)article["published"], (string?)article["updated"]));
        var image = Assert.Single(article["attachment"]!.AsArray())!;
        Assert.Equal(("image/jpeg", 1200, 800, "Boats at the quay"), ((string?)image["mediaType"], (int)image["width"]!, (int)image["height"]!, (string?)image["name"]));
        Assert.Equal(["#Harbour", "#Stormwatch"], article["tag"]!.AsArray().Select(t => (string?)t!["name"]));
        Assert.Equal("https://news.example.com/api/feeds/tag/storm-watch.html", (string?)article["tag"]![1]!["href"]);
        Assert.Equal((ActivityDocuments.Public, "https://news.example.com/api/fediverse/followers"), ((string?)article["to"]![0], (string?)article["cc"]![0]));
    }

    [Fact]
    public void ADeleteCarriesATombstoneOfTheArticlePage()
    {
        var when = DateTimeOffset.Parse("2026-12-05T10:00:00Z");
        var delete = ActivityDocuments.Activity("Delete", "x#delete/1", ActivityDocuments.Tombstone(new Uri("https://news.example.com/api/articles/quay"), when), Urls, when);
        Assert.Equal(("Delete", "https://news.example.com/api/fediverse/actor"), ((string?)delete["type"], (string?)delete["actor"]));
        Assert.Equal(("Tombstone", "https://news.example.com/api/articles/quay"), ((string?)delete["object"]!["type"], (string?)delete["object"]!["id"]));
        Assert.IsType<JsonObject>(delete["object"]);
    }
}
