using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Syndication;
using Syndication.Functions;
using Syndication.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<StorageOutageMiddleware>(); // after the ASP.NET Core integration's own: it executes the 503 we set
// X-Forwarded-For is read by ClientAddress alone (rightmost entry, from trusted proxies); -Host and -Proto stay the platform's.
builder.Services.PostConfigure<ForwardedHeadersOptions>(o => o.ForwardedHeaders &= ~ForwardedHeaders.XForwardedFor);
builder.Services.AddSyndication();
builder.Services.AddHostedService<FeedWarmup>();
builder.Services.AddSyndicationTelemetry(builder.Configuration);
builder.Build().Run();
