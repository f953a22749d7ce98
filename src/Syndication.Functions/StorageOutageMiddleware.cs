using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Syndication.Http;

namespace Syndication.Functions;

/// <summary>
/// An HTTP function whose storage did not answer replies the library's 503 with Retry-After (as the local runner
/// does), instead of failing the invocation into an empty 500. Other functions still throw, so the runtime retries.
/// </summary>
public sealed class StorageOutageMiddleware(StorageOutage outage) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (StorageOutage.IsUnreachable(e) && context.GetHttpContext() is not null)
        {
            context.GetInvocationResult().Value = outage.Unavailable(e);
        }
    }
}
