using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Syndication;
using Syndication.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddSyndication();
builder.Services.AddSyndicationTelemetry(builder.Configuration);
builder.Build().Run();
