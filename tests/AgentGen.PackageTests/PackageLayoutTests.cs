using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>What is inside AgentGen.&lt;version&gt;.nupkg (contract §1) and how it is described.</summary>
[Trait("Category", "Package")]
public sealed class PackageLayoutTests : IClassFixture<PackageFixture>
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
            "icon.png",
            "analyzers/dotnet/cs/AgentGen.CodeFixes.dll",
            "analyzers/dotnet/cs/AgentGen.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "build/AgentGen.props",
            "build/AgentGen.targets",
            "buildTransitive/AgentGen.props",
            "buildTransitive/AgentGen.targets",
            "lib/net8.0/AgentGen.Abstractions.dll",
            "lib/net8.0/AgentGen.Abstractions.xml",
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
            // The packed targets carry the rule pages' address (AGEN023's help link) in place of the
            // token the source copy holds; nothing else differs.
            string source = File.ReadAllText(Path.Combine(package.RepoRoot, "src", "AgentGen.Package", "build", file)).ReplaceLineEndings("\n")
                .Replace("@AGENTGEN_HELP_LINK_BASE@", RuleHelpLinkBase(), StringComparison.Ordinal);
            Assert.Equal(source, ReadText(zip, "build/" + file).ReplaceLineEndings("\n"));
            Assert.Equal(source, ReadText(zip, "buildTransitive/" + file).ReplaceLineEndings("\n"));
        }

        string readme = ReadText(zip, "README.md");
        Assert.StartsWith("# AgentGen", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet add package AgentGen", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void The_packed_targets_link_AGEN023_to_its_rule_page_under_the_repository_address()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        string targets = ReadText(zip, "build/AgentGen.targets");
        Assert.DoesNotContain("@AGENTGEN_HELP_LINK_BASE@", targets, StringComparison.Ordinal);
        Assert.Contains("<_AgentGenHelpLinkBase>" + RuleHelpLinkBase() + "</_AgentGenHelpLinkBase>", targets, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(package.RepoRoot, "docs", "rules", "AGEN023.md")));
    }

    /// <summary>AgentGenRepositoryUrl/blob/AgentGenRepositoryBranch/docs/rules/, read from Directory.Build.props.</summary>
    private string RuleHelpLinkBase()
    {
        XElement props = XElement.Load(Path.Combine(package.RepoRoot, "Directory.Build.props"));
        string Property(string name) => props.Descendants(name).Single().Value.Trim();
        return Property("AgentGenRepositoryUrl") + "/blob/" + Property("AgentGenRepositoryBranch") + "/docs/rules/";
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

        Assert.Equal("AgentGen contributors", metadata.Element(ns + "authors")?.Value);
        Assert.Equal("Copyright (c) AgentGen contributors", metadata.Element(ns + "copyright")?.Value);

        // projectUrl and repository come from the one address in Directory.Build.props; the
        // repository element also records the commit the package was built from (Source Link).
        string address = RepositoryProperty("AgentGenRepositoryUrl");
        Assert.StartsWith("https://", address, StringComparison.Ordinal);
        Assert.Equal(address, metadata.Element(ns + "projectUrl")?.Value);
        XElement? repository = metadata.Element(ns + "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.Equal(address, repository?.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository?.Attribute("commit")?.Value ?? "");

        Assert.Equal("icon.png", metadata.Element(ns + "icon")?.Value);

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

        // One group per lib/ folder: netstandard2.0 needs System.Text.Json for Abstractions'
        // [JsonPropertyName] attributes; net8.0 and later frameworks include it, so nothing there.
        Dictionary<string, string[]> groups = metadata.Descendants(ns + "group").ToDictionary(
            g => g.Attribute("targetFramework")!.Value,
            g => g.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value + " " + d.Attribute("version")!.Value).ToArray());
        Assert.Equal(new[] { ".NETStandard2.0", "net8.0" }, groups.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new[] { "System.Text.Json 8.0.5" }, groups[".NETStandard2.0"]);
        Assert.Empty(groups["net8.0"]);
    }

    [Fact]
    public void Release_notes_are_this_versions_section_of_the_changelog()
    {
        XElement metadata = Metadata();
        XNamespace ns = metadata.Name.Namespace;
        string notes = (metadata.Element(ns + "releaseNotes")?.Value ?? "").ReplaceLineEndings("\n");

        string changelog = File.ReadAllText(Path.Combine(package.RepoRoot, "CHANGELOG.md")).ReplaceLineEndings("\n");
        string heading = $"## [{package.Version}]";
        int start = changelog.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"CHANGELOG.md has no '{heading}' section");
        start = changelog.IndexOf('\n', start) + 1;
        int end = changelog.IndexOf("\n## ", start, StringComparison.Ordinal);
        string section = (end < 0 ? changelog[start..] : changelog[start..end]).Trim();

        Assert.StartsWith(section, notes, StringComparison.Ordinal);
        Assert.EndsWith("Full changelog: " + RepositoryProperty("AgentGenRepositoryUrl") + "/blob/main/CHANGELOG.md", notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Icon_is_a_small_png()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        ZipArchiveEntry? icon = zip.GetEntry("icon.png");
        Assert.NotNull(icon);
        using var buffer = new MemoryStream();
        using (Stream stream = icon!.Open())
        {
            stream.CopyTo(buffer);
        }

        byte[] bytes = buffer.ToArray();
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }), "icon.png is not a PNG");
        Assert.True(bytes.Length < 20 * 1024, $"icon.png is {bytes.Length} bytes");
        Assert.Equal(File.ReadAllBytes(Path.Combine(package.RepoRoot, "docs", "images", "icon.png")), bytes);
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
    public void Runtime_library_is_netstandard2_0_and_net8_0_and_independent_of_the_compiler()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.PackagePath);
        Dictionary<string, Version> refs = AssemblyReferences(zip, "lib/netstandard2.0/AgentGen.Abstractions.dll");
        Assert.Contains("netstandard", refs.Keys);
        Assert.DoesNotContain(refs.Keys, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || r == "YamlDotNet");

        Dictionary<string, Version> net8Refs = AssemblyReferences(zip, "lib/net8.0/AgentGen.Abstractions.dll");
        Assert.Contains("System.Runtime", net8Refs.Keys);
        Assert.Equal(8, net8Refs["System.Runtime"].Major);
        Assert.DoesNotContain(net8Refs.Keys, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || r == "YamlDotNet" || r == "netstandard");

        // The same public surface for both frameworks (package validation checks it too).
        Assert.Equal(AssemblyVersion(zip, "lib/netstandard2.0/AgentGen.Abstractions.dll"), AssemblyVersion(zip, "lib/net8.0/AgentGen.Abstractions.dll"));
    }

    [Fact]
    public void Packing_again_gives_identical_bytes_and_no_local_paths()
    {
        // Packed again: byte-identical package (entry timestamps come from the last commit, not the
        // clock; no random part names) ...
        string secondFeed = Path.Combine(package.TempRoot, "feed-again");
        CommandResult again = package.Pack(secondFeed);
        Assert.True(again.ExitCode == 0, again.ToString());
        foreach (string first in new[] { package.PackagePath, package.SymbolPackagePath })
        {
            string second = Path.Combine(secondFeed, Path.GetFileName(first));
            Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)),
                $"packing the same sources twice gave different bytes for {Path.GetFileName(first)}");
        }

        // ... and nothing in them (PDBs included) depends on where the repository is checked out.
        byte[] repoPath = Encoding.UTF8.GetBytes(package.RepoRoot.TrimEnd(Path.DirectorySeparatorChar));
        foreach (string path in new[] { package.PackagePath, package.SymbolPackagePath })
        {
            using ZipArchive zip = ZipFile.OpenRead(path);
            foreach (ZipArchiveEntry entry in zip.Entries)
            {
                using var buffer = new MemoryStream();
                using (Stream stream = entry.Open())
                {
                    stream.CopyTo(buffer);
                }

                Assert.False(buffer.ToArray().AsSpan().IndexOf(repoPath) >= 0, $"{Path.GetFileName(path)}: {entry.FullName} contains the local path {package.RepoRoot}");
            }
        }
    }

    /// <summary>A property as Directory.Build.props sets it (the one place for shared metadata).</summary>
    private string RepositoryProperty(string name)
    {
        XElement props = XDocument.Load(Path.Combine(package.RepoRoot, "Directory.Build.props")).Root!;
        XElement? element = props.Descendants(name).FirstOrDefault();
        Assert.True(element is not null, $"Directory.Build.props does not set {name}");
        return element!.Value.Trim();
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
