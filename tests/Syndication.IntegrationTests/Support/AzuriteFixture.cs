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

    /// <summary>A folder for on-disk persistence (survives a kill and restart); in memory when null.</summary>
    public string? Location { get; init; }

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
            (BlobPort, QueuePort, TablePort) = (Ports.Free(), Ports.Free(), Ports.Free());
            if (await StartOnPortsAsync(script)) return;
            await DisposeAsync();
            if (attempt == 2) throw new InvalidOperationException("Azurite did not start listening within 30 s");
        }
    }

    /// <summary>
    /// Stops Azurite in the middle of whatever it is doing: SIGTERM (it closes its listeners and saves its database),
    /// then SIGKILL if it lingers. Requests in flight fail, as in a storage outage. A bare SIGKILL would also lose
    /// writes Azurite had acknowledged (it saves its database every few seconds), which Azure Storage never does.
    /// </summary>
    public void Stop()
    {
        if (process is { HasExited: false } p)
        {
            using (var term = Process.Start("kill", ["-TERM", p.Id.ToString()])) term.WaitForExit(5000);
            if (!p.WaitForExit(10_000)) p.Kill(entireProcessTree: true);
            p.WaitForExit(5000);
        }
        process?.Dispose();
        process = null;
    }

    /// <summary>Starts Azurite again on the same ports and folder.</summary>
    public async Task RestartAsync()
    {
        if (!await StartOnPortsAsync(Repo.Path("node_modules", "azurite", "dist", "src", "azurite.js")))
            throw new InvalidOperationException("Azurite did not restart within 30 s");
    }

    private async Task<bool> StartOnPortsAsync(string script)
    {
        var start = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                script, "--skipApiVersionCheck", "--disableTelemetry", "--silent", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repo.Root,
        };
        if (Location is null) start.ArgumentList.Add("--inMemoryPersistence");
        else
        {
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(Location);
        }
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await ListeningAsync(TimeSpan.FromSeconds(30));
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

}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
