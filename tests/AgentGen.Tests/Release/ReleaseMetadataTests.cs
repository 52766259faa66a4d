using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AgentGen.Diagnostics;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Release;

/// <summary>
/// The repository address lives in one place (AgentGenRepositoryUrl in Directory.Build.props), and
/// what is built from it, the rule help links, points at pages that exist in the repository.
/// LICENSE and CHANGELOG.md agree with the package metadata and the analyzer release files.
/// </summary>
public sealed class ReleaseMetadataTests
{
    private static readonly XElement Props = XDocument.Load(Path.Combine(TestFiles.RepoRoot, "Directory.Build.props")).Root!;

    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        // AGEN021 and AGEN099 have a compilation-end twin (Descriptors.ForCompilationEnd): one row per id.
        foreach (string id in AllDescriptors().Select(d => d.Id).Distinct())
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void Repository_address_is_declared_once_and_the_package_urls_are_built_from_it()
    {
        string address = Property("AgentGenRepositoryUrl");
        Assert.Matches(@"^https://[^\s/]+/[^\s/]+/[^\s/]+$", address);
        Assert.Equal("$(AgentGenRepositoryUrl)", Property("RepositoryUrl"));
        Assert.Equal("$(AgentGenRepositoryUrl)", Property("PackageProjectUrl"));

        // No other file under src/ spells the address out: it reaches the code through MSBuild.
        foreach (string file in Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, "src"), "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(TestFiles.RepoRoot, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }

            Assert.False(File.ReadAllText(file).Contains(address, StringComparison.OrdinalIgnoreCase), $"{relative} repeats the repository address; use $(AgentGenRepositoryUrl)");
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Help_link_is_the_rule_page_under_the_repository_address_and_the_page_exists(string id)
    {
        string expected = Property("AgentGenRepositoryUrl") + "/blob/" + Property("AgentGenRepositoryBranch") + "/docs/rules/" + id + ".md";
        Assert.All(AllDescriptors().Where(d => d.Id == id), descriptor => Assert.Equal(expected, descriptor.HelpLinkUri));
        Assert.True(File.Exists(Path.Combine(TestFiles.RepoRoot, "docs", "rules", id + ".md")), $"docs/rules/{id}.md does not exist");
    }

    [Fact]
    public void Every_rule_has_a_descriptor_with_a_help_link()
    {
        // Guards the theory above against an empty list.
        Assert.True(AllDescriptors().Count >= 20, $"found only {AllDescriptors().Count} descriptors");
    }

    [Fact]
    public void License_file_is_the_MIT_licence_the_packages_declare()
    {
        Assert.Equal("MIT", Property("PackageLicenseExpression"));
        string license = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "LICENSE"));
        Assert.StartsWith("MIT License", license, StringComparison.Ordinal);
        Assert.Contains("Copyright (c) " + Property("Authors"), license, StringComparison.Ordinal);
        Assert.Equal("Copyright (c) " + Property("Authors"), Property("Copyright"));
    }

    [Fact]
    public void Changelog_has_a_section_for_the_current_version_and_names_every_released_rule()
    {
        string changelog = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, "CHANGELOG.md"));
        string version = Property("Version");
        Assert.Matches(new Regex(@"^## \[" + Regex.Escape(version) + @"\]", RegexOptions.Multiline), changelog);

        string[] releaseFiles =
        {
            Path.Combine(TestFiles.RepoRoot, "src", "AgentGen", "AnalyzerReleases.Shipped.md"),
            Path.Combine(TestFiles.RepoRoot, "src", "AgentGen", "AnalyzerReleases.Unshipped.md"),
        };
        string[] ids = releaseFiles
            .SelectMany(File.ReadAllLines)
            .Select(line => Regex.Match(line, @"^(AGEN\d{3})\s*\|"))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .ToArray();

        Assert.NotEmpty(ids);
        foreach (string id in ids)
        {
            Assert.True(changelog.Contains(id, StringComparison.Ordinal), $"{id} is in AnalyzerReleases.*.md but not in CHANGELOG.md");
        }
    }

    [Fact]
    public void Packable_projects_inherit_the_shared_metadata_and_describe_themselves()
    {
        // Shared metadata lives in Directory.Build.props/targets only; a packable project that set
        // its own licence, authors or URLs would publish something else than the rest.
        string[] shared = { "Authors", "Copyright", "PackageLicenseExpression", "PackageLicenseFile", "RepositoryUrl", "PackageProjectUrl", "PackageIcon", "Version" };
        string[] packable = Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, "src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => XDocument.Load(p).Descendants("IsPackable").Any(e => e.Value.Trim() == "true"))
            .ToArray();

        Assert.Contains(packable, p => Path.GetFileName(p) == "AgentGen.Package.csproj");
        foreach (string project in packable)
        {
            XDocument doc = XDocument.Load(project);
            string name = Path.GetFileName(project);
            foreach (string property in shared)
            {
                Assert.False(doc.Descendants(property).Any(), $"{name} sets {property}; it comes from Directory.Build.props");
            }

            Assert.False(string.IsNullOrWhiteSpace(doc.Descendants("Description").FirstOrDefault()?.Value), $"{name} has no Description");
        }
    }

    private static string Property(string name)
    {
        XElement? element = Props.Descendants(name).FirstOrDefault();
        Assert.True(element is not null, $"Directory.Build.props does not set {name}");
        return element!.Value.Trim();
    }

    private static IReadOnlyList<DiagnosticDescriptor> AllDescriptors()
        => typeof(Descriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}
