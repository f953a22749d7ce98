using System.Text;
using System.Text.RegularExpressions;
using Syndication.Tests.Support;

namespace Syndication.Tests.Conformance;

/// <summary>
/// The RFC 4287 schema check can fail: jing accepts the RFC's own example and rejects our real Atom output once it is
/// broken in ways the schema forbids.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AtomSchemaTests(AzuriteFixture azurite)
{
    // RFC 4287 section 1.1, the minimal feed document.
    private const string RfcExample = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>Example Feed</title>
          <link href="http://example.org/"/>
          <updated>2003-12-13T18:30:02Z</updated>
          <author><name>John Doe</name></author>
          <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
          <entry>
            <title>Atom-Powered Robots Run Amok</title>
            <link href="http://example.org/2003/12/13/atom03"/>
            <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
            <updated>2003-12-13T18:30:02Z</updated>
            <summary>Some text.</summary>
          </entry>
        </feed>
        """;

    [NeedsValidatorsFact]
    public async Task TheSchemaAcceptsTheRfcExampleFeed()
    {
        var (valid, messages) = await ExternalValidators.JingAsync(Encoding.UTF8.GetBytes(RfcExample));
        Assert.True(valid, messages);
    }

    [NeedsValidatorsTheory]
    [InlineData(@"(<entry[^>]*>\s*)<id>[^<]*</id>", "$1", "missing required element \"id\"")]
    [InlineData(@"<updated>(\d{4}-\d\d-\d\d)T[^<]*</updated>", "<updated>$1</updated>", "updated")]
    [InlineData(@"<title type=""text"">", @"<title type=""plain"">", "type")]
    [InlineData(@"xml:lang=""en""", @"xml:lang=""en_GB""", "lang")]
    [InlineData(@"<link rel=""alternate"" type=""text/html"" href=""[^""]*"" />", @"<link rel=""alternate"" type=""text/html"" />", "href")]
    [InlineData(@"rel=""enclosure"" type=""image/jpeg""", @"rel=""enclosure"" type=""jpeg""", "type")]
    [InlineData(@"<generator>", @"<atom:unknown xmlns:atom=""http://www.w3.org/2005/Atom"" /><generator>", "unknown")]
    public async Task JingRejectsOurAtomOnceItIsBroken(string pattern, string replacement, string mentioned)
    {
        await using var site = new TestSite(azurite);
        await AllSamples.IngestAsync(site);
        var original = Encoding.UTF8.GetString((await AllSamples.FeedAsync(site, "all.atom")).Body);
        var broken = new Regex(pattern).Replace(original, replacement, 1);
        Assert.NotEqual(original, broken);

        var (valid, messages) = await ExternalValidators.JingAsync(Encoding.UTF8.GetBytes(broken));
        Assert.False(valid, "jing accepted a broken feed");
        Assert.Contains(mentioned, messages);
    }
}
