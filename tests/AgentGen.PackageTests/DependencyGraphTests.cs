using System.Text.Json;
using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>
/// What a consumer's restore resolves from the AgentGen package, read from the consumer's
/// obj/project.assets.json: each target framework gets the lib/ build it needs and only the
/// dependencies that framework lacks.
/// </summary>
[Trait("Category", "Package")]
public sealed class DependencyGraphTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture package;

    public DependencyGraphTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Net10_consumer_resolves_the_net8_library_and_no_other_package()
    {
        JsonElement target = Restore("graph-net10", "net10.0");
        string agentGen = "AgentGen/" + package.Version;

        // The whole graph is AgentGen itself: System.Text.Json comes with the framework.
        Assert.Equal(new[] { agentGen }, target.EnumerateObject().Select(p => p.Name));
        JsonElement library = target.GetProperty(agentGen);
        Assert.False(library.TryGetProperty("dependencies", out JsonElement dependencies) && dependencies.EnumerateObject().Any(), $"AgentGen brings dependencies to net10.0: {dependencies}");
        Assert.Equal(new[] { "lib/net8.0/AgentGen.Abstractions.dll" }, Assets(library, "compile"));
        Assert.Equal(new[] { "lib/net8.0/AgentGen.Abstractions.dll" }, Assets(library, "runtime"));
    }

    [Fact]
    public void Netstandard2_0_consumer_resolves_the_netstandard_library_and_System_Text_Json()
    {
        JsonElement target = Restore("graph-netstandard", "netstandard2.0");
        string agentGen = "AgentGen/" + package.Version;

        JsonElement library = target.GetProperty(agentGen);
        Dictionary<string, string> dependencies = library.GetProperty("dependencies").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(new Dictionary<string, string> { ["System.Text.Json"] = "8.0.5" }, dependencies);
        Assert.Equal(new[] { "lib/netstandard2.0/AgentGen.Abstractions.dll" }, Assets(library, "compile"));

        string[] packages = target.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("System.Text.Json/8.0.5", packages);

        // Nothing from the analyzer side (YamlDotNet, Roslyn) ever reaches a consumer's graph.
        Assert.DoesNotContain(packages, p => p.StartsWith("YamlDotNet/", StringComparison.Ordinal) || p.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    /// <summary>Restores a fresh library project for one framework and returns its target in project.assets.json.</summary>
    private JsonElement Restore(string name, string targetFramework)
    {
        ConsumerProject consumer = package.CreateConsumer(name).WriteProject(targetFramework, exe: false);
        CommandResult restore = DotNetCli.Run(consumer.Directory, new[] { "restore", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:minimal" }, package.ConsumerEnvironment);
        Assert.True(restore.ExitCode == 0, restore.ToString());

        string assetsPath = Path.Combine(consumer.Directory, "obj", "project.assets.json");
        using JsonDocument assets = JsonDocument.Parse(File.ReadAllText(assetsPath));
        AssertRestoredFromThisRunsFeed(assets);
        JsonElement targets = assets.RootElement.GetProperty("targets");
        // Targets are keyed by the project's framework alias (assets file format 4).
        Assert.Equal(new[] { targetFramework }, targets.EnumerateObject().Select(p => p.Name));
        return targets.GetProperty(targetFramework).Clone();
    }

    /// <summary>
    /// The packages folder shared by the run's consumers (kept between runs) gave this consumer the AgentGen
    /// packed by this run, byte for byte, not a copy of the same version extracted by an earlier run.
    /// </summary>
    private void AssertRestoredFromThisRunsFeed(JsonDocument assets)
    {
        string packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        Assert.Equal(Path.TrimEndingDirectorySeparator(Path.GetFullPath(package.PackagesDirectory)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(packageFolder)));
        string fileName = "agentgen." + package.Version.ToLowerInvariant() + ".nupkg";
        string extracted = Path.Combine(package.PackagesDirectory, "agentgen", package.Version.ToLowerInvariant(), fileName);
        Assert.True(File.Exists(extracted), $"{extracted} is missing after the restore");
        Assert.True(File.ReadAllBytes(package.PackagePath).AsSpan().SequenceEqual(File.ReadAllBytes(extracted)), $"{extracted} is not the package this run packed ({package.PackagePath})");
    }

    private static string[] Assets(JsonElement library, string kind)
        => library.TryGetProperty(kind, out JsonElement assets)
            ? assets.EnumerateObject().Select(p => p.Name).Where(n => !n.EndsWith("/_._", StringComparison.Ordinal)).ToArray()
            : Array.Empty<string>();
}
