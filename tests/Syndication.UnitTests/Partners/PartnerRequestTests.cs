using System.Text;
using Syndication.Partners;

namespace Syndication.Tests.Partners;

/// <summary>The create route's body, read without a host: a wrong value is a reason, never an exception.</summary>
public sealed class PartnerRequestTests
{
    private static (PartnerRequest? Request, string? Error) Parse(string json) => PartnerRequest.Parse(Encoding.UTF8.GetBytes(json), 1000);

    [Theory]
    [InlineData("""{"id":"acme","feeds":["all"],"limit":"5"}""")]
    [InlineData("""{"id":"acme","feeds":["all"],"limit":null}""")]
    [InlineData("""{"id":"acme","feeds":["all"],"limit":[5]}""")]
    [InlineData("""{"id":"acme","feeds":["all"],"limit":2.5}""")]
    public void ALimitThatIsNotAWholeNumberIsAReason(string json) =>
        Assert.Equal((null, "limit must be a whole number from 1 to 1000"), Parse(json));

    [Fact]
    public void AGoodRequestKeepsEachFeedOnce()
    {
        var (request, error) = Parse("""{"id":"acme","name":" Acme  News ","feeds":["all","tag/city-council","all"],"limit":50}""");
        Assert.Null(error);
        Assert.Equal(("acme", "Acme News", 50), (request!.Id, request.Name, request.Limit));
        Assert.Equal(["all", "tag/city-council"], request.Feeds);
    }
}
