using System.Globalization;
using AgentGen.Analyzers;
using AgentGen.Generator;
using AgentGen.Tests.CodeFixes;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Hostile;

/// <summary>The tests that plant failures through <see cref="PipelineFaults.Hook"/> run alone, one at a time.</summary>
[CollectionDefinition(nameof(PipelineFaultsCollection), DisableParallelization = true)]
public sealed class PipelineFaultsCollection
{
}

/// <summary>
/// Issue 14: a failure in one file's processing is AGEN099 on that file, that file generates
/// nothing, and every other file generates exactly as before; no step of the generator, the
/// analyzers or the code fixes lets an exception out (CS8785, AD0001, an IDE error). Each test
/// plants an exception at one step through the internal test seam <see cref="PipelineFaults.Hook"/>,
/// for the file named <c>planted.md</c> only.
/// </summary>
[Collection(nameof(PipelineFaultsCollection))]
public sealed class IsolationTests : IDisposable
{
    private const string Planted = "planted.md";
    private static readonly string PlantedPath = AgentFileVerifier.AgentDir + Planted;

    private static readonly HostileFile[] Files =
    {
        HostileFile.FromString(Planted, "---\nname: planted-agent\ndescription: Fails where the test says.\ntools: Read, mcp__github__create_issue\n---\nBody.\n\n```json\n{\"requesting_agent\": \"good-agent\", \"request_type\": \"planted_request\", \"payload\": {\"id\": 1}}\n```\n"),
        HostileFile.FromString("good.md", "---\nname: good-agent\ndescription: Still generated.\ntools: Read, Grep\n---\nBody.\n"),
        HostileFile.FromString("other.md", "---\nname: other-agent\ndescription: Also still generated.\ntools: [Bash(git:*), Edit]\n---\nBody.\n\n```json\n{\"requesting_agent\": \"good-agent\", \"request_type\": \"other_request\", \"payload\": {\"name\": \"x\"}}\n```\n"),
    };

    public void Dispose() => PipelineFaults.Hook = null;

    private static void Plant(string step, string key)
        => PipelineFaults.Hook = (s, k) =>
        {
            if (s == step && k == key)
            {
                throw new InvalidOperationException("planted failure at " + step);
            }
        };

