using System.IO.Compression;
using System.Xml.Linq;

namespace AgentGen.PackageTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "AgentGen package";
}

/// <summary>
/// Packs src/AgentGen.Package once into a temporary feed and gives every consumer project the
/// same fresh NUGET_PACKAGES folder, so restore happens once and no stale AgentGen copy from the
/// user's global packages folder can be used. Set AGENTGEN_KEEP_TEMP=1 to keep the folder.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    private int consumerCount;

    public PackageFixture()
    {
        RepoRoot = FindRepoRoot();
        (TempRoot, FeedDirectory, PackagesDirectory, ConsumersDirectory) = CreateTempLayout("agentgen-package-tests-");

        try
        {
            // Package validation is incremental: after an earlier Release pack of the same inputs it
            // would be skipped. Remove its marker so this pack runs it (SymbolPackageTests checks that).
            string validationMarker = Path.Combine(RepoRoot, "src", "AgentGen.Package", "obj", "Release", "Microsoft.NET.ApiCompat.ValidatePackage.semaphore");
            if (File.Exists(validationMarker))
            {
                File.Delete(validationMarker); // on a clean clone obj/Release does not exist yet
            }
            PackStartedUtc = DateTime.UtcNow;
            PackResult = Pack(FeedDirectory);
            if (PackResult.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + PackResult);
            }

            string[] packages = Directory.GetFiles(FeedDirectory, "*.nupkg");
            if (packages.Length != 1)
            {
                throw new InvalidOperationException($"expected one .nupkg in {FeedDirectory}, found {packages.Length}:\n" + PackResult);
            }

            PackagePath = packages[0];
            SymbolPackagePath = Path.ChangeExtension(PackagePath, ".snupkg");
            using (ZipArchive zip = ZipFile.OpenRead(PackagePath))
            {
                Entries = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
                ZipArchiveEntry nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
                using Stream stream = nuspec.Open();
                Nuspec = XDocument.Load(stream);
            }

            XNamespace ns = Nuspec.Root!.Name.Namespace;
            Version = Nuspec.Root.Element(ns + "metadata")!.Element(ns + "version")!.Value;
        }
        catch
        {
            Dispose(); // xunit does not dispose a fixture whose constructor threw
            throw;
        }
    }

    public string RepoRoot { get; }
    public string TempRoot { get; }
    public string FeedDirectory { get; }
    public string PackagesDirectory { get; }
    public string ConsumersDirectory { get; }
    public CommandResult PackResult { get; }
    public string PackagePath { get; }

    /// <summary>The symbol package packed beside <see cref="PackagePath"/> (it may be missing: a test checks).</summary>
    public string SymbolPackagePath { get; }

    /// <summary>When the fixture's pack started (UTC): what that pack wrote is not older.</summary>
    public DateTime PackStartedUtc { get; }
    public IReadOnlyList<string> Entries { get; }
    public XDocument Nuspec { get; }
    public string Version { get; }

    /// <summary>Environment of every consumer command: the isolated global packages folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

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
        int n = Interlocked.Increment(ref consumerCount);
        string directory = Path.Combine(ConsumersDirectory, $"{n:D2}-{name}");
        Directory.CreateDirectory(directory);
        var consumer = new ConsumerProject(this, directory, name);
        consumer.WriteFile("nuget.config", NuGetConfig());
        return consumer;
    }

    /// <summary>
    /// The temporary feed plus nuget.org, nothing inherited (&lt;clear/&gt;). Source mapping makes
    /// AgentGen come only from the temporary feed, even if nuget.org has a package of that name.
    /// </summary>
    public string NuGetConfig() => NuGetConfig(FeedDirectory, "AgentGen");

    /// <summary>A nuget.config whose source mapping takes <paramref name="packageIds"/> only from <paramref name="feedDirectory"/>.</summary>
    internal static string NuGetConfig(string feedDirectory, params string[] packageIds)
    {
        string patterns = string.Concat(packageIds.Select(id => $"\n      <package pattern=\"{id}\" />"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="agentgen-under-test" value="{feedDirectory}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
              <packageSourceMapping>
                <clear />
                <packageSource key="agentgen-under-test">{patterns}
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """;
    }

    public void Dispose() => DeleteTempRoot(TempRoot);

    /// <summary>
    /// A fixture's temporary folder: <c>feed</c> (the packed packages), <c>nuget-packages</c> (the
    /// consumers' fresh NUGET_PACKAGES) and <c>consumers</c>, where MSBuild's upward search for
    /// Directory.Build.* and central package files stops: whatever lies above the temp folder is not
    /// the user's project.
    /// </summary>
    internal static (string TempRoot, string Feed, string Packages, string Consumers) CreateTempLayout(string prefix)
    {
        string tempRoot = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        string feed = Path.Combine(tempRoot, "feed");
        string packages = Path.Combine(tempRoot, "nuget-packages");
        string consumers = Path.Combine(tempRoot, "consumers");
        Directory.CreateDirectory(feed);
        Directory.CreateDirectory(packages);
        Directory.CreateDirectory(consumers);
        File.WriteAllText(Path.Combine(consumers, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumers, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(consumers, "Directory.Packages.props"), "<Project />\n");
        return (tempRoot, feed, packages, consumers);
    }

    /// <summary>Removes a fixture's temporary folder, unless AGENTGEN_KEEP_TEMP=1 (best effort).</summary>
    internal static void DeleteTempRoot(string tempRoot)
    {
        if (Environment.GetEnvironmentVariable("AGENTGEN_KEEP_TEMP") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(tempRoot, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a build server or virus scanner may still hold a file
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"AgentGen.sln not found above {AppContext.BaseDirectory}");
    }
}
