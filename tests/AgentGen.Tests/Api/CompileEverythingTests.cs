using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

public class CompileEverythingTests
{
    [Fact]
    public void Every_sample_and_valid_test_file_together_compiles_without_warnings()
    {
        var harness = new GeneratorHarness();
        foreach (string path in TestFiles.SampleAgents().Concat(TestFiles.Agents("valid")))
        {
            harness.Agent(Path.GetFileName(path), TestFiles.Read(path));
        }

        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Assert.True(result.Sources.Count > 20);
    }

    [Fact]
    public void Invalid_test_files_never_break_the_build()
    {
        var harness = new GeneratorHarness();
        foreach (string path in TestFiles.Agents("invalid").Concat(TestFiles.Agents("valid")))
        {
            harness.Agent(Path.GetFileName(path), TestFiles.Read(path));
        }

        harness.Run().AssertCompilesCleanly();
    }

    [Fact]
    public void Without_System_Text_Json_records_have_no_json_attributes_and_still_compile()
    {
        var harness = new GeneratorHarness { References = TestReferences.WithoutJson };
        foreach (string path in TestFiles.SampleAgents())
        {
            harness.Agent(Path.GetFileName(path), TestFiles.Read(path));
        }

        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Assert.DoesNotContain("JsonPropertyName", result.Sources["DraftReferencePagePayload.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Output_is_identical_across_runs()
    {
        var harness = new GeneratorHarness();
        foreach (string path in TestFiles.SampleAgents().Concat(TestFiles.Agents("valid")))
        {
            harness.Agent(Path.GetFileName(path), TestFiles.Read(path));
        }

        var first = harness.Run().Sources;
        var second = harness.Run().Sources;
        Assert.Equal(first.OrderBy(p => p.Key, StringComparer.Ordinal), second.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
