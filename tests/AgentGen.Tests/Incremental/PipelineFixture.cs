using System.Collections.Immutable;
using AgentGen.Generator;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// A generator driver with step tracking that has already run once over <see cref="Count"/> agent
/// files and a few C# files, plus the AdditionalText instances it was given (needed to replace
/// one). Mirrors <see cref="GeneratorHarness.CreateDriver"/>, which does not hand out its texts.
/// </summary>
internal sealed class PipelineFixture
{
    public const string UserCode = "namespace TestProject { public static class Ledger { public static int Count => 3; } }";

    private PipelineFixture(GeneratorHarness harness, int count, ImmutableArray<AdditionalText> texts, IEnumerable<string> agentPaths)
    {
        Harness = harness;
        Count = count;
        Texts = texts.ToList();
        Compilation = harness.CreateCompilation();
        Options = new AgentOptionsProvider(agentPaths, harness.Globals, harness.OtherKinds);
        Driver = CSharpGeneratorDriver.Create(
            new[] { new AgentGenerator().AsSourceGenerator() },
            texts,
            GeneratorHarness.ParseOptions,
            Options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        First = Run();
    }

    public GeneratorHarness Harness { get; }

    public int Count { get; }

    public List<AdditionalText> Texts { get; }

    public CSharpCompilation Compilation { get; private set; }

    public AgentOptionsProvider Options { get; }

    public GeneratorDriver Driver { get; private set; }

    /// <summary>The result of the first (cold) run.</summary>
    public GeneratorRunResult First { get; }

    /// <summary>
    /// <paramref name="count"/> agents and two C# files. <paramref name="spareAgentPaths"/> are marked
    /// as agent files in the options from the start, so adding them later does not change the options.
    /// </summary>
    public static PipelineFixture Create(int count = 20, params string[] spareAgentPaths) => Create(count, null, spareAgentPaths);

    /// <summary>As <see cref="Create(int, string[])"/>, with the project's .mcp.json (AgentGenKind=McpConfig).</summary>
    public static PipelineFixture WithMcpConfig(string mcpConfig, int count = 20) => Create(count, mcpConfig, Array.Empty<string>());

    /// <summary>
    /// <paramref name="count"/> agents of <see cref="IncrementalCorpus"/>, then (by name)
    /// <paramref name="large"/> agents of about 1 M chars each (<see cref="IncrementalCorpus.LargeAgent"/>):
    /// four or more put the project over AGEN021's text budget.
    /// </summary>
    public static PipelineFixture OverBudget(int count = 20, int large = 4) => Create(count, null, Array.Empty<string>(), large);

    private static PipelineFixture Create(int count, string? mcpConfig, string[] spareAgentPaths, int large = 0)
    {
        var harness = new GeneratorHarness();
        if (mcpConfig is not null)
        {
            harness.McpConfig(mcpConfig);
        }

        for (int i = 0; i < count; i++)
        {
            harness.Agent(IncrementalCorpus.FileName(i), IncrementalCorpus.Agent(i, count));
        }

        for (int i = 0; i < large; i++)
        {
            harness.Agent(IncrementalCorpus.LargeFileName(i), IncrementalCorpus.LargeAgent(i));
        }

        harness.Sources.Add(UserCode);
        harness.Sources.Add("namespace TestProject { internal sealed class Clerk { public string Name { get; set; } = \"\"; } }");
        ImmutableArray<AdditionalText> texts = harness.AdditionalTexts();
        return new PipelineFixture(harness, count, texts, harness.Agents.Select(a => a.Path).Concat(spareAgentPaths));
    }

    public static string AgentPath(string fileName) => GeneratorHarness.ProjectDir + ".claude/agents/" + fileName;

    public AdditionalText Text(string fileName) => Texts.Single(t => t.Path == AgentPath(fileName));

    public GeneratorRunResult Run(CSharpCompilation? compilation = null)
    {
        Compilation = compilation ?? Compilation;
        Driver = Driver.RunGenerators(Compilation);
        GeneratorRunResult result = Driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        return result;
    }

    /// <summary>Adds a C# file that has nothing to do with the agents, and runs the generators.</summary>
    public GeneratorRunResult RunWithUnrelatedCSharpFile()
        => Run(Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace TestProject { public sealed class Invoice { } }", GeneratorHarness.ParseOptions)));

    public void Replace(string fileName, string newText)
    {
        AdditionalText old = Text(fileName);
        var replacement = new InMemoryAdditionalText(old.Path, newText);
        Driver = Driver.ReplaceAdditionalText(old, replacement);
        Texts[Texts.IndexOf(old)] = replacement;
    }

    public void Add(string fileName, string text)
    {
        var added = new InMemoryAdditionalText(AgentPath(fileName), text);
        Driver = Driver.AddAdditionalTexts(ImmutableArray.Create<AdditionalText>(added));
        Texts.Add(added);
    }

    /// <summary>Replaces the project's .mcp.json (the fixture must have one).</summary>
    public void ReplaceMcpConfig(string newText)
    {
        AdditionalText old = Texts.Single(t => t.Path == GeneratorHarness.McpConfigPath);
        var replacement = new InMemoryAdditionalText(old.Path, newText);
        Driver = Driver.ReplaceAdditionalText(old, replacement);
        Texts[Texts.IndexOf(old)] = replacement;
    }

    public void Remove(string fileName)
    {
        AdditionalText old = Text(fileName);
        Driver = Driver.RemoveAdditionalTexts(ImmutableArray.Create(old));
        Texts.Remove(old);
    }

    public void UpdateOptions(AgentOptionsProvider options) => Driver = Driver.WithUpdatedAnalyzerConfigOptions(options);

    /// <summary>The generated sources of the last run, by hint name.</summary>
    public IReadOnlyDictionary<string, string> GeneratedSources()
        => Driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
}
