using System.Reflection;
using System.Text.RegularExpressions;
using Syndication.Http;
using Syndication.Tests.Support;

namespace Syndication.Tests.Cli;

/// <summary>test.http at the top of the repository tries every route the app serves.</summary>
public sealed class TestHttpTests
{
    [Fact]
    public void TestHttpHasARequestForEveryRouteAndMethod()
    {
        var requests = File.ReadAllLines(Repo.Path("test.http"))
            .Select(l => Regex.Match(l, @"^(GET|HEAD|PUT|POST|DELETE) \{\{(base|origin)\}\}/([^?\s]*)"))
            .Where(m => m.Success).Select(m => (Method: m.Groups[1].Value, Path: (m.Groups[2].Value == "base" ? Routes.Api : "") + m.Groups[3].Value)).ToList();
        var routes = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string) && f.Name != nameof(Routes.Api))
            .Select(f => (string)f.GetValue(null)!);

        foreach (var route in routes)
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(route).Replace(@"\{", "{").Replace(@"\*", "*"), @"\{\*?([a-z]+)[^}]*\}\??", "[^?]*") + "$";
            Assert.True(requests.Any(r => Regex.IsMatch(r.Path, pattern)), $"test.http has no request for the route {route}");
        }
        foreach (var method in new[] { "GET", "HEAD", "PUT", "POST", "DELETE" }) Assert.Contains(requests, r => r.Method == method);
    }
}
