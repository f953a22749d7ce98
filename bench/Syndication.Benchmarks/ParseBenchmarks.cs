using BenchmarkDotNet.Attributes;
using Syndication.Articles;

namespace Syndication.Benchmarks;

/// <summary>DocumentParser.Parse on each document shape we accept, from the bytes as downloaded.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] text = null!, markdown = null!, json = null!, html = null!;

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllBytes(Fixture.PathOf("samples", "articles", "000_11b3e0eb4ad0bcf4.txt"));
        markdown = File.ReadAllBytes(Fixture.PathOf("samples", "articles", "harbour-reopens.md"));
        json = File.ReadAllBytes(Fixture.PathOf("samples", "articles", "city-budget-vote.json"));
        html = File.ReadAllBytes(Fixture.PathOf("samples", "articles", "harbour-storm-html.html"));
    }

    [Benchmark(Description = "text (000_11b3e0eb4ad0bcf4.txt, 7.5 KB)")]
    public ParsedArticle Text() => DocumentParser.Parse(DocumentFormat.Text, text);

    [Benchmark(Description = "markdown (harbour-reopens.md, 1.1 KB)")]
    public ParsedArticle Markdown() => DocumentParser.Parse(DocumentFormat.Markdown, markdown);

    [Benchmark(Description = "json (city-budget-vote.json, 0.8 KB)")]
    public ParsedArticle Json() => DocumentParser.Parse(DocumentFormat.Json, json);

    [Benchmark(Description = "html (harbour-storm-html.html, 4.3 KB)")]
    public ParsedArticle Html() => DocumentParser.Parse(DocumentFormat.Html, html);
}
