using Grpc.Core;
using Syndication.FunctionsHost.Rpc;

namespace Syndication.FunctionsHost.Worker;

/// <summary>
/// The host's end of <c>FunctionRpc.EventStream</c>: the worker's first message must be StartStream with the id this
/// host gave it on its command line; any other stream ends at once (as FunctionRpcService does in the host).
/// </summary>
public sealed partial class FunctionRpcService(WorkerSupervisor supervisor, ILogger<FunctionRpcService> log) : FunctionRpc.FunctionRpcBase
{
    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream,
        ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken)) return;
        var first = requestStream.Current;
        var channel = first.ContentCase == StreamingMessage.ContentOneofCase.StartStream ? supervisor.Claim(first.StartStream.WorkerId) : null;
        if (channel is null)
        {
            LogRefused(first.ContentCase.ToString(), first.StartStream?.WorkerId);
            return;
        }
        await channel.RunAsync(requestStream, responseStream, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a stream opening with {Message} from worker {WorkerId}: not a worker this host started")]
    private partial void LogRefused(string message, string? workerId);
}
