using Syndication.Http;

namespace Syndication.Tests.Scale;

/// <summary>RFC 9110 byte ranges against a 1,000-byte image: what is sent whole, in part, or refused.</summary>
public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-99", 0, 99)]
    [InlineData("bytes=0-0", 0, 0)]
    [InlineData("bytes=900-", 900, 999)]
    [InlineData("bytes=900-5000", 900, 999)]
    [InlineData("bytes=-100", 900, 999)]
    [InlineData("bytes=-5000", 0, 999)]
    [InlineData("BYTES= 10 - 19 ", 10, 19)]
    public void ASatisfiableRangeNamesItsFirstAndLastByte(string header, long first, long last)
    {
        var (range, unsatisfiable) = ByteRange.Parse(header, 1000);
        Assert.False(unsatisfiable);
        Assert.Equal(new ByteRange(first, last), range);
        Assert.Equal($"bytes {first}-{last}/1000", range!.Value.ContentRange(1000));
    }

    [Theory]
    [InlineData("bytes=1000-")]
    [InlineData("bytes=5000-6000")]
    [InlineData("bytes=-0")]
    public void ARangeWithNoByteOfTheImageIsUnsatisfiable(string header) =>
        Assert.Equal((null, true), ByteRange.Parse(header, 1000));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("items=0-9")]
    [InlineData("bytes=0-9,20-29")]
    [InlineData("bytes=9-0")]
    [InlineData("bytes=a-b")]
    [InlineData("bytes=-")]
    [InlineData("bytes=5")]
    public void SeveralRangesOrAMalformedOneGetTheWholeImage(string? header) =>
        Assert.Equal((null, false), ByteRange.Parse(header, 1000));
}
