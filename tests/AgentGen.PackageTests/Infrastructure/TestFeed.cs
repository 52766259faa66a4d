using System.IO.Compression;
using System.Xml.Linq;

namespace AgentGen.PackageTests.Infrastructure;

/// <summary>
/// What every package test of one run shares: the packages of src/ packed once, by one <c>dotnet pack</c> of a
/// generated traversal project, into one temporary feed; one consumers folder; and one NuGet packages folder
/// (NUGET_PACKAGES) for every consumer restore of the run.
/// <para>
/// The packages folder is kept between runs (<c>artifacts/package-tests/nuget-packages</c> in the repository, which
/// git ignores), so the external packages (NETStandard.Library, System.Text.Json, Microsoft.Extensions.AI, ...) are
/// downloaded and extracted by the first restore that needs them and come from that folder afterwards: NuGet takes an
/// exact version it finds there without asking a source. The packages packed here are never served stale: their
/// version does not change between commits (0.1.0), so before the first consumer restore of a run their folders are
/// deleted, and the run's restores extract them again from this run's feed.
/// </para>
/// The temporary folder goes at the end of the run or, when the test host is stopped before, at the start of the
/// next run. Set AGENTGEN_KEEP_TEMP=1 to keep it; AGENTGEN_PACKAGE_TESTS_PACKAGES=&lt;dir&gt; to use another
/// packages folder (a fresh one gives a fully fresh restore).
/// </summary>
public sealed class TestFeed
{
    /// <summary>The packable projects of src/, packed for every run (their package ids are read from the packages).</summary>
    public static readonly string[] PackedProjects = ["AgentGen.Package", "AgentGen.AI", "AgentGen.Agents"];

