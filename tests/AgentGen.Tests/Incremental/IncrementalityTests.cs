using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static AgentGen.Tests.Incremental.StepTracking;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// The generator is incremental by construction: C# edits and untouched agent files re-parse and
/// re-emit nothing; editing, adding or removing one agent file re-parses that file only and
/// re-emits only that agent's class (and the project-wide types when they really change).
/// </summary>
public class IncrementalityTests
{
    private const int Edited = 7;

    [Fact]
    public void First_run_tracks_every_named_step_and_generates_every_agent()
    {
        var f = PipelineFixture.Create();
        foreach (string name in AllTrackingNames().Where(n => !IsUsuallyEmpty(n)))
        {
            Assert.True(f.First.TrackedSteps.ContainsKey(name), $"step '{name}' is not tracked");
        }

        Assert.Equal(f.Count, Outputs(f.First, TrackingNames.Parse).Count);
        IReadOnlyDictionary<string, string> sources = f.GeneratedSources();
        for (int i = 0; i < f.Count; i++)
        {
            Assert.Contains(IncrementalCorpus.ClassName(i) + ".g.cs", sources.Keys);
        }

        Assert.Contains("AgentTool.g.cs", sources.Keys);
        Assert.Contains("AgentCatalog.g.cs", sources.Keys);
        Assert.Contains("CheckBatch07Payload.g.cs", sources.Keys);
    }

    [Fact]
    public void Adding_an_unrelated_csharp_file_reparses_and_reemits_nothing()
    {
        var f = PipelineFixture.Create();
        GeneratorRunResult run = f.RunWithUnrelatedCSharpFile();

        AssertNotRun(run, TrackingNames.Sources);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNothingNew(run);
    }

    [Fact]
    public void Changing_a_csharp_file_reparses_and_reemits_nothing()
    {
        var f = PipelineFixture.Create();
        SyntaxTree old = f.Compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Ledger", StringComparison.Ordinal));
        SyntaxTree changed = old.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(PipelineFixture.UserCode.Replace("=> 3", "=> 4", StringComparison.Ordinal)));
        GeneratorRunResult run = f.Run(f.Compilation.ReplaceSyntaxTree(old, changed));

