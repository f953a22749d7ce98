using Microsoft.Extensions.Configuration;
using Syndication.Articles;
using Syndication.Cli;
using Syndication.Cli.Commands;
using Syndication.Cli.Target;
using Syndication.Feeds;
using Syndication.Partners;
using Syndication.Storage;

namespace Syndication.Tests.Articles;

/// <summary>Every name we validate ends where the text ends: '$' lets a final "\n" pass, '\z' does not.</summary>
public sealed class NamePatternTests
{
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" ")]
    public void ASlugOrFileNameWithSomethingAfterItIsNotOne(string tail)
    {
        Assert.True(ArticleBlobName.IsValidSlug("harbour"));
        Assert.False(ArticleBlobName.IsValidSlug("harbour" + tail));
        Assert.True(ArticleBlobName.IsValidFileName("lead.png"));
        Assert.False(ArticleBlobName.IsValidFileName("lead.png" + tail));
        Assert.Null(ArticleBlobName.Parse("harbour.md" + tail));
        Assert.Null(ArticleBlobName.Parse("harbour/lead.png" + tail));
        Assert.Null(ArticleBlobName.Parse("harbour" + tail + "/lead.png"));
        Assert.Null(ArticleBlobName.Parse("harbour" + tail + ".md"));
    }

    [Fact]
    public void AFeedNameKindAndFileWithATrailingNewlineAreNotOnes()
    {
        Assert.True(FeedKey.IsSlug("city-council"));
        Assert.False(FeedKey.IsSlug("city-council\n"));
        Assert.Null(FeedKey.ParseKind("category\n"));
        Assert.NotNull(FeedFormats.FromFileName("all.rss"));
        Assert.Null(FeedFormats.FromFileName("all.rss\n"));
    }

    [Fact]
    public void APartnerIdWithATrailingNewlineIsNotOne()
    {
        Assert.True(PartnerId.IsValid("acme"));
        Assert.False(PartnerId.IsValid("acme\n"));
    }

    [Fact]
    public void ALanguageTagIsReadWithoutItsTrailingNewline()
    {
        Assert.Equal("en-GB", CleanText.LanguageTag("en-GB\n"));
        Assert.Equal("en-GB", CleanText.LanguageTag("en_GB"));
    }

    [Fact]
    public void AStorageAccountNameWithATrailingNewlineIsRefusedBeforeAnyConnection()
    {
        var configuration = new ConfigurationBuilder().Build();
        var error = Assert.Throws<UsageException>(() => StorageTarget.From(new TargetSettings { AccountName = "newsroom\n" }, configuration));
        Assert.Contains("is not a storage account name", error.Message);
    }
}
