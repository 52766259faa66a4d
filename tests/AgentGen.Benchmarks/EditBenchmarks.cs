using System.Collections.Immutable;
using AgentGen.Generator;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Benchmarks;

/// <summary>
/// What one keystroke costs in a project of 1,000 agents, once the driver has run: a C# edit that
/// has nothing to do with the agents, an edit of one agent file, and a file saved unchanged. The
/// baseline is cold generation of the same project.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EditBenchmarks
{
    public const int Agents = 1000;
    private const int EditedAgent = Agents / 2;

    private ImmutableArray<AdditionalText> _texts;
    private AnalyzerConfigOptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;

    // C# edit: the compilation alternates between two versions of one file.
    private CSharpCompilation _csharpCurrent = null!;
    private SyntaxTree _treeCurrent = null!;
    private SyntaxTree _treeOther = null!;
    private GeneratorDriver _csharpDriver = null!;

    // Agent edit: the edited agent alternates between two texts.
    private AdditionalText _agentCurrent = null!;
    private AdditionalText _agentOther = null!;
    private GeneratorDriver _agentDriver = null!;

    // Touch: the same content in a new AdditionalText.
    private BenchText _touched = null!;
    private GeneratorDriver _touchDriver = null!;

    // The floor of a run: a generator that only emits as many files, on the same C# edit.
    private CSharpCompilation _floorCurrent = null!;
    private SyntaxTree _floorTreeCurrent = null!;
    private SyntaxTree _floorTreeOther = null!;
    private GeneratorDriver _floorDriver = null!;

    /// <summary>
    /// 0 (the benchmarks): AGEN021's budget lifted, every agent generated. Otherwise the budget is
    /// this share of the agent files' total length, so the project is over it and the last agents
    /// by name are left out (<c>--edit-ratio</c>: edit costs of a project over the budget).
    /// </summary>
    public double BudgetShare { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.AgentTexts(Agents);
        _options = Corpus.Options(_texts);
        AgentGen.Model.ProjectPlan.AppliedTextBudget = BudgetShare > 0 ? (long)(_texts.Sum(t => (long)((BenchText)t).Text.Length) * BudgetShare) : long.MaxValue;
        var sources = Corpus.CallSiteFiles(Agents, files: 20, callsPerFile: 100).ToList();
        sources.Add(UnrelatedFile(0));
        _compilation = Corpus.Compilation(sources);
        _warm = NewDriver().RunGenerators(_compilation);
        if (BudgetShare > 0)
        {
            Sanity.CheckOverBudget(_warm, Agents, Corpus.ClassName(EditedAgent));
        }
        else
        {
            Sanity.CheckGeneration(_warm, _compilation, Agents);
        }

        _treeCurrent = _compilation.SyntaxTrees.Last();
        _treeOther = _treeCurrent.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(UnrelatedFile(1)));
        _csharpCurrent = _compilation;
        _csharpDriver = _warm;

        _agentCurrent = _texts[EditedAgent];
        _agentOther = new BenchText(_agentCurrent.Path, Corpus.Agent(EditedAgent, Agents, variant: 1));
        _agentDriver = _warm;

        _touched = (BenchText)_texts[EditedAgent];
        _touchDriver = _warm;

        int outputs = _warm.GetRunResult().Results[0].GeneratedSources.Length;
        _floorCurrent = _compilation;
        _floorTreeCurrent = _treeCurrent;
        _floorTreeOther = _treeOther;
        _floorDriver = CSharpGeneratorDriver.Create(new[] { new SameOutputCountGenerator(_texts, outputs).AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options).RunGenerators(_compilation);
        Console.WriteLine($"// {outputs} generated files");
    }

    private static string UnrelatedFile(int version)
        => "namespace Bench.Usage\n{\n    public static class Totals\n    {\n        public static int Limit => " + (40 + version).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";\n\n        public static int Twice(int x) => x * 2;\n    }\n}\n";

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver ColdGeneration()
    {
        AgentGen.Parsing.AgentParseCache.Clear(); // a first build: nothing parsed yet, though the texts are reused
        return NewDriver().RunGenerators(_compilation.Clone());
    }

    /// <summary>The C# edit alone (a new compilation with one tree replaced), without the generator: what the IDE pays anyway.</summary>
    [Benchmark]
    [BenchmarkCategory("Edit")]
    public Compilation CSharpEditWithoutGenerator()
    {
        CSharpCompilation next = _csharpCurrent.ReplaceSyntaxTree(_treeCurrent, _treeOther);
        _csharpCurrent = next;
        (_treeCurrent, _treeOther) = (_treeOther, _treeCurrent);
        return next;
    }

    /// <summary>The same C# edit, then the generator driver on the new compilation.</summary>
    [Benchmark]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver UnrelatedCSharpEdit()
    {
        CSharpCompilation next = _csharpCurrent.ReplaceSyntaxTree(_treeCurrent, _treeOther);
        _csharpCurrent = next;
        (_treeCurrent, _treeOther) = (_treeOther, _treeCurrent);
        return _csharpDriver = _csharpDriver.RunGenerators(next);
    }

    /// <summary>
    /// The same C# edit with a generator that reads nothing and only emits as many files as
    /// AgentGen does (one or more per agent file): the least a run costs the driver with that
    /// many outputs (Roslyn re-adds every cached output, checking its hint name against the others).
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver UnrelatedCSharpEdit_SameOutputCountFloor()
    {
        CSharpCompilation next = _floorCurrent.ReplaceSyntaxTree(_floorTreeCurrent, _floorTreeOther);
        _floorCurrent = next;
        (_floorTreeCurrent, _floorTreeOther) = (_floorTreeOther, _floorTreeCurrent);
        return _floorDriver = _floorDriver.RunGenerators(next);
    }

    [Benchmark]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver EditOneAgent()
    {
        // The two texts alternate; in the IDE an edit's text is new, never parsed (AgentParseCache).
        AgentGen.Parsing.AgentParseCache.Clear();
        _agentDriver = _agentDriver.ReplaceAdditionalText(_agentCurrent, _agentOther).RunGenerators(_compilation);
        (_agentCurrent, _agentOther) = (_agentOther, _agentCurrent);
        return _agentDriver;
    }

    /// <summary>One agent file read again with the same content (a save without changes, a checkout).</summary>
    [Benchmark]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver TouchOneAgent()
    {
        BenchText again = _touched.Reread();
        _touchDriver = _touchDriver.ReplaceAdditionalText(_touched, again).RunGenerators(_compilation);
        _touched = again;
        return _touchDriver;
    }

    /// <summary>Emits <c>outputs</c> tiny files in all, spread over the agent files, one output node per file like AgentGen.</summary>
    private sealed class SameOutputCountGenerator : IIncrementalGenerator
    {
        private readonly Dictionary<string, int> _filesPerPath = new(StringComparer.Ordinal);

        public SameOutputCountGenerator(ImmutableArray<AdditionalText> texts, int outputs)
        {
            for (int i = 0; i < texts.Length; i++)
            {
                _filesPerPath[texts[i].Path] = (outputs / texts.Length) + (i < outputs % texts.Length ? 1 : 0);
            }
        }

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<(string Name, int Count)> files = context.AdditionalTextsProvider
                .Select((text, _) => (System.IO.Path.GetFileNameWithoutExtension(text.Path), _filesPerPath[text.Path]));
            context.RegisterSourceOutput(files, static (spc, file) =>
            {
                for (int k = 0; k < file.Count; k++)
                {
                    spc.AddSource(file.Name.Replace('-', '_') + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs", Microsoft.CodeAnalysis.Text.SourceText.From("// " + file.Name, System.Text.Encoding.UTF8));
                }
            });
        }
    }
}
