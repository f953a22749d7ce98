namespace Syndication.Images;

/// <summary>
/// One rendition every image gets when its source is large enough: a role, an exact pixel size (so an aspect), and
/// the spec text that goes into its content-addressed name. The table below is the whole list: a row is a new rendition.
/// </summary>
public sealed record RenditionSpec(string Role, int Width, int Height)
{
    /// <summary>16:9 for readers' lists, MSN thumbnails and Discover-style cards.</summary>
    public const string Thumbnail = "thumbnail";
    /// <summary>1.91:1, the MSN and social promo size.</summary>
    public const string Promo = "promo";
    public const string Square = "square";

    /// <summary>Bump when the crop, scaling or encoder settings change what a rendition's bytes are: every name changes.</summary>
    public const string Revision = "r1";

    public static readonly IReadOnlyList<RenditionSpec> All =
    [
        new(Thumbnail, 640, 360),
        new(Promo, 1200, 628),
        new(Square, 600, 600),
    ];

    /// <summary>Width over height.</summary>
    public double Aspect => (double)Width / Height;

    /// <summary>"thumbnail-640x360": what the name says about the spec.</summary>
    public string Key => $"{Role}-{Width}x{Height}";
}
