using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Syndication.LocalRunner;
using Syndication.Tests.Functions;

namespace Syndication.Tests.Runner;

public sealed class RunnerRoutesTests
{
    [Fact]
    public async Task RunnerServesExactlyTheHttpRoutesAndMethodsOfTheFunctionsBuild()
    {
        var functions = FunctionsMetadataTests.Metadata()
            .SelectMany(f => f!["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] == "httpTrigger")
            .Select(b => $"{(string?)b!["route"]} {string.Join(',', b!["methods"]!.AsArray().Select(m => ((string?)m)!.ToUpperInvariant()).Order())}")
            .Order().ToList();

        await using var app = RunnerApp.Build(["--urls", "http://127.0.0.1:0", "--AzureWebJobsStorage", "UseDevelopmentStorage=true"]);
        var runner = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').Length > 0) // not the redirect of "/" to the home page
            .Select(e => $"{e.RoutePattern.RawText!.TrimStart('/')} {string.Join(',', e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Order())}")
            .Order().ToList();

        Assert.NotEmpty(functions);
        Assert.Equal(functions, runner);
    }
}
