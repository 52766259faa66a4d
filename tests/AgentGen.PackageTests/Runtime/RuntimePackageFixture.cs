using System.Xml.Linq;
using AgentGen.PackageTests.Infrastructure;
using Xunit.Sdk;

namespace AgentGen.PackageTests.Runtime;

/// <summary>
/// AgentGen, AgentGen.AI and AgentGen.Agents of this run (<see cref="TestFeed"/>: packed once per run, one feed, one
/// NuGet packages folder for every consumer restore), so a consumer restores exactly these packages. A test class
/// takes it as <c>IClassFixture&lt;RuntimePackageFixture&gt;</c>.
/// </summary>
public sealed class RuntimePackageFixture
{
    public static readonly string[] PackageIds = ["AgentGen", "AgentGen.AI", "AgentGen.Agents"];

    private readonly TestFeed feed = TestFeed.Instance;

    public RuntimePackageFixture()
    {
        foreach (string id in PackageIds)
        {
            Nuspecs[id] = feed.Packages[id].Nuspec;
            Entries[id] = feed.Packages[id].Entries;
        }
    }

    public string RepoRoot => feed.RepoRoot;
    public string TempRoot => feed.TempRoot;
    public string FeedDirectory => feed.FeedDirectory;
    public string PackagesDirectory => feed.PackagesDirectory;
    public string ConsumersDirectory => feed.ConsumersDirectory;
    public Dictionary<string, XDocument> Nuspecs { get; } = new();
    public Dictionary<string, string[]> Entries { get; } = new();

    public string Version(string id)
    {
        XNamespace ns = Nuspecs[id].Root!.Name.Namespace;
        return Nuspecs[id].Root!.Element(ns + "metadata")!.Element(ns + "version")!.Value;
    }

    /// <summary>The dependencies of <paramref name="id"/> per target framework: "tfm: id version [include|exclude]".</summary>
    public IReadOnlyList<string> Dependencies(string id)
    {
        XNamespace ns = Nuspecs[id].Root!.Name.Namespace;
        return Nuspecs[id].Descendants(ns + "dependency")
            .Select(d => $"{d.Parent!.Attribute("targetFramework")?.Value}: {d.Attribute("id")!.Value} {d.Attribute("version")!.Value}"
                + (d.Attribute("include") is { } inc ? " include=" + inc.Value : "")
                + (d.Attribute("exclude") is { } exc ? " exclude=" + exc.Value : ""))
            .ToList();
    }

    public IReadOnlyDictionary<string, string> ConsumerEnvironment => feed.ConsumerEnvironment;

    /// <summary>A new consumer folder with a nuget.config: our three packages only from the temporary feed.</summary>
    public string CreateConsumer(string name)
    {
        string directory = feed.CreateConsumerDirectory(name);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), feed.NuGetConfig(PackageIds));
        return directory;
    }

    /// <summary>
    /// Writes the consumer's project file: a net10.0 console app referencing AgentGen.Agents from the feed, nullable,
    /// warnings as errors; <paramref name="properties"/> and <paramref name="items"/> are added to its groups.
    /// </summary>
    public void WriteConsumerProject(string app, string fileName, string rootNamespace, string properties = "", string items = "")
        => Write(app, fileName, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>{rootNamespace}</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentGen.Agents" Version="{Version("AgentGen.Agents")}" />
                {items}
              </ItemGroup>
            </Project>
            """);

    /// <summary>Builds the consumer in <paramref name="app"/>; a failed build fails the test with its output.</summary>
    public void Build(string app)
    {
        CommandResult build = DotNetCli.Run(app, ["build", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:minimal", "-clp:NoSummary"], ConsumerEnvironment);
        if (build.ExitCode != 0)
        {
            throw new XunitException("Build failed.\n" + build);
        }
    }

    /// <summary>Runs the built consumer with <paramref name="arguments"/>; a failed run fails the test with its output.</summary>
    public CommandResult Run(string app, params string[] arguments)
    {
        CommandResult run = DotNetCli.Run(app, ["run", "--no-build", .. (arguments.Length == 0 ? [] : (string[])["--", .. arguments])], ConsumerEnvironment);
        if (run.ExitCode != 0)
        {
            throw new XunitException("Run failed.\n" + run);
        }

        return run;
    }

    /// <summary>Writes one file of a consumer, with "\n" line endings, creating its folders.</summary>
    public static void Write(string directory, string relativePath, string text)
    {
        string path = Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
    }
}
