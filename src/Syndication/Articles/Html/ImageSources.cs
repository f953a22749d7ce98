using System.Globalization;
using AngleSharp.Dom;

namespace Syndication.Articles;

/// <summary>
/// The real picture behind an <c>&lt;img&gt;</c>: the widest <c>srcset</c> candidate (also lazy-loading
/// <c>data-srcset</c> and <c>&lt;picture&gt;&lt;source&gt;</c>), else a lazy <c>data-src</c>, else <c>src</c>; never a data: placeholder.
/// </summary>
internal static class ImageSources
{
    private static readonly string[] SrcsetAttributes = ["srcset", "data-srcset", "data-lazy-srcset", "data-original-set"];
    private static readonly string[] SrcAttributes =
        ["data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-image", "src"];

    /// <summary>The best URL the element names, as written; null when it only holds placeholders.</summary>
    public static string? Best(IElement img)
    {
        var candidates = new List<(string Url, double Width, double Density)>();
        foreach (var attribute in SrcsetAttributes) AddSrcset(candidates, img.GetAttribute(attribute));
        if (img.ParentElement is { LocalName: "picture" } picture)
            foreach (var source in picture.Children.Where(c => c.LocalName == "source"))
                foreach (var attribute in SrcsetAttributes) AddSrcset(candidates, source.GetAttribute(attribute));
        var widest = candidates.Where(c => c.Width > 0).OrderByDescending(c => c.Width).FirstOrDefault().Url
            ?? candidates.OrderByDescending(c => c.Density).FirstOrDefault().Url;
        return widest ?? SrcAttributes.Select(a => img.GetAttribute(a)?.Trim()).FirstOrDefault(IsReal);
    }

    /// <summary>Parses a srcset ("a.jpg 480w, b.jpg 1024w", "a.jpg 1x, b.jpg 2x"); URLs may hold commas.</summary>
    public static void AddSrcset(List<(string Url, double Width, double Density)> candidates, string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset)) return;
        var i = 0;
        while (i < srcset.Length)
        {
            while (i < srcset.Length && (char.IsWhiteSpace(srcset[i]) || srcset[i] == ',')) i++;
            var start = i;
            while (i < srcset.Length && !char.IsWhiteSpace(srcset[i])) i++;
            var url = srcset[start..i];
            var descriptor = "";
            if (url.EndsWith(','))
                url = url.TrimEnd(',');
            else
            {
                var end = srcset.IndexOf(',', i);
                if (end < 0) end = srcset.Length;
                descriptor = srcset[i..end].Trim();
                i = end;
            }
            if (!IsReal(url)) continue;
            candidates.Add((url!, Number(descriptor, 'w'), Math.Max(Number(descriptor, 'x'), 1)));
        }
    }

    private static double Number(string descriptor, char unit)
    {
        foreach (var part in descriptor.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (part.Length > 1 && char.ToLowerInvariant(part[^1]) == unit
                && double.TryParse(part[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
                return n;
        return 0;
    }

    private static bool IsReal(string? url) =>
        !string.IsNullOrWhiteSpace(url) && !url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
        && !url.StartsWith("about:", StringComparison.OrdinalIgnoreCase) && !url.StartsWith('#')
        && !url.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase);
}
