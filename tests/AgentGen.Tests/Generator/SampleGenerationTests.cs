using AgentGen.Tests.Infrastructure;

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
}
