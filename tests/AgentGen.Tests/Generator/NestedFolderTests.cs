using System.Reflection;
using AgentGen.Model;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static AgentGen.Tests.Analyzers.AgentText;

namespace AgentGen.Tests.Generator;

/// <summary>
/// Agent files found in several folders between the project and the repository root (the package's
/// default items): the closest definition of a name wins, as in Claude Code (v2.1.178+), and paths
/// are shown relative to the repository root.
/// </summary>
public class NestedFolderTests
{
    private const string Root = "/repo/";
    private const string ProjectDir = "/repo/src/App/";
    private const string RootAgents = "/repo/.claude/agents/";
    private const string MiddleAgents = "/repo/src/.claude/agents/";
    private const string ProjectAgents = "/repo/src/App/.claude/agents/";

    [Theory]
    [InlineData("/repo/src/App/.claude/agents/a.md", ProjectDir, 4)]
    [InlineData("/repo/src/App/.claude/agents/deep/er/a.md", ProjectDir, 4)]
    [InlineData("/repo/src/.claude/agents/a.md", ProjectDir, 3)]
    [InlineData("/repo/.claude/agents/a.md", ProjectDir, 2)]
    [InlineData("/repo/.github/agents/a.agent.md", "/repo/src/App", 2)]
    [InlineData("/elsewhere/a.md", ProjectDir, 1)]
    [InlineData("/repo/src/Application/.claude/agents/a.md", ProjectDir, 3)]
    [InlineData("/repo/src/App/../../tools/agents/a.md", ProjectDir, 2)]
    [InlineData("/repo/src/App/./.claude//agents/a.md", "/repo/src/App", 4)]
    [InlineData(@"C:\repo\src\App\.claude\agents\a.md", @"c:\repo\src\App\", 4)]
    [InlineData(@"C:\repo\.claude\agents\a.md", @"c:\repo\src\App\", 2)]
    public void Closeness_is_the_number_of_leading_folders_shared_with_the_project(string path, string projectDir, int expected)
        => Assert.Equal(expected, NestedAgentFolders.SharedFolders(path, projectDir));

    [Fact]
    public void The_closest_definition_of_a_name_is_generated_and_the_farther_ones_are_not()
    {
        GeneratorResult result = Harness()
            .With(RootAgents + "reviewer.md", Agent("reviewer", "tools: Read", "model: opus"))
            .With(MiddleAgents + "reviewer.md", Agent("reviewer", "tools: Read, Grep", "model: haiku"))
            .With(ProjectAgents + "review/reviewer.md", Agent("reviewer", "tools: Read, Grep, Glob", "model: sonnet"))
            .With(RootAgents + "planner.md", Agent("planner", "tools: Read"))
            .Run();

        result.AssertCompilesCleanly();
        Assembly assembly = Emit(result);
        Type reviewer = assembly.GetType("TestProject.Agents.ReviewerAgent", throwOnError: true)!;
        object instance = reviewer.GetProperty("Instance")!.GetValue(null)!;
        Assert.Equal("sonnet", reviewer.GetProperty("Model")!.GetValue(instance));
        Assert.Equal("src/App/.claude/agents/review/reviewer.md", SourceFile(reviewer));

        // An agent defined only at the root is generated too, shown relative to the root.
        Type planner = assembly.GetType("TestProject.Agents.PlannerAgent", throwOnError: true)!;
        Assert.Equal(".claude/agents/planner.md", SourceFile(planner));
    }

    [Fact]
    public void Without_a_repository_root_paths_outside_the_project_keep_their_file_name()
    {
        GeneratorHarness harness = Harness();
        harness.Globals.Remove("build_property.AgentGenRepositoryRoot");
        GeneratorResult result = harness.With(RootAgents + "planner.md", Agent("planner", "tools: Read")).Run();

        result.AssertCompilesCleanly();
        Type planner = Emit(result).GetType("TestProject.Agents.PlannerAgent", throwOnError: true)!;
        Assert.Equal("planner.md", SourceFile(planner));
    }

    [Fact]
    public Task Same_name_at_two_levels_is_no_AGEN006_and_within_one_level_it_is() => VerifyAsync(
        new[]
        {
            (RootAgents + "reviewer.md", Agent("reviewer")),
            (ProjectAgents + "reviewer.md", Lines("---", "name: {|#0:reviewer|}", "description: d", "---")),
            (ProjectAgents + "again/reviewer.md", Lines("---", "name: {|#1:reviewer|}", "description: d", "---")),
            // Two files at the root with one name: both shadowed by nothing, so AGEN006, with the
            // other file named relative to the repository root.
            (RootAgents + "one.md", Lines("---", "name: {|#2:twin|}", "description: d", "---")),
            (RootAgents + "two.md", Lines("---", "name: {|#3:twin|}", "description: d", "---")),
        },
        Diag("AGEN006").WithLocation(0).WithLocation(1).WithArguments("reviewer", "src/App/.claude/agents/again/reviewer.md"),
        Diag("AGEN006").WithLocation(1).WithLocation(0).WithArguments("reviewer", "src/App/.claude/agents/reviewer.md"),
        Diag("AGEN006").WithLocation(2).WithLocation(3).WithArguments("twin", ".claude/agents/two.md"),
        Diag("AGEN006").WithLocation(3).WithLocation(2).WithArguments("twin", ".claude/agents/one.md"));

    [Fact]
    public Task A_shadowed_file_still_gets_its_own_diagnostics() => VerifyAsync(
        new[]
        {
            (RootAgents + "reviewer.md", Agent("reviewer", "tools: Read, {|#0:Reed|}")),
            (ProjectAgents + "reviewer.md", Agent("reviewer", "tools: Read")),
        },
        Diag("AGEN007").WithLocation(0));

    private static DiagnosticResult Diag(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreSeverity);

    private static GeneratorHarness Harness()
    {
        var harness = new GeneratorHarness();
        harness.Globals["build_property.ProjectDir"] = ProjectDir;
        harness.Globals["build_property.AgentGenRepositoryRoot"] = Root;
        return harness;
    }

    private static Assembly Emit(GeneratorResult result)
    {
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return Assembly.Load(stream.ToArray());
    }

    private static string? SourceFile(Type agent)
    {
        object attribute = agent.GetCustomAttributes(inherit: false).Single(a => a.GetType().Name == "AgentDefinitionAttribute");
        return (string?)attribute.GetType().GetProperty("SourceFile")!.GetValue(attribute);
    }

    private static Task VerifyAsync((string Path, string Markup)[] files, params DiagnosticResult[] expected)
    {
        var test = new AgentFileVerifier.Test();
        var config = new System.Text.StringBuilder("is_global = true\nbuild_property.ProjectDir = " + ProjectDir + "\nbuild_property.AgentGenRepositoryRoot = " + Root + "\n");
        foreach ((string path, string markup) in files)
        {
            test.TestState.AdditionalFiles.Add((path, markup));
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.AgentGenKind = Agent\n");
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

internal static class HarnessExtensions
{
    public static GeneratorHarness With(this GeneratorHarness harness, string path, string text)
    {
        harness.Agents.Add((path, text));
        return harness;
    }
}
