using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Syndication.Tests.Support;

/// <summary>
/// A real Azurite (npm package pinned in package.json) started as a node process on free ports, in memory,
/// shared by the tests of a collection; every test uses its own container and table names.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Process? process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var script = Repo.Path("node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' at the repository root.");
        for (var attempt = 0; ; attempt++)
        {
            (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
            var start = new ProcessStartInfo("node")
            {
                ArgumentList =
                {
                    script, "--inMemoryPersistence", "--skipApiVersionCheck", "--silent", "--loose",
                    "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                    "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                    "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = Repo.Root,
            };
            process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (await ListeningAsync(TimeSpan.FromSeconds(30))) return;
            await DisposeAsync();
            if (attempt == 2) throw new InvalidOperationException("Azurite did not start listening within 30 s");
        }
    }

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        process?.Dispose();
        process = null;
        return Task.CompletedTask;
    }

    private async Task<bool> ListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && process is { HasExited: false })
        {
            if (CanConnect(BlobPort) && CanConnect(QueuePort) && CanConnect(TablePort)) return true;
            await Task.Delay(100);
        }
        return false;
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
