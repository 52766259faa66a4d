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

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.AgentTexts(Agents);
        _options = Corpus.Options(_texts);
        var sources = Corpus.CallSiteFiles(Agents, files: 20, callsPerFile: 100).ToList();
        sources.Add(UnrelatedFile(0));
        _compilation = Corpus.Compilation(sources);
        _warm = NewDriver().RunGenerators(_compilation);
        Sanity.CheckGeneration(_warm, _compilation, Agents);

        _treeCurrent = _compilation.SyntaxTrees.Last();
        _treeOther = _treeCurrent.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(UnrelatedFile(1)));
        _csharpCurrent = _compilation;
        _csharpDriver = _warm;

        _agentCurrent = _texts[EditedAgent];
        _agentOther = new BenchText(_agentCurrent.Path, Corpus.Agent(EditedAgent, Agents, variant: 1));
        _agentDriver = _warm;

        _touched = (BenchText)_texts[EditedAgent];
        _touchDriver = _warm;
    }

    private static string UnrelatedFile(int version)
        => "namespace Bench.Usage\n{\n    public static class Totals\n    {\n        public static int Limit => " + (40 + version).ToString(System.Globalization.CultureInfo.InvariantCulture) + ";\n\n        public static int Twice(int x) => x * 2;\n    }\n}\n";

    private GeneratorDriver NewDriver()
        => CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver ColdGeneration() => NewDriver().RunGenerators(_compilation.Clone());

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

    [Benchmark]
    [BenchmarkCategory("Edit")]
    public GeneratorDriver EditOneAgent()
    {
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
}
