using System.Diagnostics;

// Finds the clone this is run in, builds its command line when any source is newer than the build, and runs it with
// this process's terminal (so progress bars still see a terminal) and arguments; its exit code is ours.
const string Project = "src/Syndication.Cli/Syndication.Cli.csproj";
const string Dll = "src/Syndication.Cli/bin/Release/net10.0/Syndication.Cli.dll";

var root = Root(Environment.CurrentDirectory);
if (root is null)
{
    Console.Error.WriteLine($"syndication: run this inside a Syndication clone (no {Project} above {Environment.CurrentDirectory})");
    return 2;
}
var dll = Path.Combine(root, Dll);
if (Stale(root, dll))
{
    Console.Error.WriteLine("syndication: building src/Syndication.Cli (its sources changed)...");
    var build = Run("dotnet", ["build", Path.Combine(root, Project), "-c", "Release", "--nologo", "-v", "quiet", "-clp:ErrorsOnly"], redirect: true);
    if (build != 0) return build;
    Console.Error.WriteLine("syndication: built");
}
Console.CancelKeyPress += (_, e) => e.Cancel = true; // Ctrl-C reaches the command itself, which stops cleanly.
return Run("dotnet", [dll, .. args], redirect: false);

static string? Root(string from)
{
    for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, Project))) return dir.FullName;
    return null;
}

// Stale when a source of the command or of the library it uses is newer than the built command.
static bool Stale(string root, string dll)
{
    if (!File.Exists(dll)) return true;
    var built = File.GetLastWriteTimeUtc(dll);
    string[] sources = ["src/Syndication", "src/Syndication.Cli"];
    return sources.SelectMany(s => Directory.EnumerateFiles(Path.Combine(root, s), "*", SearchOption.AllDirectories))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
        .Any(f => File.GetLastWriteTimeUtc(f) > built);
}

static int Run(string file, string[] arguments, bool redirect)
{
    var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardOutput = redirect };
    foreach (var a in arguments) start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    var output = redirect ? process.StandardOutput.ReadToEnd() : "";
    process.WaitForExit();
    // A build's output only matters when it failed.
    if (process.ExitCode != 0) Console.Error.Write(output);
    return process.ExitCode;
}
