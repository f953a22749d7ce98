using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Syndication;
using Syndication.Functions;
using Syndication.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSyndication();
builder.Services.AddHostedService<FeedWarmup>();
builder.Services.AddSyndicationTelemetry(builder.Configuration);
builder.Build().Run();
