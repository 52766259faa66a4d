using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>
/// AgentGen.&lt;version&gt;.snupkg: one portable PDB per shipped AgentGen assembly, each matching
/// its DLL in the .nupkg and carrying Source Link to the repository at the packed commit; and
/// package validation ran as part of the pack.
/// </summary>
[Trait("Category", "Package")]
public sealed class SymbolPackageTests : IClassFixture<PackageFixture>
{
    // Portable PDB custom debug information kind of the Source Link JSON.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static readonly string[] ShippedAssemblies =
    {
        "analyzers/dotnet/cs/AgentGen.CodeFixes",
        "analyzers/dotnet/cs/AgentGen",
        "lib/net8.0/AgentGen.Abstractions",
        "lib/netstandard2.0/AgentGen.Abstractions",
    };

    private readonly PackageFixture package;

    public SymbolPackageTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Symbol_package_holds_exactly_the_PDBs_of_the_AgentGen_assemblies()
    {
        Assert.True(File.Exists(package.SymbolPackagePath), $"no {Path.GetFileName(package.SymbolPackagePath)} beside the package\n{package.PackResult}");
        using ZipArchive zip = ZipFile.OpenRead(package.SymbolPackagePath);
        string[] pdbs = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".pdb", StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(ShippedAssemblies.Select(a => a + ".pdb").OrderBy(n => n, StringComparer.Ordinal), pdbs);

        XDocument nuspec = ReadNuspec(zip);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        Assert.Equal("SymbolsPackage", nuspec.Descendants(ns + "packageType").Single().Attribute("name")?.Value);

        // The main package carries no PDB: they are downloaded from the symbol server on demand.
        Assert.DoesNotContain(package.Entries, e => e.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_PDB_matches_its_DLL_and_maps_its_sources_to_the_repository_at_the_packed_commit()
    {
        XNamespace ns = package.Nuspec.Root!.Name.Namespace;
        XElement repository = package.Nuspec.Descendants(ns + "repository").Single();
        string commit = repository.Attribute("commit")!.Value;
        string url = repository.Attribute("url")!.Value;
        Assert.StartsWith("https://github.com/", url, StringComparison.Ordinal);
        string expectedTarget = "https://raw.githubusercontent.com/" + url["https://github.com/".Length..] + "/" + commit + "/*";

        using ZipArchive symbols = ZipFile.OpenRead(package.SymbolPackagePath);
        using ZipArchive lib = ZipFile.OpenRead(package.PackagePath);
        foreach (string assembly in ShippedAssemblies)
        {
            using MetadataReaderProvider pdbProvider = MetadataReaderProvider.FromPortablePdbStream(ReadEntry(symbols, assembly + ".pdb"));
            MetadataReader pdb = pdbProvider.GetMetadataReader();

            // The DLL's CodeView record names this very PDB.
            using (var pe = new PEReader(ReadEntry(lib, assembly + ".dll")))
            {
                DebugDirectoryEntry codeView = pe.ReadDebugDirectory().Single(e => e.Type == DebugDirectoryEntryType.CodeView);
                Guid pdbGuid = new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid;
                Assert.Equal(pdbGuid, pe.ReadCodeViewDebugDirectoryData(codeView).Guid);
            }

            // Source Link: every document path /_/... maps to the repository's raw files at the commit.
            string json = SourceLinkJson(pdb) ?? throw new Xunit.Sdk.XunitException($"{assembly}.pdb has no Source Link");
            using JsonDocument sourceLink = JsonDocument.Parse(json);
            Dictionary<string, string> documents = sourceLink.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.Equal(new Dictionary<string, string> { ["/_/*"] = expectedTarget }, documents);

            var embedded = new HashSet<DocumentHandle>(pdb.CustomDebugInformation
                .Select(pdb.GetCustomDebugInformation)
                .Where(c => c.Parent.Kind == HandleKind.Document && pdb.GetGuid(c.Kind) == new Guid("0E8A571B-6926-466E-B4AD-8AB04611F5FE"))
                .Select(c => (DocumentHandle)c.Parent));
            foreach (DocumentHandle handle in pdb.Documents)
            {
                string name = pdb.GetString(pdb.GetDocument(handle).Name);
                Assert.StartsWith("/_/", name, StringComparison.Ordinal);
                if (!embedded.Contains(handle))
                {
                    // Not embedded: the debugger fetches it from the repository, so it must be a file of the repository.
                    string local = Path.Combine(package.RepoRoot, name["/_/".Length..].Replace('/', Path.DirectorySeparatorChar));
                    Assert.True(File.Exists(local), $"{assembly}.pdb names {name}, which is neither embedded nor a file of the repository");
                }
            }
        }
    }

    [Fact]
    public void Package_validation_ran_during_the_pack()
    {
        // EnablePackageValidation (Directory.Build.props) runs the SDK's package validator after
        // the .nupkg is written; it fails the pack on an incompatibility, and touches this file.
        string marker = Path.Combine(package.RepoRoot, "src", "AgentGen.Package", "obj", "Release", "Microsoft.NET.ApiCompat.ValidatePackage.semaphore");
        Assert.True(File.Exists(marker), $"{marker} is missing: package validation did not run\n{package.PackResult}");
        Assert.True(File.GetLastWriteTimeUtc(marker) >= package.PackStartedUtc.AddSeconds(-2), "package validation did not run in the fixture's pack");
    }

    private static XDocument ReadNuspec(ZipArchive zip)
    {
        ZipArchiveEntry entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using Stream stream = entry.Open();
        return XDocument.Load(stream);
    }

    private static MemoryStream ReadEntry(ZipArchive zip, string name)
    {
        ZipArchiveEntry? entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"{name} is missing");
        var buffer = new MemoryStream();
        using (Stream stream = entry!.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static string? SourceLinkJson(MetadataReader pdb)
    {
        foreach (CustomDebugInformationHandle handle in pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            CustomDebugInformation info = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(info.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value));
            }
        }

        return null;
    }
}
