using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Syndication.Tests.Support;

namespace Syndication.Tests.Sitemaps;

/// <summary>The published sitemap, sitemap index, news and image schemas (testdata/sitemaps, sources in each file), as one set.</summary>
internal static class SitemapSchemas
{
    // A urlset with its news and image extensions; a sitemap index (same target namespace as sitemap.xsd, so a set of its own).
    private static readonly Lazy<XmlSchemaSet> UrlSet = new(() => Load("sitemap.xsd", "sitemap-news.xsd", "sitemap-image.xsd"));
    private static readonly Lazy<XmlSchemaSet> IndexSet = new(() => Load("siteindex.xsd"));

    private static XmlSchemaSet Load(params string[] files)
    {
        var set = new XmlSchemaSet();
        foreach (var file in files)
        {
            using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "testdata", "sitemaps", file));
            set.Add(XmlSchema.Read(reader, null)!);
        }
        set.Compile();
        return set;
    }

    /// <summary>Validates the document (strict for news: and image:, as the sitemap schema asks); throws with every error found.</summary>
    public static XDocument Validate(byte[] xml)
    {
        var errors = new List<string>();
        var index = XDocument.Load(new MemoryStream(xml)).Root!.Name.LocalName == "sitemapindex";
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = index ? IndexSet.Value : UrlSet.Value };
        // A warning too: an element no schema in the set declares (strict wildcards report it so).
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(xml), settings)) while (reader.Read()) { }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return XDocument.Load(new MemoryStream(xml));
    }
}
