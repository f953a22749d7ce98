using Syndication.Articles;

namespace Syndication.Ingestion;

/// <summary>Pairs the document's image descriptions with the image blobs beside it.</summary>
internal static class ImagePairing
{
    /// <summary>
    /// Descriptions naming a file take that file; the others (captions found in text) take the remaining files
    /// in natural name order; files left over come last without a caption.
    /// </summary>
    public static List<(string File, ImageDescription? Description)> Pair(
        IReadOnlyList<ImageDescription> descriptions, IReadOnlyList<string> files)
    {
        var remaining = files.Order(NaturalOrder.Instance).ToList();
        var named = new List<(string, ImageDescription?)>();
        var unnamed = new Queue<ImageDescription>();
        foreach (var d in descriptions)
        {
            var match = d.File is null ? null : remaining.FirstOrDefault(f => string.Equals(f, d.File, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                named.Add((match, d));
                remaining.Remove(match);
            }
            else if (d.File is null) unnamed.Enqueue(d);
        }
        var result = named;
        foreach (var file in remaining)
            result.Add((file, unnamed.TryDequeue(out var d) ? d : null));
        return result;
    }
}
