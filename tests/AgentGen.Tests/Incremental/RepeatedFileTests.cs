using AgentGen.Generator;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using static AgentGen.Tests.Incremental.StepTracking;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// Per-file emission must never emit one hint name or one class twice: a file listed twice
/// (two AdditionalFiles items for one path) and two files declaring one name are the cases.
/// </summary>
public class RepeatedFileTests
{
    [Fact]
    public void A_file_listed_twice_is_generated_once_and_compiles()
    {
        var harness = new GeneratorHarness();
        for (int i = 0; i < 3; i++)
        {
            harness.Agent(IncrementalCorpus.FileName(i), IncrementalCorpus.Agent(i, 3));
        }

        harness.Agent(IncrementalCorpus.FileName(1), IncrementalCorpus.Agent(1, 3));
        GeneratorResult result = harness.Run();

        result.AssertCompilesCleanly();
        Assert.Contains(IncrementalCorpus.ClassName(1) + ".g.cs", result.Sources.Keys);
        Assert.Contains("CheckBatch01Payload.g.cs", result.Sources.Keys);
        Assert.Equal(1, CountOccurrences(result.Sources["AgentCatalog.g.cs"], "Agents.Worker01Agent Worker01 =>"));
    }

    [Fact]
    public void A_file_listed_twice_is_emitted_by_the_collected_fallback_and_follows_edits()
    {
        var harness = new GeneratorHarness();
        harness.Agent(IncrementalCorpus.FileName(0), IncrementalCorpus.Agent(0, 2));
        harness.Agent(IncrementalCorpus.FileName(1), IncrementalCorpus.Agent(1, 2));
        harness.Agent(IncrementalCorpus.FileName(1), IncrementalCorpus.Agent(1, 2));
        GeneratorDriver driver = harness.CreateDriver(trackSteps: true).RunGenerators(harness.CreateCompilation());
        GeneratorRunResult run = driver.GetRunResult().Results.Single();

        Assert.Null(run.Exception);
        Assert.Equal(new[] { PipelineFixture.AgentPath(IncrementalCorpus.FileName(1)) }, (Common.EquatableArray<string>)Assert.Single(Outputs(run, TrackingNames.RepeatedPaths)).Value);

        // One branch emits the repeated file's agent and record, once; its own entries emit nothing.
        var repeated = Outputs(run, TrackingNames.RepeatedFiles).Select(o => (RepeatedFileOutput)o.Value).ToList();
        Assert.Equal(2, repeated.Count);
        Assert.Equal(IncrementalCorpus.ClassName(1), Assert.Single(repeated, o => o.Agent is not null).Agent!.ClassName);
        Assert.Equal("CheckBatch01Payload.g.cs", Assert.Single(repeated, o => o.Message is not null).Message!.Spec!.HintName);
        Assert.Equal(IncrementalCorpus.ClassName(0), ((AgentOutput)Assert.Single(Outputs(run, TrackingNames.AgentSpecs)).Value).Spec!.ClassName);
        Assert.Equal("CheckBatch00Payload.g.cs", ((MessageOutput)Assert.Single(Outputs(run, TrackingNames.MessageSpecs)).Value).Spec!.HintName);
        Assert.Equal(
            new[] { "AgentCatalog.g.cs", "AgentTool.g.cs", "CheckBatch00Payload.g.cs", "CheckBatch01Payload.g.cs", "Worker00Agent.g.cs", "Worker01Agent.g.cs" },
            run.GeneratedSources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
    }

    [Fact]
    public void Two_files_with_one_name_generate_one_class_and_compile()
    {
        var harness = new GeneratorHarness();
        harness.Agent("a-first.md", IncrementalCorpus.Agent(0, 2));
        harness.Agent("b-second.md", IncrementalCorpus.Agent(0, 2).Replace("check_batch_00", "check_batch_99", StringComparison.Ordinal));
        harness.Agent(IncrementalCorpus.FileName(1), IncrementalCorpus.Agent(1, 2));
        GeneratorResult result = harness.Run();

        result.AssertCompilesCleanly();
        Assert.Contains(IncrementalCorpus.ClassName(0) + ".g.cs", result.Sources.Keys);
        Assert.Contains("a-first.md", result.Sources[IncrementalCorpus.ClassName(0) + ".g.cs"], StringComparison.Ordinal);

        // The losing file's agent is not generated, and neither are its messages.
        Assert.DoesNotContain("CheckBatch99Payload.g.cs", result.Sources.Keys);
    }

    private static int CountOccurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