        AssertNotRun(run, TrackingNames.Sources);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNothingNew(run);
    }

    [Fact]
    public void Replacing_an_agent_file_with_identical_content_reparses_and_reemits_nothing()
    {
        var f = PipelineFixture.Create();
        string name = IncrementalCorpus.FileName(Edited);
        f.Replace(name, IncrementalCorpus.Agent(Edited, f.Count));
        GeneratorRunResult run = f.Run();

        // The new AdditionalText is read again (that is how the driver learns its content is the
        // same): one Sources output is Unchanged, and nothing downstream runs.
        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> sources = Outputs(run, TrackingNames.Sources);
        (object Value, IncrementalStepRunReason Reason) reread = Assert.Single(sources, o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Unchanged, reread.Reason);
        Assert.Equal(PipelineFixture.AgentPath(name), ((AgentSource)reread.Value).Path);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNotRun(run, TrackingNames.AgentSpecs);
        AssertNothingNew(run);
    }

    [Fact]
    public void Editing_one_of_twenty_agents_reparses_and_reemits_only_that_agent()
    {
        var f = PipelineFixture.Create();
        string name = IncrementalCorpus.FileName(Edited);
        IReadOnlyDictionary<string, string> before = f.GeneratedSources();
        f.Replace(name, IncrementalCorpus.Agent(Edited, f.Count, note: "Flag every entry older than one year."));
        GeneratorRunResult run = f.Run();

        AssertOnlyOne(run, TrackingNames.Sources, IncrementalStepRunReason.Modified, v => ((AgentSource)v).Path == PipelineFixture.AgentPath(name));
        AssertOnlyOne(run, TrackingNames.Parse, IncrementalStepRunReason.Modified, v => ((ParsedAgentFile)v).Path == PipelineFixture.AgentPath(name));

        // The other agents' specs are not even rebuilt: per-agent emission depends on its own file
        // and on the project view, and the view did not change.
        AssertOnlyOne(run, TrackingNames.AgentSpecs, IncrementalStepRunReason.Modified, v => ((AgentOutput)v).Spec!.ClassName == IncrementalCorpus.ClassName(Edited));

        // A body edit changes nothing the project-wide outputs depend on: the edited file's plan
        // input compares equal, so nothing collected runs again.
        Assert.Single(Outputs(run, TrackingNames.PlanInputs), o => o.Reason == IncrementalStepRunReason.Unchanged);
        AssertReused(run, TrackingNames.PlanInputs);
        AssertNotRun(run, TrackingNames.Project);
        AssertNotRun(run, TrackingNames.AgentView);
        AssertNotRun(run, TrackingNames.MessageView);

        IReadOnlyList<(IReadOnlyList<string> HintNames, IncrementalStepRunReason Reason)> outputs = SourceOutputs(run);
        var modified = outputs.Where(o => o.Reason != IncrementalStepRunReason.Cached && o.Reason != IncrementalStepRunReason.Unchanged).ToList();
        var only = Assert.Single(modified);
        Assert.Equal(IncrementalStepRunReason.Modified, only.Reason);
        Assert.Equal(new[] { IncrementalCorpus.ClassName(Edited) + ".g.cs" }, only.HintNames);

        IReadOnlyDictionary<string, string> after = f.GeneratedSources();
        Assert.Equal(before.Keys.OrderBy(k => k, StringComparer.Ordinal), after.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Contains("Flag every entry older than one year.", after[IncrementalCorpus.ClassName(Edited) + ".g.cs"], StringComparison.Ordinal);
        Assert.All(before.Keys.Where(k => k != IncrementalCorpus.ClassName(Edited) + ".g.cs"), k => Assert.Equal(before[k], after[k]));
    }

    [Fact]
    public void Editing_an_agent_s_tools_reemits_that_agent_and_AgentTool_only()
    {
        var f = PipelineFixture.Create();
        string name = IncrementalCorpus.FileName(Edited);
        string text = IncrementalCorpus.Agent(Edited, f.Count).Replace("mcp__ledger__post-entry", "mcp__ledger__post-entry, mcp__ledger__close-period", StringComparison.Ordinal);
        f.Replace(name, text);
        GeneratorRunResult run = f.Run();

        AssertOnlyOne(run, TrackingNames.Parse, IncrementalStepRunReason.Modified, v => ((ParsedAgentFile)v).Path == PipelineFixture.AgentPath(name));

        // A new tool name changes the project view (AgentTool members), so every agent's spec is
        // rebuilt; the others compare equal and are not emitted again.
        AssertOnlyOne(run, TrackingNames.AgentSpecs, IncrementalStepRunReason.Modified, v => ((AgentOutput)v).Spec!.ClassName == IncrementalCorpus.ClassName(Edited), othersCached: false);
        var emitted = SourceOutputs(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).SelectMany(o => o.HintNames).OrderBy(h => h, StringComparer.Ordinal);
        Assert.Equal(new[] { "AgentTool.g.cs", IncrementalCorpus.ClassName(Edited) + ".g.cs" }, emitted);
        Assert.Contains("McpLedgerClosePeriod", f.GeneratedSources()["AgentTool.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_protocol_message_reemits_its_record_only()
    {
        var f = PipelineFixture.Create();
        string name = IncrementalCorpus.FileName(Edited);
        f.Replace(name, IncrementalCorpus.Agent(Edited, f.Count).Replace("\"strict\": true", "\"strict\": true, \"limit\": 5", StringComparison.Ordinal));
        GeneratorRunResult run = f.Run();

        AssertOnlyOne(run, TrackingNames.Parse, IncrementalStepRunReason.Modified, v => ((ParsedAgentFile)v).Path == PipelineFixture.AgentPath(name));
        AssertOnlyOne(run, TrackingNames.PlanInputs, IncrementalStepRunReason.Modified, v => ((PlanInput)v).Path == PipelineFixture.AgentPath(name));

        // The agent's class holds the body, so it is emitted again; the record changes; nothing else does.
        var emitted = SourceOutputs(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).SelectMany(o => o.HintNames).OrderBy(h => h, StringComparer.Ordinal);
        Assert.Equal(new[] { "CheckBatch07Payload.g.cs", IncrementalCorpus.ClassName(Edited) + ".g.cs" }, emitted);
        Assert.Contains("Limit", f.GeneratedSources()["CheckBatch07Payload.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_an_agent_emits_it_and_the_catalogue_and_reemits_no_other_agent()
    {
        string added = "worker-new.md";
        var f = PipelineFixture.Create(20, PipelineFixture.AgentPath(added));

        // Named so that it sorts between existing agents: no other agent may move.
        string text = IncrementalCorpus.Agent(5, f.Count).Replace("worker-05", "worker-05b", StringComparison.Ordinal).Replace("check_batch_05", "check_batch_05b", StringComparison.Ordinal);
        f.Add(added, text);
        GeneratorRunResult run = f.Run();

        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> parse = Outputs(run, TrackingNames.Parse);
        Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.New);
        Assert.All(parse.Where(o => o.Reason != IncrementalStepRunReason.New), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var emitted = SourceOutputs(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).SelectMany(o => o.HintNames).OrderBy(h => h, StringComparer.Ordinal);
        Assert.Equal(new[] { "AgentCatalog.g.cs", "CheckBatch05bPayload.g.cs", "Worker05bAgent.g.cs" }, emitted);
    }

    [Fact]
    public void Removing_an_agent_removes_it_and_reemits_no_other_agent()
    {
        var f = PipelineFixture.Create();
        f.Remove(IncrementalCorpus.FileName(3));
        GeneratorRunResult run = f.Run();

        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> parse = Outputs(run, TrackingNames.Parse);
        Assert.Single(parse, o => o.Reason == IncrementalStepRunReason.Removed);
        Assert.All(parse.Where(o => o.Reason != IncrementalStepRunReason.Removed), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var changed = SourceOutputs(run).Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        Assert.DoesNotContain(changed, o => o.Reason == IncrementalStepRunReason.Modified && o.HintNames.Any(h => h.StartsWith("Worker", StringComparison.Ordinal)));
        IReadOnlyDictionary<string, string> sources = f.GeneratedSources();
        Assert.DoesNotContain(IncrementalCorpus.ClassName(3) + ".g.cs", sources.Keys);
        Assert.Contains(IncrementalCorpus.ClassName(4) + ".g.cs", sources.Keys);
        Assert.DoesNotContain("Worker03", sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_equal_options_provider_keeps_everything_cached()
    {
        var f = PipelineFixture.Create();
        f.UpdateOptions(new AgentOptionsProvider(f.Harness.Agents.Select(a => a.Path), new Dictionary<string, string>(f.Harness.Globals)));
        GeneratorRunResult run = f.Run();

        // A new provider instance is a new input: the options and the per-file metadata are read
        // again, but they are equal, so no file is parsed again and nothing is emitted again.
        AssertReused(run, TrackingNames.Options);
        AssertReused(run, TrackingNames.Sources);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNotRun(run, TrackingNames.AgentSpecs);
        AssertNothingNew(run);
    }

    [Fact]
    public void A_different_namespace_reemits_every_agent_without_reparsing()
    {
        var f = PipelineFixture.Create();
        var globals = new Dictionary<string, string>(f.Harness.Globals) { ["build_property.AgentGenNamespace"] = "Ledger.Team" };
        f.UpdateOptions(new AgentOptionsProvider(f.Harness.Agents.Select(a => a.Path), globals));
        GeneratorRunResult run = f.Run();

        AssertNotRun(run, TrackingNames.Parse);
        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> specs = Outputs(run, TrackingNames.AgentSpecs);
        Assert.Equal(f.Count, specs.Count);
        Assert.All(specs, o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        Assert.All(f.GeneratedSources().Values, s => Assert.Contains("namespace Ledger.Team", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Known_tools_changes_reparse_every_file()
    {
        // KnownTools feeds the parser (AGEN007 unknown tools), so it is the one option that re-parses.
        var f = PipelineFixture.Create();
        var globals = new Dictionary<string, string>(f.Harness.Globals) { ["build_property.AgentGenKnownTools"] = "LedgerSync" };
        f.UpdateOptions(new AgentOptionsProvider(f.Harness.Agents.Select(a => a.Path), globals));
        GeneratorRunResult run = f.Run();

        Assert.All(Outputs(run, TrackingNames.Parse), o => Assert.NotEqual(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Contains("LedgerSync", f.GeneratedSources()["AgentTool.g.cs"], StringComparison.Ordinal);
    }

    private static void AssertOnlyOne(GeneratorRunResult run, string step, IncrementalStepRunReason reason, Func<object, bool> isTheOne, bool othersCached = true)
    {
        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> outputs = Outputs(run, step);
        Assert.NotEmpty(outputs);
        var changed = outputs.Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).ToList();
        var one = Assert.Single(changed);
        Assert.Equal(reason, one.Reason);
        Assert.True(isTheOne(one.Value), $"step '{step}': the changed output is {Describe(one.Value)}");
        if (othersCached)
        {
            Assert.All(outputs.Where(o => !ReferenceEquals(o.Value, one.Value)), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        }
    }
}
