namespace AgentGen.Tests.Infrastructure;

/// <summary>Agent files under TestData/ and the sample's agents.</summary>
public static class TestFiles
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string RepoRoot
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir is not null && !File.Exists(Path.Combine(dir, "AgentGen.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("AgentGen.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static IEnumerable<string> Agents(string folder) =>
        Directory.GetFiles(Path.Combine(Root, "Agents", folder), "*.md").OrderBy(p => p, StringComparer.Ordinal);

    public static IEnumerable<string> SampleAgents() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "samples", "AgentGen.Sample", ".claude", "agents"), "*.md").OrderBy(p => p, StringComparer.Ordinal);

    /// <summary>Reads a file as the compiler would: decoded text without the BOM.</summary>
    public static string Read(string path) => Microsoft.CodeAnalysis.Text.SourceText.From(File.OpenRead(path)).ToString();
}
