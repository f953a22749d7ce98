using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Syndication.Http;

namespace Syndication.Tests.Functions;

/// <summary>The Functions app's compile-time [HttpTrigger] attributes and the route table the runner maps say the same.</summary>
public sealed class RouteTableTests
{
    /// <summary>Each HTTP function in the Functions assembly as "name route METHODS auth", read by reflection.</summary>
    public static List<string> FunctionsAttributes() =>
        typeof(global::Syndication.Functions.GetFeed).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(f => f.Function is not null && f.Trigger is not null)
            .Select(f => Row(f.Function!.Name, f.Trigger!.Route ?? "", f.Trigger.Methods ?? [], f.Trigger.AuthLevel.ToString()))
            .Order(StringComparer.Ordinal).ToList();

    private static string Row(string function, string route, IEnumerable<string> methods, string auth) =>
        $"{function} {route} {string.Join(',', methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} {auth}";

    [Fact]
    public void EveryRouteButWebFingerIsUnderApiSoPublicUrlsStayWhatTheyWereWithTheEmptyRoutePrefix()
    {
        foreach (var route in RouteTable.All.Select(r => r.Route).Where(r => !Routes.AtRoot.Contains(r)))
            Assert.StartsWith(Routes.Api, route);
        Assert.Equal([".well-known/webfinger"], Routes.AtRoot);
    }

    [Fact]
    public void EveryHttpFunctionIsARowWithTheSameRouteMethodsAndKeyLevelAndNothingElseIs()
    {
        var table = RouteTable.All.Select(r => Row(r.Function, r.Route, r.Methods, r.Auth.ToString())).Order(StringComparer.Ordinal).ToList();
        var functions = FunctionsAttributes();

        Assert.NotEmpty(functions);
        Assert.True(functions.SequenceEqual(table),
            $"in the Functions attributes, not the table: {string.Join("; ", functions.Except(table))}\n" +
            $"in the table, not the Functions attributes: {string.Join("; ", table.Except(functions))}");
    }
}
