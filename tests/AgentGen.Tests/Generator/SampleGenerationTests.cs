using System.Collections.Immutable;
using AgentGen.Generator;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentGen.Tests.Generator;

public class SampleGenerationTests
{
    private static GeneratorHarness SampleHarness()
    {
        var harness = new GeneratorHarness();
        foreach (string path in TestFiles.SampleAgents())
        {
            harness.Agent(Path.GetFileName(path), TestFiles.Read(path));
        }

        return harness;
    }

    [Fact]
    public void Sample_agents_generate_code_that_compiles_without_warnings()
    {
        GeneratorResult result = SampleHarness().Run();
        result.AssertCompilesCleanly();
        Assert.Contains("SolutionArchitectAgent.g.cs", result.Sources.Keys);
        Assert.Contains("AgentTool.g.cs", result.Sources.Keys);
        Assert.Contains("AgentCatalog.g.cs", result.Sources.Keys);
        Assert.Contains("DraftReferencePagePayload.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void Sample_main_agent_matches_snapshot()
    {
        GeneratorResult result = SampleHarness().Run();
        Snapshot.Verify("SolutionArchitectAgent", result.Sources["SolutionArchitectAgent.g.cs"]);
        Snapshot.Verify("DraftReferencePagePayload", result.Sources["DraftReferencePagePayload.g.cs"]);
        Snapshot.Verify("AgentCatalog", result.Sources["AgentCatalog.g.cs"]);
        Snapshot.Verify("AgentTool", result.Sources["AgentTool.g.cs"]);
        Snapshot.Verify("DocsWriterAgent", result.Sources["DocsWriterAgent.g.cs"]);
        Snapshot.Verify("ReleaseManagerAgent", result.Sources["ReleaseManagerAgent.g.cs"]);
    }

    [Fact]
    public void Readme_and_other_markdown_files_are_never_agents()
    {
        var harness = new GeneratorHarness();
        harness.OtherAdditionalFiles.Add(("/project/README.md", "---\nname: not-an-agent\ndescription: a readme with frontmatter\n---\n# Readme\n"));
        GeneratorResult result = harness.Run();
        Assert.DoesNotContain(result.Sources.Keys, k => k.Contains("NotAnAgent", StringComparison.Ordinal));
        Assert.DoesNotContain("not-an-agent", result.Sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_CSharp_7_3_project_without_agent_files_gets_no_generated_code_and_compiles()
    {
        // A project that gets the analyzer without agents of its own (a project reference to one
        // that uses AgentGen) must compile as if AgentGen were absent: generated files need C# 9
        // (AGEN000), and such a project may be on C# 7.3. (On C# 9 and later an empty AgentCatalog
        // stays, for AGEN101: CatalogAndToolNameTests.Project_without_agents_says_so.)
        var harness = new GeneratorHarness();
        harness.Sources.Add("namespace App { public class Program { public static int Main() => 0; } }");
        harness.OtherAdditionalFiles.Add(("/project/.claude/skills/notes/SKILL.md", "---\nname: notes\ndescription: Takes notes.\n---\nNotes.\n"));
        CSharpCompilation compilation = harness.CreateCompilation();
        var csharp73 = new CSharpParseOptions(LanguageVersion.CSharp7_3);
        compilation = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(harness.Sources.Select(s => CSharpSyntaxTree.ParseText(s, csharp73)))
            .WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new AgentGenerator().AsSourceGenerator() }, harness.AdditionalTexts(), csharp73, new AgentOptionsProvider(harness.Agents.Select(a => a.Path), harness.Globals))
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        Assert.Empty(driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        // The same project on C# 9 or later without agents gets the empty AgentTool and AgentCatalog;
        // with one agent file, also the agent.
        Assert.Equal(["AgentCatalog.g.cs", "AgentTool.g.cs"], harness.Run().Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
        harness.Agent("helper.md", "---\nname: helper\ndescription: Helps.\n---\nHelp.\n");
        Assert.Equal(["AgentCatalog.g.cs", "AgentTool.g.cs", "HelperAgent.g.cs"], harness.Run().Sources.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }
}
