namespace Syndication.Images;

/// <summary>
/// Where to crop: the window of a given aspect that holds the most detail, measured as edge energy (absolute luma
/// differences to the right and below neighbour) on a small grayscale copy, sliding the window along the axis the
/// aspect leaves free. Prefix sums make each slide O(length of that axis).
/// </summary>
public static class EntropyCrop
{
    /// <summary>
    /// The largest window of <paramref name="aspect"/> (width/height) in a <paramref name="width"/>×<paramref name="height"/>
    /// grayscale image (row-major bytes), placed on its most detailed region: (x, y, w, h) in that image's pixels.
    /// </summary>
    public static (int X, int Y, int Width, int Height) Window(ReadOnlySpan<byte> gray, int width, int height, double aspect)
    {
        var (w, h) = (double)width / height > aspect
            ? (Math.Max(1, (int)Math.Round(height * aspect)), height)
            : (width, Math.Max(1, (int)Math.Round(width / aspect)));
        w = Math.Min(w, width);
        h = Math.Min(h, height);
        if (w == width && h == height) return (0, 0, w, h);
        var horizontal = w < width;
        // Energy per column (horizontal slide) or per row (vertical slide).
        var lines = new long[horizontal ? width : height];
        for (var y = 0; y < height; y++)
        {
            var row = gray.Slice(y * width, width);
            var below = y + 1 < height ? gray.Slice((y + 1) * width, width) : row;
            for (var x = 0; x < width; x++)
            {
                var e = Math.Abs(row[x] - row[Math.Min(x + 1, width - 1)]) + Math.Abs(row[x] - below[x]);
                lines[horizontal ? x : y] += e;
            }
        }
        var span = horizontal ? w : h;
        var sums = new long[lines.Length - span + 1];
        long sum = 0, total = 0, moment = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            total += lines[i];
            moment += lines[i] * i;
        }
        for (var i = 0; i < span; i++) sum += lines[i];
        sums[0] = sum;
        for (var start = 1; start < sums.Length; start++) sums[start] = sum += lines[start + span - 1] - lines[start - 1];
        // Among the windows holding (nearly) the most detail, the one centred nearest the detail's centre of mass; with
        // no detail anywhere (a flat image), the centre, as a person would crop it.
        var best = sums.Max();
        var centre = total == 0 ? (lines.Length - 1) / 2.0 : (double)moment / total;
        var bestAt = Enumerable.Range(0, sums.Length).Where(s => sums[s] >= best - best / 50)
            .MinBy(s => Math.Abs(s + (span - 1) / 2.0 - centre));
        return horizontal ? (bestAt, 0, w, h) : (0, bestAt, w, h);
    }
}
