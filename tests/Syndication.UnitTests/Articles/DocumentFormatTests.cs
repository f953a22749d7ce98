using Syndication.Articles;

namespace Syndication.Tests.Articles;

/// <summary>The one table of document shapes decides names, preference and messages.</summary>
public sealed class DocumentFormatTests
{
    [Fact]
    public void EveryExtensionNamesOneShapeWhateverItsCase()
    {
        Assert.Equal(DocumentFormat.AllExtensions.Count, DocumentFormat.AllExtensions.Distinct().Count());
        foreach (var format in DocumentFormat.All)
            foreach (var extension in format.Extensions)
            {
                Assert.Same(format, DocumentFormat.FromExtension(extension.ToUpperInvariant()));
                Assert.Equal(BlobRole.Document, ArticleBlobName.Parse("story." + extension)?.Role);
            }
        Assert.Null(DocumentFormat.FromExtension("pdf"));
    }

    [Fact]
    public void TheTableOrderIsThePreferenceWhenASlugHasSeveralDocuments()
    {
        var names = new[] { "story.txt", "story.htm", "story.html", "story.json", "story.markdown", "story.md" };
        Assert.Equal(names.Reverse(), names.OrderBy(DocumentFormat.Preference));
    }

    [Fact]
    public void MessagesNameEveryDocumentExtension()
    {
        foreach (var extension in DocumentFormat.AllExtensions) Assert.Contains(extension, ArticleBlobName.Expected);
    }
}
