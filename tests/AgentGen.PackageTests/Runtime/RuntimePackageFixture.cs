using System.IO.Compression;
using System.Xml.Linq;
using AgentGen.PackageTests.Infrastructure;
using Xunit.Sdk;

namespace AgentGen.PackageTests.Runtime;

[CollectionDefinition(Name)]
public sealed class RuntimePackageCollection : ICollectionFixture<RuntimePackageFixture>
{
    public const string Name = "AgentGen runtime packages";
}

/// <summary>
/// Packs AgentGen, AgentGen.AI and AgentGen.Agents into a temporary feed, with a fresh NUGET_PACKAGES folder,
/// so a consumer restores exactly these packages. AGENTGEN_KEEP_TEMP=1 keeps the folder.
/// </summary>
public sealed class RuntimePackageFixture : IDisposable
{
    public static readonly string[] PackageIds = ["AgentGen", "AgentGen.AI", "AgentGen.Agents"];

    public RuntimePackageFixture()
    {
        RepoRoot = PackageFixture.FindRepoRoot();
        (TempRoot, FeedDirectory, PackagesDirectory, ConsumersDirectory) = PackageFixture.CreateTempLayout("agentgen-runtime-package-tests-");
        try
        {
            foreach (string project in new[] { "AgentGen.Package", "AgentGen.AI", "AgentGen.Agents" })
            {
                CommandResult pack = DotNetCli.Run(RepoRoot, ["pack", Path.Combine("src", project), "-c", "Release", "-o", FeedDirectory, "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:minimal"]);
                if (pack.ExitCode != 0)
                {
                    throw new InvalidOperationException($"dotnet pack {project} failed:\n{pack}");
                }
            }

            foreach (string id in PackageIds)
            {
                string path = Directory.GetFiles(FeedDirectory, id + ".*.nupkg").Single(p => Path.GetFileName(p)[(id.Length + 1)..].Length > 0 && char.IsDigit(Path.GetFileName(p)[id.Length + 1]));
                using ZipArchive zip = ZipFile.OpenRead(path);
                using Stream stream = zip.Entries.Single(e => e.FullName == id + ".nuspec").Open();
                Nuspecs[id] = XDocument.Load(stream);
                Entries[id] = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string RepoRoot { get; }
    public string TempRoot { get; }
    public string FeedDirectory { get; }
    public string PackagesDirectory { get; }
    public string ConsumersDirectory { get; }
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

    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };

    /// <summary>A new consumer folder with a nuget.config: our three packages only from the temporary feed.</summary>
    public string CreateConsumer(string name)
    {
        string directory = Path.Combine(ConsumersDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), PackageFixture.NuGetConfig(FeedDirectory, PackageIds));
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

    public void Dispose() => PackageFixture.DeleteTempRoot(TempRoot);
}