    [Theory]
    [InlineData(PipelineFaults.Parse, true)]
    [InlineData(PipelineFaults.PlanInput, true)]
    [InlineData(PipelineFaults.Names, true)]
    [InlineData(PipelineFaults.Project, true)]
    [InlineData(PipelineFaults.ViewLookup, false)]
    [InlineData(PipelineFaults.AgentSpec, false)]
    [InlineData(PipelineFaults.EmitAgent, false)]
    public void A_failing_per_file_step_is_agen099_on_that_file_and_the_others_generate_as_before(string step, bool fileTakesNoPart)
    {
        GeneratorRun baseline = HostilePipeline.Generate(Files);
        Assert.True(baseline.Has("PlantedAgent.g.cs"), "the planted file generates without a fault");

        Plant(step, PlantedPath);
        GeneratorRun run = HostilePipeline.Generate(Files);
        PipelineFaults.Hook = null;

        Assert.Null(run.Exception); // no CS8785
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("AGEN099", d.Id);
        Assert.Equal(PlantedPath, d.Location.GetLineSpan().Path);
        Assert.Contains("System.InvalidOperationException: planted failure at " + step, d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        Assert.False(run.Has("PlantedAgent.g.cs"));
        Assert.Equal(baseline.Source("GoodAgent.g.cs"), run.Source("GoodAgent.g.cs"));
        Assert.Equal(baseline.Source("OtherAgent.g.cs"), run.Source("OtherAgent.g.cs"));
        Assert.Equal(baseline.Source("OtherRequestPayload.g.cs"), run.Source("OtherRequestPayload.g.cs"));

        // A file that fails before the project step takes no part in it: nothing of it is generated.
        Assert.Equal(!fileTakesNoPart, run.Has("PlantedRequestPayload.g.cs"));

        // The catalog lists exactly the classes that exist, so everything compiles and loads.
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Output);
        Assert.Equal(new[] { "good-agent", "other-agent" }, runtime.Agents().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "good-agent", "other-agent" }, Catalog(runtime));
    }

    [Theory]
    [InlineData(PipelineFaults.MessageLookup)]
    [InlineData(PipelineFaults.EmitMessage)]
    public void A_failing_payload_record_step_drops_those_records_only(string step)
    {
        GeneratorRun baseline = HostilePipeline.Generate(Files);
        Plant(step, PlantedPath);
        GeneratorRun run = HostilePipeline.Generate(Files);
        PipelineFaults.Hook = null;

        Assert.Null(run.Exception);
        Diagnostic d = Assert.Single(run.Diagnostics);
        Assert.Equal("AGEN099", d.Id);
        Assert.Equal(PlantedPath, d.Location.GetLineSpan().Path);
        Assert.False(run.Has("PlantedRequestPayload.g.cs"));

        // Agent classes do not refer to payload records: every one is generated as before.
        foreach (string hint in new[] { "PlantedAgent.g.cs", "GoodAgent.g.cs", "OtherAgent.g.cs", "OtherRequestPayload.g.cs", "AgentCatalog.g.cs", "AgentTool.g.cs" })
        {
            Assert.Equal(baseline.Source(hint), run.Source(hint));
        }

        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Output);
        Assert.Equal(3, runtime.Agents().Count);
    }

    [Fact]
    public void A_project_step_that_fails_whatever_the_files_is_agen099_on_every_file_never_cs8785()
    {
        // The AgentTool file is written inside the project step: failing there fails it for any set of files.
        Plant(PipelineFaults.ToolEnum, HostilePipeline.Namespace);
        GeneratorRun run = HostilePipeline.Generate(Files);
        PipelineFaults.Hook = null;

        Assert.Null(run.Exception);
        Assert.All(run.Diagnostics, d => Assert.Equal("AGEN099", d.Id));
        Assert.Equal(Files.Select(f => f.Path).Order(StringComparer.Ordinal), run.Diagnostics.Select(d => d.Location.GetLineSpan().Path).Order(StringComparer.Ordinal));
        Assert.All(run.Diagnostics, d => Assert.Contains("project-wide step", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        // Nothing that would refer to the missing AgentTool is generated: the user's build is not broken by our output.
        Assert.DoesNotContain(run.Sources, s => s.Key.EndsWith("Agent.g.cs", StringComparison.Ordinal) || s.Key == "AgentCatalog.g.cs");
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void A_failing_catalog_is_agen099_and_the_agents_still_generate()
    {
        Plant(PipelineFaults.Catalog, HostilePipeline.Namespace);
        GeneratorRun run = HostilePipeline.Generate(Files);
        PipelineFaults.Hook = null;

        Assert.Null(run.Exception);
        Assert.Equal("AGEN099", Assert.Single(run.Diagnostics).Id);
        Assert.False(run.Has("AgentCatalog.g.cs"));
        Assert.True(run.Has("PlantedAgent.g.cs") && run.Has("GoodAgent.g.cs") && run.Has("OtherAgent.g.cs"));
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Output);
        Assert.Equal(3, runtime.Agents().Count);
    }

    [Fact]
    public void The_project_step_recovers_once_the_failure_is_gone()
    {
        // Same driver, two runs: the failure is not cached beyond the run whose input caused it.
        var texts = Files.Select(f => f.ToAdditionalText()).ToArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new AgentGenerator().AsSourceGenerator() }, texts, GeneratorHarness.ParseOptions,
            new AgentOptionsProvider(Files.Select(f => f.Path), HostilePipeline.DefaultGlobals()));
        Plant(PipelineFaults.Project, PlantedPath);
        driver = driver.RunGenerators(HostilePipeline.BaseCompilation());
        PipelineFaults.Hook = null;
        Assert.DoesNotContain(driver.GetRunResult().GeneratedTrees, t => t.FilePath.EndsWith("PlantedAgent.g.cs", StringComparison.Ordinal));

        // A failure is a result like any other: the same input keeps it (a real bug fails the same
        // way again). An edit that reaches the project step (here the tools) runs it again, now
        // without a fault.
        driver = driver.ReplaceAdditionalText(texts[0], new SourceTextAdditionalText(PlantedPath, Microsoft.CodeAnalysis.Text.SourceText.From(Files[0].Text!.ToString().Replace("tools: Read,", "tools: Read, Grep,", StringComparison.Ordinal))));
        driver = driver.RunGenerators(HostilePipeline.BaseCompilation());
        GeneratorRunResult second = driver.GetRunResult().Results[0];
        Assert.Empty(second.Diagnostics);
        Assert.Contains(second.GeneratedSources, s => s.HintName == "PlantedAgent.g.cs");
    }

    [Fact]
    public void A_failing_file_check_in_the_analyzer_is_agen099_at_that_file_never_ad0001()
    {
        HostileFile[] files = Files.Append(HostileFile.FromString("typo.md", "---\nname: typo-agent\ndescription: Has a typo.\ntools: Reed\n---\nBody.\n")).ToArray();
        Plant(PipelineFaults.AnalyzeFile, PlantedPath);
        AnalyzerRun run = HostilePipeline.Analyze(files);
        PipelineFaults.Hook = null;

        Invariants.AssertAnalyzerTotal(run, files);
        Diagnostic d = Assert.Single(run.Diagnostics, d => d.Id == "AGEN099");
        Assert.Equal(PlantedPath, d.Location.GetLineSpan().Path);
        Assert.Contains("planted failure", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains(run.Diagnostics, d => d.Id == "AGEN007" && d.Location.GetLineSpan().Path.EndsWith("typo.md", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_cross_file_check_in_the_analyzer_is_agen099_on_every_file_never_ad0001()
    {
        HostileFile[] files = Files.Append(HostileFile.FromString("typo.md", "---\nname: typo-agent\ndescription: Has a typo.\ntools: Reed\n---\nBody.\n")).ToArray();
        Plant(PipelineFaults.AnalyzeProject, PlantedPath);
        AnalyzerRun run = HostilePipeline.Analyze(files);
        PipelineFaults.Hook = null;

        Invariants.AssertAnalyzerTotal(run, files);
        Assert.Equal(files.Length, run.Diagnostics.Count(d => d.Id == "AGEN099"));
        Assert.Contains(run.Diagnostics, d => d.Id == "AGEN007"); // the per-file rules still report
    }

    [Theory]
    [InlineData("/project/Usage.cs")] // the checks of one call
    [InlineData("")] // reading the agents at compilation start
    public async Task A_failing_tool_usage_check_is_agen099_never_ad0001(string key)
    {
        GeneratorRun generated = HostilePipeline.Generate(Files);
        Compilation compilation = generated.Output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "class Usage { void M() { TestProject.Agents.AgentCatalog.Get(\"good-agent\").Allows(\"Read\"); TestProject.Agents.GoodAgent.Instance.EnsureAllowed(\"Write\"); } }",
            GeneratorHarness.ParseOptions,
            "/project/Usage.cs"));
        var exceptions = new List<Exception>();
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ToolUsageAnalyzer());
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty),
            (ex, _, _) => exceptions.Add(ex),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        System.Collections.Immutable.ImmutableArray<Diagnostic> clean = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(clean, d => d.Id == "AGEN100"); // EnsureAllowed("Write") on good-agent

        Plant(PipelineFaults.ToolUsage, key);
        System.Collections.Immutable.ImmutableArray<Diagnostic> faulted;
        try
        {
            faulted = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        }
        finally
        {
            PipelineFaults.Hook = null;
        }

        Assert.Empty(exceptions);
        Assert.DoesNotContain(faulted, d => d.Id == "AD0001");
        List<Diagnostic> failures = faulted.Where(d => d.Id == "AGEN099").ToList();
        Assert.Equal(key.Length == 0 ? 1 : 3, failures.Count); // once for the compilation, or once per checked call
        Assert.All(failures, f => Assert.Contains("planted failure", f.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.All(failures, f => Assert.Equal(key.Length == 0 ? LocationKind.None : LocationKind.SourceFile, f.Location.Kind));
    }

    [Fact]
    public async Task A_failing_code_fix_offers_nothing_and_does_not_throw()
    {
        const string Text = "---\nname: typo-agent\ndescription: Has a typo.\ntools: Reed\n---\nBody.\n";
        await AgentFileFixVerifier.VerifyFixAsync("typo.md", Text, "AGEN007", "Replace 'Reed' with 'Read'", Text.Replace("Reed", "Read", StringComparison.Ordinal));

        Plant(PipelineFaults.CodeFix, AgentFileFixVerifier.AgentDir + "typo.md");
        try
        {
            await AgentFileFixVerifier.VerifyNoFixAsync("typo.md", Text, "AGEN007");
        }
        finally
        {
            PipelineFaults.Hook = null;
        }
    }

    [Fact]
    public async Task A_failing_add_tool_fix_offers_nothing_and_does_not_throw()
    {
        const string Agent = "---\nname: code-reviewer\ndescription: Reviews code.\ntools: Read, Grep, Glob\n---\nReview.\n";
        const string Source = "using TestProject.Agents;\nclass C\n{\n    void M() => AgentCatalog.CodeReviewer.EnsureAllowed({|#0:AgentTool.WebFetch|});\n}\n";
        const string Message = "Agent 'code-reviewer' does not allow tool 'WebFetch'; its tools are Read, Grep, Glob";
        var test = new Usage.UsageVerifier.UsageFixTest<AgentGen.CodeFixes.AddToolCodeFixProvider>();
        Usage.UsageVerifier.Configure(test.TestState, [("code-reviewer.md", Agent)]);
        test.TestState.Sources.Add(("/project/Program.cs", Source));
        test.TestState.ExpectedDiagnostics.Add(Usage.UsageVerifier.Diagnostic("AGEN100").WithLocation(0).WithMessage(Message));
        test.FixedState.Sources.Add(("/project/Program.cs", Source));
        test.FixedState.AdditionalFiles.Add((AgentFileVerifier.AgentDir + "code-reviewer.md", Agent));
        test.FixedState.ExpectedDiagnostics.Add(Usage.UsageVerifier.Diagnostic("AGEN100").WithLocation(0).WithMessage(Message));

        Plant(PipelineFaults.CodeFix, "/project/Program.cs");
        try
        {
            await test.RunAsync(); // no fix offered, nothing thrown (without the fault, AddToolCodeFixTests sees the fix)
        }
        finally
        {
            PipelineFaults.Hook = null;
        }
    }

    private static IEnumerable<string> Catalog(RuntimeAssembly runtime)
        => ((IReadOnlyList<IAgentDefinition>)runtime.Type(HostilePipeline.Namespace + ".AgentCatalog").GetProperty("All")!.GetValue(null)!).Select(a => a.Name).Order(StringComparer.Ordinal);
}
