using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using static AgentGen.Tests.Incremental.StepTracking;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// A project over AGEN021's text budget (some agents left out) pays for an edit exactly what a
/// project within it pays: the budget is a step of its own that yields the agents left out, and
/// the project step sees only that set, which a body edit leaves equal.
/// </summary>
public class TextBudgetIncrementalTests
{
    private const int Edited = 7;

    [Fact]
    public void The_fixture_is_over_the_budget()
    {
        var f = PipelineFixture.OverBudget();
        IReadOnlyDictionary<string, string> sources = f.GeneratedSources();
        Assert.Contains(IncrementalCorpus.LargeClassName(2) + ".g.cs", sources.Keys);
        Assert.DoesNotContain(IncrementalCorpus.LargeClassName(3) + ".g.cs", sources.Keys);
        Assert.Contains(IncrementalCorpus.ClassName(Edited) + ".g.cs", sources.Keys);
        Assert.DoesNotContain(IncrementalCorpus.LargeClassName(3), sources["AgentCatalog.g.cs"], StringComparison.Ordinal);

        // The budget step yields exactly the agent left out.
        var leftOut = (LeftOut)Assert.Single(Outputs(f.First, TrackingNames.TextBudget)).Value;
        Assert.Equal(new[] { PipelineFixture.AgentPath(IncrementalCorpus.LargeFileName(3)) }, leftOut.Paths);
    }

    [Fact]
    public void A_body_edit_runs_the_same_steps_over_the_budget_as_within_it()
    {
        Assert.Equal(CostOfBodyEdit(PipelineFixture.Create()), CostOfBodyEdit(PipelineFixture.OverBudget()));
    }

    [Fact]
    public void An_unrelated_csharp_edit_runs_the_same_steps_over_the_budget_as_within_it()
    {
        GeneratorRunResult over = PipelineFixture.OverBudget().RunWithUnrelatedCSharpFile();
        AssertNotRun(over, TrackingNames.Sources);
        AssertNotRun(over, TrackingNames.Parse);
        AssertNothingNew(over);
        Assert.Equal(Cost(PipelineFixture.Create().RunWithUnrelatedCSharpFile()), Cost(over));
    }

    [Fact]
    public void Editing_one_body_over_the_budget_reparses_and_reemits_only_that_agent()
    {
        var f = PipelineFixture.OverBudget();
        string name = IncrementalCorpus.FileName(Edited);
        IReadOnlyDictionary<string, string> before = f.GeneratedSources();
        f.Replace(name, IncrementalCorpus.Agent(Edited, f.Count, note: "Flag every entry older than one year, and say why."));
        GeneratorRunResult run = f.Run();

        Assert.Single(Outputs(run, TrackingNames.Parse), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Single(Outputs(run, TrackingNames.AgentSpecs), o => o.Reason == IncrementalStepRunReason.Modified);
        AssertReused(run, TrackingNames.PlanInputs);
        AssertNotRun(run, TrackingNames.Winners);

        // The lengths change; the set of agents the budget leaves out does not.
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(Outputs(run, TrackingNames.TextLengths)).Reason);
        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(run, TrackingNames.TextBudget)).Reason);
        AssertNotRun(run, TrackingNames.Project);
        AssertNotRun(run, TrackingNames.AgentView);
        AssertNotRun(run, TrackingNames.MessageView);
        AssertNotRun(run, TrackingNames.CatalogSpec);

        var emitted = SourceOutputs(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).SelectMany(o => o.HintNames);
        Assert.Equal(new[] { IncrementalCorpus.ClassName(Edited) + ".g.cs" }, emitted);
        IReadOnlyDictionary<string, string> after = f.GeneratedSources();
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>What one body edit costs: for each tracked step, the outputs that were not simply taken from the cache, and why.</summary>
    private static string CostOfBodyEdit(PipelineFixture f)
    {
        f.Replace(IncrementalCorpus.FileName(Edited), IncrementalCorpus.Agent(Edited, f.Count, note: "Flag every entry older than one year, and say why."));
        return Cost(f.Run());
    }

    private static string Cost(GeneratorRunResult run)
    {
        var lines = new List<string>();
        foreach (string name in AllTrackingNames().Where(run.TrackedSteps.ContainsKey).Order(StringComparer.Ordinal))
        {
            var ran = Outputs(run, name).Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => o.Reason.ToString()).Order(StringComparer.Ordinal);
            lines.Add(name + ": " + string.Join(", ", ran));
        }

        lines.Add("source outputs: " + string.Join(", ", SourceOutputs(run).Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => o.Reason + " " + string.Join("+", o.HintNames))));
        return string.Join("\n", lines);
    }

    [Fact]
    public void An_edit_that_frees_budget_generates_the_agent_left_out()
    {
        var f = PipelineFixture.OverBudget();
        f.Replace(IncrementalCorpus.LargeFileName(0), IncrementalCorpus.LargeAgent(0, lines: 2_000));
        f.Run();

        IReadOnlyDictionary<string, string> sources = f.GeneratedSources();
        Assert.Contains(IncrementalCorpus.LargeClassName(3) + ".g.cs", sources.Keys);
        Assert.Contains(IncrementalCorpus.LargeClassName(3), sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }
}
