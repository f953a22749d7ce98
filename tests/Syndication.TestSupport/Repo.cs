namespace Syndication.Tests.Support;

/// <summary>Paths in the repository the tests read: samples, the Functions build output, node_modules.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Samples(params string[] parts) => System.IO.Path.Combine([Root, "samples", "articles", .. parts]);

    public const string SampleSlug = "000_11b3e0eb4ad0bcf4";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Syndication.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (Syndication.sln) above " + AppContext.BaseDirectory);
    }
}
