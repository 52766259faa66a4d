using System.Xml.Linq;

namespace AgentGen.PackageTests.Infrastructure;

/// <summary>
/// The AgentGen package of this run (<see cref="TestFeed"/>: packed once per run with the runtime packages, one
/// feed, one NuGet packages folder for every consumer restore). A test class takes it as
/// <c>IClassFixture&lt;PackageFixture&gt;</c>; each class is its own xUnit collection, so classes run in parallel.
/// </summary>
public sealed class PackageFixture
{
    private readonly TestFeed feed = TestFeed.Instance;

    public string RepoRoot => feed.RepoRoot;
    public string TempRoot => feed.TempRoot;
    public string FeedDirectory => feed.FeedDirectory;
    public string PackagesDirectory => feed.PackagesDirectory;
    public string ConsumersDirectory => feed.ConsumersDirectory;
    public CommandResult PackResult => feed.PackResult;
    public string PackagePath => feed.Packages["AgentGen"].Path;

    /// <summary>The symbol package packed beside <see cref="PackagePath"/> (it may be missing: a test checks).</summary>
    public string SymbolPackagePath => Path.ChangeExtension(PackagePath, ".snupkg");

    /// <summary>When the run's pack started (UTC): what that pack wrote is not older.</summary>
    public DateTime PackStartedUtc => feed.PackStartedUtc;
    public IReadOnlyList<string> Entries => feed.Packages["AgentGen"].Entries;
    public XDocument Nuspec => feed.Packages["AgentGen"].Nuspec;
    public string Version => feed.Packages["AgentGen"].Version;

    /// <summary>Environment of every consumer command: the run's NuGet packages folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => feed.ConsumerEnvironment;

    /// <summary>Runs <c>dotnet pack src/AgentGen.Package -c Release -o <paramref name="output"/></c> from the repository root.</summary>
    public CommandResult Pack(string output)
        => DotNetCli.Run(RepoRoot, new[]
        {
            "pack", Path.Combine("src", "AgentGen.Package"), "-c", "Release", "-o", output,
            "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:minimal",
        });

    /// <summary>A new, empty consumer folder with a nuget.config pointing at the temporary feed.</summary>
    public ConsumerProject CreateConsumer(string name)
    {
        var consumer = new ConsumerProject(this, feed.CreateConsumerDirectory(name), name);
        consumer.WriteFile("nuget.config", NuGetConfig());
        return consumer;
    }

    /// <summary>
    /// The temporary feed plus nuget.org, nothing inherited (&lt;clear/&gt;). Source mapping makes
    /// AgentGen come only from the temporary feed, even if nuget.org has a package of that name.
    /// </summary>
    public string NuGetConfig() => feed.NuGetConfig("AgentGen");
}
