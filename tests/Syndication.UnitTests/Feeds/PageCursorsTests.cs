using System.Security.Cryptography;
using Syndication.Feeds;
using Syndication.Security;
using Syndication.Storage;
using Syndication.Articles;

namespace Syndication.Tests.Feeds;

/// <summary>Signed page cursors without storage: what reads back, and everything that does not.</summary>
public sealed class PageCursorsTests
{
    private const string Position = "9223290630777975807|harbour-reopens";
    private static readonly ServerKey Key = new(RandomNumberGenerator.GetBytes(32));
    private static readonly PageCursors Cursors = new(Key);
    private static readonly CursorUse AllNext = CursorUse.After(FeedKey.All);

    [Fact]
    public void AnIssuedCursorReadsBackAsItsPositionAndIsShortAndUrlSafe()
    {
        var cursor = Cursors.Issue(AllNext, Position);
        Assert.Equal(Position, Cursors.Read(AllNext, cursor));
        Assert.Equal(Position.Length + 1 + 22, cursor.Length);
        Assert.Matches(@"\A\d{19}\|[a-z-]+\.[A-Za-z0-9_-]{22}\z", cursor);
        Assert.Equal(cursor, Cursors.Issue(AllNext, Position)); // the same link on every instance and every render
    }

    [Theory]
    [InlineData("9999999999999999999|z1")]
    [InlineData("9223290630777975807|harbour-reopens")]
    [InlineData("9223290630777975807|harbour-reopens.")]
    [InlineData("9223290630777975807|harbour-reopens.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData(".")]
    public void AMadeUpOrUnsignedCursorDoesNotRead(string cursor) => Assert.Null(Cursors.Read(AllNext, cursor));

    [Fact]
    public void EveryChangeOfOneCharacterOrCutOfAnIssuedCursorIsRefused()
    {
        var cursor = Cursors.Issue(AllNext, Position);
        for (var i = 0; i < cursor.Length; i++)
        {
            foreach (var c in "0aZ_-.|")
            {
                if (cursor[i] == c) continue;
                var tampered = cursor[..i] + c + cursor[(i + 1)..];
                Assert.True(Cursors.Read(AllNext, tampered) is null, $"'{tampered}' read as '{Cursors.Read(AllNext, tampered)}'");
            }
            Assert.Null(Cursors.Read(AllNext, cursor[..i]));
        }
        Assert.Null(Cursors.Read(AllNext, cursor + "A"));
        Assert.Null(Cursors.Read(AllNext, cursor + "\n"));
    }

    [Fact]
    public void ACursorIssuedForOneUseIsRefusedForEveryOther()
    {
        var politics = new FeedKey(FeedKind.Category, "politics");
        CursorUse[] uses = [AllNext, CursorUse.Before(FeedKey.All), CursorUse.After(politics), CursorUse.Before(politics),
            CursorUse.After(new FeedKey(FeedKind.Tag, "politics")), CursorUse.Sitemap];
        foreach (var issued in uses)
            foreach (var read in uses)
                Assert.Equal(issued == read ? Position : null, Cursors.Read(read, Cursors.Issue(issued, Position)));
    }

    [Fact]
    public void ACursorFromAnotherServerKeyIsRefusedAndOneFromThePreviousKeyReadsDuringARotation()
    {
        var old = RandomNumberGenerator.GetBytes(32);
        var issued = new PageCursors(new ServerKey(old)).Issue(AllNext, Position);
        Assert.Null(Cursors.Read(AllNext, issued));
        var rotated = new PageCursors(new ServerKey(RandomNumberGenerator.GetBytes(32), previous: old));
        Assert.Equal(Position, rotated.Read(AllNext, issued));
        Assert.NotEqual(issued, rotated.Issue(AllNext, Position)); // new links carry the new key
    }
}