    private const string TempPrefix = "agentgen-package-tests-";
    private const string InUseFile = ".in-use";
    private const string KeepFile = ".keep";
    private static readonly Lazy<TestFeed> Shared = new(() => new TestFeed(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly FileStream inUse;
    private int consumerCount;

    private TestFeed()
    {
        RepoRoot = FindRepoRoot();
        DeleteFoldersOfEndedRuns();
        TempRoot = Path.Combine(Path.GetTempPath(), TempPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(TempRoot);
        // Held until this process ends (the test host is stopped without running exit handlers): a later run
        // deletes the folder once nobody holds it.
        inUse = new FileStream(Path.Combine(TempRoot, InUseFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        if (Environment.GetEnvironmentVariable("AGENTGEN_KEEP_TEMP") == "1")
        {
            File.WriteAllText(Path.Combine(TempRoot, KeepFile), "AGENTGEN_KEEP_TEMP=1\n");
        }

        FeedDirectory = Path.Combine(TempRoot, "feed");
        ConsumersDirectory = Path.Combine(TempRoot, "consumers");
        PackagesDirectory = Environment.GetEnvironmentVariable("AGENTGEN_PACKAGE_TESTS_PACKAGES") is { Length: > 0 } packages
            ? Path.GetFullPath(packages)
            : Path.Combine(RepoRoot, "artifacts", "package-tests", "nuget-packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(ConsumersDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        // MSBuild's upward search for Directory.Build.* and central package files stops here: whatever lies above
        // the temporary folder is not the user's project.
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(ConsumersDirectory, "Directory.Packages.props"), "<Project />\n");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            inUse.Dispose();
            DeleteTempRoot(TempRoot);
        };

        // Package validation is incremental: after an earlier Release pack of the same inputs it would be skipped.
        // Remove its marker so this pack runs it (SymbolPackageTests checks that).
        string validationMarker = Path.Combine(RepoRoot, "src", "AgentGen.Package", "obj", "Release", "Microsoft.NET.ApiCompat.ValidatePackage.semaphore");
        if (File.Exists(validationMarker))
        {
            File.Delete(validationMarker); // on a clean clone obj/Release does not exist yet
        }

        PackStartedUtc = DateTime.UtcNow;
        PackResult = PackAll();
        if (PackResult.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + PackResult);
        }

        foreach (string path in Directory.GetFiles(FeedDirectory, "*.nupkg"))
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            XDocument nuspec;
            using (Stream stream = nuspecEntry.Open())
            {
                nuspec = XDocument.Load(stream);
            }

            XNamespace ns = nuspec.Root!.Name.Namespace;
            string id = nuspec.Root.Element(ns + "metadata")!.Element(ns + "id")!.Value;
            Packages.Add(id, new PackedPackage(id, path, nuspec, zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray()));
        }

        if (Packages.Count != PackedProjects.Length)
        {
            throw new InvalidOperationException($"expected {PackedProjects.Length} packages in {FeedDirectory}, found {string.Join(", ", Packages.Keys)}:\n" + PackResult);
        }

        // This run's packages are extracted from this run's feed, never taken from an earlier run (ids are lower case there).
        foreach (string id in Packages.Keys)
        {
            string extracted = Path.Combine(PackagesDirectory, id.ToLowerInvariant());
            if (Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }
    }

    /// <summary>The run's feed, packed on first use; a failed pack fails every package test with its log.</summary>
    public static TestFeed Instance => Shared.Value;

    public string RepoRoot { get; }
    public string TempRoot { get; }
    public string FeedDirectory { get; }
    public string PackagesDirectory { get; }
    public string ConsumersDirectory { get; }
    public CommandResult PackResult { get; }

    /// <summary>When the pack started (UTC): what that pack wrote is not older.</summary>
    public DateTime PackStartedUtc { get; }

    /// <summary>The packed packages by id: AgentGen, AgentGen.AI, AgentGen.Agents.</summary>
    public Dictionary<string, PackedPackage> Packages { get; } = new(StringComparer.Ordinal);

    /// <summary>Environment of every consumer command: the run's NuGet packages folder.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    /// <summary>A new, empty consumer folder, unique in this run (numbered in creation order).</summary>
    public string CreateConsumerDirectory(string name)
    {
        int n = Interlocked.Increment(ref consumerCount);
        string directory = Path.Combine(ConsumersDirectory, $"{n:D2}-{name}");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>
    /// A nuget.config with the temporary feed and nuget.org, nothing inherited (&lt;clear/&gt;). Source mapping makes
    /// <paramref name="packageIds"/> come only from the temporary feed, even if nuget.org has packages of those names.
    /// </summary>
    public string NuGetConfig(params string[] packageIds)
    {
        string patterns = string.Concat(packageIds.Select(id => $"\n      <package pattern=\"{id}\" />"));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="agentgen-under-test" value="{FeedDirectory}" />
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

    /// <summary>
    /// Packs the projects of <see cref="PackedProjects"/> in Release into the feed with one MSBuild run (-m): the
    /// projects they share (AgentGen.Abstractions, AgentGen.Package) are built once. Same targets as
    /// <c>dotnet pack</c> of each project: restore, then Pack.
    /// </summary>
    private CommandResult PackAll()
    {
        string projects = string.Join(";", PackedProjects.Select(p => Path.Combine(RepoRoot, "src", p, p + ".csproj")));
        string traversal = Path.Combine(TempRoot, "pack.proj");
        File.WriteAllText(traversal, $"""
            <Project>
              <ItemGroup>
                <PackedProject Include="{projects}" />
              </ItemGroup>
              <Target Name="Restore">
                <MSBuild Projects="@(PackedProject)" Targets="Restore" />
              </Target>
              <Target Name="Pack">
                <MSBuild Projects="@(PackedProject)" Targets="Pack" BuildInParallel="true" />
              </Target>
            </Project>
            """);
        return DotNetCli.Run(RepoRoot, new[]
        {
            "msbuild", traversal, "-restore", "-t:Pack", "-p:Configuration=Release", "-p:PackageOutputPath=" + FeedDirectory + Path.DirectorySeparatorChar,
            "-m", "-nodeReuse:false", "-tl:off", "-v:minimal", "-nologo",
        });
    }

    /// <summary>
    /// Deletes the temporary folders of runs that have ended: their <c>.in-use</c> file is no longer held (an
    /// exclusive lock ends with its process, however it ends). Folders kept with AGENTGEN_KEEP_TEMP=1 stay; a folder
    /// without the file is a run being set up, or an hour old.
    /// </summary>
    private static void DeleteFoldersOfEndedRuns()
    {
        foreach (string folder in Directory.GetDirectories(Path.GetTempPath(), TempPrefix + "*"))
        {
            string inUseFile = Path.Combine(folder, InUseFile);
            if (File.Exists(Path.Combine(folder, KeepFile))
                || (!File.Exists(inUseFile) && Directory.GetCreationTimeUtc(folder) > DateTime.UtcNow.AddHours(-1)))
            {
                continue;
            }

            try
            {
                if (File.Exists(inUseFile))
                {
                    using var probe = new FileStream(inUseFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
            }
            catch (IOException)
            {
                continue; // a live run holds it
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            DeleteTempRoot(folder);
        }
    }

    /// <summary>Removes a temporary folder, unless AGENTGEN_KEEP_TEMP=1 (best effort).</summary>
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

/// <summary>One packed package: its id, .nupkg path, nuspec and sorted entry names.</summary>
public sealed record PackedPackage(string Id, string Path, XDocument Nuspec, string[] Entries)
{
    public string Version
    {
        get
        {
            XNamespace ns = Nuspec.Root!.Name.Namespace;
            return Nuspec.Root.Element(ns + "metadata")!.Element(ns + "version")!.Value;
        }
    }
}
