using System.Net.Sockets;
using Azure;
using Azure.Identity;

namespace Syndication.Cli.Target;

/// <summary>
/// Turns a failure into the one line a person needs: no permission, no such account, container missing, nothing
/// listening, bad credentials. Never a stack trace.
/// </summary>
internal static class StorageErrors
{
    private const string Roles = "Storage Blob Data Contributor and Storage Table Data Contributor";

    public static string Describe(Exception exception, StorageTarget? target)
    {
        var where = target?.Description ?? "storage";
        var causes = Causes(exception).ToList();
        if (causes.OfType<UsageException>().FirstOrDefault() is { } usage) return usage.Message;
        if (causes.OfType<CredentialUnavailableException>().Any())
            return $"not signed in: no Azure credential for {where}; run 'az login' (or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET)";
        if (causes.OfType<AuthenticationFailedException>().FirstOrDefault() is { } auth)
            return $"sign-in failed for {where}: {FirstLine(auth.Message)}";
        if (causes.OfType<RequestFailedException>().FirstOrDefault(r => r.Status != 0) is { } failed)
            return Answered(failed, where, target);
        if (causes.OfType<SocketException>().FirstOrDefault() is { } socket)
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => $"cannot connect to {where}: nothing is listening there"
                    + (target?.IsLocal == true ? " (is Azurite running? ./run.sh starts it)" : ""),
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                    $"no such account: {where} does not resolve ({socket.Message})",
                _ => $"cannot reach {where}: {socket.Message}",
            };
        if (causes.OfType<HttpRequestException>().FirstOrDefault() is { } http) return $"cannot reach {where}: {FirstLine(http.Message)}";
        if (causes.OfType<TimeoutException>().Any() || causes.OfType<TaskCanceledException>().Any())
            return $"{where} did not answer in time";
        if (causes.OfType<IOException>().FirstOrDefault() is { } io) return FirstLine(io.Message);
        return $"{exception.GetType().Name}: {FirstLine(exception.Message)}";
    }

    private static string Answered(RequestFailedException e, string where, StorageTarget? target)
    {
        var code = e.ErrorCode ?? "";
        var storage = target?.Configuration;
        var container = storage?["Syndication:Storage:ArticlesContainer"] ?? "articles";
        var published = storage?["Syndication:Storage:PublishedContainer"] ?? "published";
        var table = storage?["Syndication:Storage:Table"] ?? "articles";
        return (e.Status, code) switch
        {
            (403, _) when target?.Access == "the account key" => $"no permission: {where} refused the account key (is it the account's current key?)",
            (403, _) when target?.Access == "the SAS" => $"no permission: {where} refused the SAS (it lacks a permission, a service, or has expired)",
            (403, _) => $"no permission: {where} refused your identity{Code(code)}; it needs {Roles} on the account",
            (404, "") when target?.IsLocal == true => $"no such account: {where} has no account '{target.Blobs.AccountName}'",
            (404, "") => $"no such account or container: {where} answered 404",
            (404, "ContainerNotFound") => $"container missing: {where} has no container '{container}' or '{published}'; deploy with azd up, or create them",
            (404, "TableNotFound") => $"table missing: {where} has no table '{table}'; deploy with azd up, or create it",
            (404, "ResourceNotFound") or (400, "InvalidResourceName") =>
                $"container missing: {where} has no container '{container}', '{published}' or table '{table}'; deploy with azd up, or create them",
            (401, _) => $"not signed in: {where} answered 401 ({code})",
            _ => $"{where} answered {e.Status} {code}: {FirstLine(e.Message)}",
        };
    }

    private static string Code(string code) => code.Length == 0 ? "" : $" ({code})";

    private static IEnumerable<Exception> Causes(Exception e)
    {
        var pending = new Stack<Exception>([e]);
        while (pending.TryPop(out var next))
        {
            yield return next;
            if (next is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) pending.Push(inner);
            else if (next.InnerException is { } inner) pending.Push(inner);
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
