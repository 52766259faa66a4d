using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>What is inside AgentGen.&lt;version&gt;.nupkg (contract §1) and how it is described.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture package;

    public PackageLayoutTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Package_is_named_after_its_id_and_version()
    {
        Assert.Equal($"AgentGen.{package.Version}.nupkg", Path.GetFileName(package.PackagePath));
    }

    [Fact]
    public void Package_has_exactly_the_contract_layout()
    {
        string[] expected =
        {
            "AgentGen.nuspec",
            "README.md",
            "analyzers/dotnet/cs/AgentGen.CodeFixes.dll",
            "analyzers/dotnet/cs/AgentGen.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/AgentGen.props",
            "build/AgentGen.targets",
            "buildTransitive/AgentGen.props",
            "buildTransitive/AgentGen.targets",
            "lib/netstandard2.0/AgentGen.Abstractions.dll",
            "lib/netstandard2.0/AgentGen.Abstractions.xml",
        };

        // Packaging metadata NuGet always writes (Open Packaging Conventions).
        string[] content = package.Entries
            .Where(e => e != "[Content_Types].xml" && e != "_rels/.rels" && !e.StartsWith("package/services/metadata/", StringComparison.Ordinal))
            .ToArray();

        Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), content);
    }

    [Fact]
    public void Build_files_are_the_ones_in_the_repository_and_identical_in_build_and_buildTransitive()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        foreach (string file in new[] { "AgentGen.props", "AgentGen.targets" })
        {
            string source = File.ReadAllText(Path.Combine(package.RepoRoot, "src", "AgentGen.Package", "build", file)).ReplaceLineEndings("\n");
            Assert.Equal(source, ReadText(zip, "build/" + file).ReplaceLineEndings("\n"));
            Assert.Equal(source, ReadText(zip, "buildTransitive/" + file).ReplaceLineEndings("\n"));
        }

        string readme = ReadText(zip, "README.md");
        Assert.StartsWith("# AgentGen", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet add package AgentGen", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Nuspec_metadata_describes_the_package()
    {
        XElement metadata = Metadata();
        XNamespace ns = metadata.Name.Namespace;

        Assert.Equal("AgentGen", metadata.Element(ns + "id")?.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")?.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+", package.Version);

        string description = metadata.Element(ns + "description")?.Value ?? "";
        Assert.Contains("source generator", description, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".claude/agents", description, StringComparison.Ordinal);

        string[] tags = (metadata.Element(ns + "tags")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("source-generator", tags);
        Assert.Contains("analyzer", tags);
        Assert.Contains("claude", tags);

        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);

        XElement? license = metadata.Element(ns + "license");
        Assert.NotNull(license);
        Assert.Equal("expression", license!.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);

        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "authors")?.Value));
        Assert.StartsWith("https://", metadata.Element(ns + "repository")?.Attribute("url")?.Value ?? "", StringComparison.Ordinal);
        Assert.StartsWith("https://", metadata.Element(ns + "projectUrl")?.Value ?? "", StringComparison.Ordinal);

        // Abstractions is a runtime dependency of the user's program: the package must flow to
        // consumers of the user's project, so it is not a development dependency.
        string? developmentDependency = metadata.Element(ns + "developmentDependency")?.Value;
        Assert.True(developmentDependency is null || developmentDependency == "false", $"developmentDependency = {developmentDependency}");
    }

    [Fact]
    public void Nuspec_depends_only_on_System_Text_Json_and_never_on_the_analyzer_dependencies()
    {
        XElement metadata = Metadata();
        XNamespace ns = metadata.Name.Namespace;
        XElement[] dependencies = metadata.Descendants(ns + "dependency").ToArray();
        string[] ids = dependencies.Select(d => d.Attribute("id")!.Value).ToArray();

        Assert.DoesNotContain(ids, id => id.StartsWith("YamlDotNet", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ids, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(ids, id => id.StartsWith("PolySharp", StringComparison.OrdinalIgnoreCase));

        // Abstractions (netstandard2.0) needs System.Text.Json for its [JsonPropertyName] attributes.
        Assert.Equal(new[] { "System.Text.Json" }, ids);
        XElement group = dependencies[0].Parent!;
        Assert.Equal(".NETStandard2.0", group.Attribute("targetFramework")?.Value);
    }

    [Fact]
    public void Analyzer_assembly_targets_Roslyn_4_8_without_Workspaces_and_ships_the_YamlDotNet_it_was_built_against()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        Dictionary<string, Version> generatorRefs = AssemblyReferences(zip, "analyzers/dotnet/cs/AgentGen.dll");

        Assert.DoesNotContain("Microsoft.CodeAnalysis.Workspaces", generatorRefs.Keys);
        Assert.DoesNotContain("Microsoft.CodeAnalysis.CSharp.Workspaces", generatorRefs.Keys);
        Assert.Contains("Microsoft.CodeAnalysis", generatorRefs.Keys);
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", generatorRefs.Keys);

        Assert.True(generatorRefs.TryGetValue("YamlDotNet", out Version? yamlReference), "AgentGen.dll does not reference YamlDotNet");
        Assert.Equal(yamlReference, AssemblyVersion(zip, "analyzers/dotnet/cs/YamlDotNet.dll"));

        // Roslyn 4.8 at most, for the generator and the code fixes (which may use Workspaces: that
        // is why they live in their own assembly), so older compilers (VS 17.8, SDK 8.0.1xx) load them.
        Dictionary<string, Version> fixRefs = AssemblyReferences(zip, "analyzers/dotnet/cs/AgentGen.CodeFixes.dll");
        foreach ((string name, Version version) in generatorRefs.Concat(fixRefs))
        {
            if (name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            {
                Assert.True(version <= new Version(4, 8, 0, 0), $"{name} {version} is newer than Roslyn 4.8");
            }
        }
    }

    [Fact]
    public void Runtime_library_is_netstandard2_0_and_independent_of_the_compiler()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        Dictionary<string, Version> refs = AssemblyReferences(zip, "lib/netstandard2.0/AgentGen.Abstractions.dll");
        Assert.Contains("netstandard", refs.Keys);
        Assert.DoesNotContain(refs.Keys, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || r == "YamlDotNet");
    }

    [Fact]
    public void Packing_again_gives_identical_bytes_and_no_local_paths()
    {
        // Packed again: byte-identical package (entry timestamps come from the last commit, not the
        // clock; no random part names) ...
        // Note: a *clean* rebuild of the assemblies is not yet bit-identical, because PolySharp 1.16
        // adds its polyfill files to the compilation in a different order in each compiler process.
        string secondFeed = Path.Combine(package.TempRoot, "feed-again");
        CommandResult again = package.Pack(secondFeed);
        Assert.True(again.ExitCode == 0, again.ToString());
        string secondPackage = Path.Combine(secondFeed, Path.GetFileName(package.PackagePath));
        Assert.True(File.ReadAllBytes(package.PackagePath).AsSpan().SequenceEqual(File.ReadAllBytes(secondPackage)),
            "packing the same sources twice gave different bytes");

        // ... and nothing in it depends on where the repository is checked out.
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        byte[] repoPath = Encoding.UTF8.GetBytes(package.RepoRoot.TrimEnd(Path.DirectorySeparatorChar));
        foreach (ZipArchiveEntry entry in zip.Entries)
        {
            using var buffer = new MemoryStream();
            using (Stream stream = entry.Open())
            {
                stream.CopyTo(buffer);
            }

            Assert.False(buffer.ToArray().AsSpan().IndexOf(repoPath) >= 0, $"{entry.FullName} contains the local path {package.RepoRoot}");
        }
    }

    private XElement Metadata()
    {
        XNamespace ns = package.Nuspec.Root!.Name.Namespace;
        return package.Nuspec.Root.Element(ns + "metadata")!;
    }

    private static string ReadText(ZipArchive zip, string entry)
    {
        ZipArchiveEntry? e = zip.GetEntry(entry);
        Assert.True(e is not null, $"{entry} is missing from the package");
        using var reader = new StreamReader(e!.Open());
        return reader.ReadToEnd();
    }

    private static PEReader OpenAssembly(ZipArchive zip, string entry)
    {
        ZipArchiveEntry? e = zip.GetEntry(entry);
        Assert.True(e is not null, $"{entry} is missing from the package");
        var buffer = new MemoryStream();
        using (Stream stream = e!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return new PEReader(buffer);
    }

    private static Dictionary<string, Version> AssemblyReferences(ZipArchive zip, string entry)
    {
        using PEReader pe = OpenAssembly(zip, entry);
        MetadataReader md = pe.GetMetadataReader();
        var result = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (AssemblyReferenceHandle handle in md.AssemblyReferences)
        {
            AssemblyReference reference = md.GetAssemblyReference(handle);
            result[md.GetString(reference.Name)] = reference.Version;
        }

        return result;
    }

    private static Version AssemblyVersion(ZipArchive zip, string entry)
    {
        using PEReader pe = OpenAssembly(zip, entry);
        return pe.GetMetadataReader().GetAssemblyDefinition().Version;
    }
}
