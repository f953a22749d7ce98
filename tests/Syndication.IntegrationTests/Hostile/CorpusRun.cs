using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Syndication.Articles;
using Syndication.Http;
using Syndication.Tests.Support;

namespace Syndication.Tests.Hostile;

/// <summary>What became of one case: the outcome seen, the names storage gave its blobs, and how long it took.</summary>
public sealed record CaseRun(HostileCase Case)
{
    /// <summary>Blob name as uploaded → name storage holds it under; absent when storage refused it.</summary>
    public Dictionary<string, string> Stored { get; } = new(StringComparer.Ordinal);
    public string? Refused { get; set; }
    public string? Crashed { get; set; }
    public TimeSpan Elapsed { get; set; }
}

/// <summary>A rejection as the admin endpoint lists it.</summary>
public sealed record ListedRejection(string BlobName, string Reason, int Attempts, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>Uploads the corpus to a site, ingests it as the service does, and collects what happened to each case.</summary>
public sealed class CorpusRun(TestSite site, string connectionString)
{
    // Lists without retries: a listing Azurite cannot produce fails at once instead of after the SDK's backoff.
    private readonly Azure.Storage.Blobs.BlobContainerClient listing = new(connectionString, site.Incoming.Name,
        new Azure.Storage.Blobs.BlobClientOptions { Retry = { MaxRetries = 0 } });

    /// <summary>Longer than this for the whole reconciliation counts as a hang.</summary>
    public static readonly TimeSpan ReconcileLimit = TimeSpan.FromMinutes(4);

    public List<CaseRun> Cases { get; } = [];
    /// <summary>Stored blob name → its length and MD5 as uploaded.</summary>
    public Dictionary<string, (long Length, byte[] Md5)> Hashes { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TimeSpan> Phases { get; } = [];

    /// <summary>
    /// Uploads every blob, four at a time; blob names one at a time, each followed by a listing, since storage may
    /// refuse or rename them, or take them and then fail to list the container.
    /// </summary>
    public async Task UploadAsync(IEnumerable<HostileCase> cases)
    {
        var clock = Stopwatch.StartNew();
        await site.Storage.EnsureCreatedAsync();
        Cases.AddRange(cases.Select(c => new CaseRun(c)));
        // Names first, while the container is small and each listing quick.
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in Cases.Where(r => r.Case.Category == "blob-names"))
        foreach (var blob in run.Case.Blobs)
            listed = await UploadNameAsync(run, blob, listed);
        Phases["upload names"] = clock.Elapsed;
        await Parallel.ForEachAsync(Cases.Where(r => r.Case.Category != "blob-names"), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (run, _) =>
            {
                foreach (var blob in run.Case.Blobs)
                {
                    await site.UploadAsync(blob.Name, blob.Content);
                    Stored(run, blob, blob.Name);
                }
            });
        Phases["upload"] = clock.Elapsed;
    }

    // Uploads one blob; returns the container's names afterwards.
    private async Task<HashSet<string>> UploadNameAsync(CaseRun run, HostileBlob blob, HashSet<string> before)
    {
        try
        {
            await site.UploadAsync(blob.Name, blob.Content);
        }
        catch (RequestFailedException e)
        {
            run.Refused = $"'{HostileCorpus.Printable(blob.Name)}': {e.Message.Split('\n')[0]}";
            return before;
        }
        try
        {
            var after = await NamesAsync();
            var added = after.Except(before).ToList();
            Stored(run, blob, added.Count == 1 ? added[0] : blob.Name);
            return after;
        }
        catch (Exception e) when (e is RequestFailedException or System.Xml.XmlException)
        {
            // Azurite takes some names and then fails every listing of the container: take the blob out again.
            await site.Incoming.GetBlobClient(blob.Name).DeleteIfExistsAsync();
            run.Refused = $"'{HostileCorpus.Printable(blob.Name)}': stored, then the container could not be listed ({e.GetType().Name}); removed";
            return before;
        }
    }

    private void Stored(CaseRun run, HostileBlob blob, string name)
    {
        lock (Hashes)
        {
            run.Stored[blob.Name] = name;
            Hashes[name] = (blob.Content.Length, MD5.HashData(blob.Content));
        }
    }

    /// <summary>One reconciliation of the whole container, bounded in time; null when it finished, else what went wrong.</summary>
    public async Task<string?> ReconcileAsync()
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(ReconcileLimit);
        try
        {
            await site.Ingestor.ReconcileAsync(cts.Token).WaitAsync(ReconcileLimit + TimeSpan.FromSeconds(10));
            return null;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            return $"reconciliation did not finish within {ReconcileLimit.TotalMinutes} minutes";
        }
        catch (Exception e)
        {
            return $"reconciliation crashed: {e}";
        }
        finally
        {
            Phases["reconcile"] = clock.Elapsed;
        }
    }

    /// <summary>Ingests each case's slug again (re-parsing it) alone and timed; exceptions and overruns are crashes.</summary>
    public async Task IngestEachAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var run in Cases.Where(r => r.Refused is null))
        {
            var one = Stopwatch.StartNew();
            var names = run.Stored.Values.ToList();
            var slugs = names.Select(n => ArticleBlobName.Parse(n)?.Slug).OfType<string>().Distinct().ToList();
            try
            {
                using var cts = new CancellationTokenSource(HostileCorpus.PerCaseLimit);
                foreach (var slug in slugs)
                    await site.Ingestor.IngestSlugAsync(slug, repair: true, cts.Token).WaitAsync(HostileCorpus.PerCaseLimit + TimeSpan.FromSeconds(1));
                foreach (var name in names.Where(n => ArticleBlobName.Parse(n) is null))
                    await site.Ingestor.IngestBlobAsync(name, cts.Token).WaitAsync(HostileCorpus.PerCaseLimit + TimeSpan.FromSeconds(1));
            }
            catch (Exception e) when (e is TimeoutException or OperationCanceledException)
            {
                run.Crashed = $"hung: not done within {HostileCorpus.PerCaseLimit.TotalSeconds} s";
            }
            catch (Exception e)
            {
                run.Crashed = e.ToString();
            }
            run.Elapsed = one.Elapsed;
        }
        Phases["ingest each"] = clock.Elapsed;
    }

    /// <summary>The rejections as GET manage/rejections lists them.</summary>
    public async Task<Dictionary<string, ListedRejection>> RejectionsAsync()
    {
        var reply = await TestSite.ExecuteAsync(r => site.Get<ManageHandlers>().ListRejectionsAsync(r), path: "/api/manage/rejections");
        Assert.Equal(200, reply.Status);
        var list = JsonSerializer.Deserialize<List<ListedRejection>>(reply.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        return list.ToDictionary(r => r.BlobName, StringComparer.Ordinal);
    }

    /// <summary>
    /// Problems with the incoming container: a blob missing, changed (length or the MD5 storage computed on upload), or
    /// added since the upload. Read from the listing, since storage cannot address some of the names it holds.
    /// </summary>
    public async Task<List<string>> IntegrityProblemsAsync()
    {
        var problems = new List<string>();
        var listed = new Dictionary<string, (long? Length, byte[]? Md5)>(StringComparer.Ordinal);
        await foreach (var b in site.Incoming.GetBlobsAsync())
            listed[b.Name] = (b.Properties.ContentLength, b.Properties.ContentHash);
        foreach (var (name, (length, md5)) in Hashes)
        {
            if (!listed.TryGetValue(name, out var now)) problems.Add($"blob '{HostileCorpus.Printable(name)}' is gone");
            else if (now.Length != length || now.Md5 is null || !now.Md5.AsSpan().SequenceEqual(md5))
                problems.Add($"blob '{HostileCorpus.Printable(name)}' changed");
        }
        problems.AddRange(listed.Keys.Where(n => !Hashes.ContainsKey(n)).Select(n => $"blob '{HostileCorpus.Printable(n)}' appeared"));
        return problems;
    }

    private async Task<HashSet<string>> NamesAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in listing.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }
}
