using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Syndication.Tests.Support;

/// <summary>
/// Validators we did not write, run as processes: Python's feedparser (Debian python3-feedparser, for /usr/bin/python3)
/// and jing with RFC 4287's RELAX NG schema (Debian jing). The tests that use them are marked
/// <see cref="NeedsValidatorsFactAttribute"/>: skipped with the package to install where one is missing, run (and
/// failing with the package to install) when CI is set. docs/development.md#tests says so for people.
/// </summary>
public static class ExternalValidators
{
    public const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Why the validator tests are skipped here (the missing packages), or null where they run: always in CI.</summary>
    public static string? SkipReason => Skipping.Value;

    private static readonly Lazy<string?> Skipping = new(() =>
    {
        if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ci && ci is not ("false" or "0")) return null;
        var missing = new List<string>();
        if (!Imports(Python, "feedparser")) missing.Add("python3-feedparser");
        if (!OnPath("jing")) missing.Add("jing");
        return missing.Count == 0 ? null
            : $"needs {string.Join(" and ", missing)}, not installed here: apt-get install {string.Join(' ', missing)} (CI installs them and never skips; docs/development.md#tests)";
    });

    /// <summary>RFC 4287 Appendix B, the RELAX NG Compact schema of Atom 1.0.</summary>
    public static string AtomSchema => Path.Combine(AppContext.BaseDirectory, "testdata", "atom.rnc");

    // Reads the feed file the way a reader does (the HTTP Content-Type given, no base URL so relative links stay
    // relative) and prints what feedparser saw as JSON. Exit code 3: feedparser cannot be imported.
    private const string FeedparserScript = """
        import json, sys, time
        try:
            import feedparser
        except ImportError as e:
            print(json.dumps({"missing": str(e)}))
            sys.exit(3)

        def iso(t):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", t) if t else None

        def links(x):
            return [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type"), "length": l.get("length")} for l in x.get("links", [])]

        with open(sys.argv[1], "rb") as f:
            data = f.read()
        d = feedparser.parse(data, response_headers={"content-type": sys.argv[2]})
        f = d.get("feed", {})
        print(json.dumps({
            "feedparser": feedparser.__version__,
            "bozo": int(d.get("bozo", 0)),
            "bozo_exception": str(d.get("bozo_exception")) if d.get("bozo_exception") else None,
            "version": d.get("version"),
            "encoding": d.get("encoding"),
            "feed": {
                "title": f.get("title"), "link": f.get("link"), "id": f.get("id"), "language": f.get("language"),
                "updated": iso(f.get("updated_parsed")), "links": links(f),
                "authors": [a.get("name") for a in f.get("authors", [])],
            },
            "entries": [{
                "id": e.get("id"), "title": e.get("title"), "link": e.get("link"), "links": links(e),
                "published": iso(e.get("published_parsed")), "updated": iso(e.get("updated_parsed")),
                "enclosures": [{"href": x.get("href"), "length": x.get("length"), "type": x.get("type")} for x in e.get("enclosures", [])],
                "media_content": [dict(m) for m in e.get("media_content", [])],
                "media_thumbnail": [dict(m) for m in e.get("media_thumbnail", [])],
                "authors": [{"name": a.get("name"), "email": a.get("email")} for a in e.get("authors", [])],
                "tags": [t.get("term") for t in e.get("tags", [])],
                "summary": e.get("summary"),
                "content": [{"type": c.get("type"), "value": c.get("value")} for c in e.get("content", [])],
            } for e in d.get("entries", [])],
        }, ensure_ascii=False))
        """;

    /// <summary>What feedparser made of the feed: bozo flag, version, feed and entries (see the script for the shape).</summary>
    public static async Task<JsonElement> FeedparserAsync(byte[] feed, string contentType)
    {
        var file = await TempFileAsync(feed);
        try
        {
            var run = await RunAsync(Python, ["-c", FeedparserScript, file, contentType],
                "Python 3 with feedparser", "python3-feedparser");
            if (run.ExitCode == 3) Assert.Fail(Missing("Python's feedparser", "python3-feedparser", $"{Python} cannot import feedparser: {run.Output}"));
            Assert.True(run.ExitCode == 0, $"feedparser exited with {run.ExitCode}: {run.Output}{run.Error}");
            return JsonDocument.Parse(run.Output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Runs jing against the RFC 4287 schema; returns its verdict and its messages.</summary>
    public static async Task<(bool Valid, string Messages)> JingAsync(byte[] xml)
    {
        var file = await TempFileAsync(xml);
        try
        {
            var run = await RunAsync("jing", ["-c", AtomSchema, file], "jing", "jing");
            // jing reports validation errors on standard output; Debian's launcher also warns about optional jars on stderr.
            var errors = string.Join('\n', (run.Output + "\n" + run.Error).Split('\n')
                .Where(l => l.Trim().Length > 0 && !l.Contains("Unable to locate", StringComparison.Ordinal)));
            if (run.ExitCode is not (0 or 1)) Assert.Fail($"jing exited with {run.ExitCode}: {errors}");
            return (run.ExitCode == 0, errors.Replace(file, "atom.xml", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Run(int ExitCode, string Output, string Error);

    private static async Task<Run> RunAsync(string program, string[] args, string tool, string package)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONWARNINGS"] = "ignore";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Assert.Fail(Missing(tool, package, $"cannot start '{program}': {e.Message}"));
            throw;
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} did not finish within {Timeout.TotalSeconds} s");
            }
            return new Run(process.ExitCode, await output, await error);
        }
    }

    private static bool Imports(string python, string module)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(python, ["-c", "import " + module])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            return process.WaitForExit(30_000) && process.ExitCode == 0;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));

    private static string Missing(string tool, string package, string detail) =>
        $"{tool} is needed by the conformance tests and is not installed ({detail}). " +
        $"Install it with: apt-get install {package}" +
        (Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ? " (CI is set: .ci/run installs it; the install must have failed)." : ".");

    private static async Task<string> TempFileAsync(byte[] content)
    {
        var file = Path.Combine(Path.GetTempPath(), "syndication-conformance-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, content);
        return file;
    }
}
