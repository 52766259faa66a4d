using System.Collections.Immutable;
using System.Reflection;
using AgentGen.Generator;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Benchmarks;

/// <summary>
/// The package's analyzers on a project of 1,000 agents and 2,000 EnsureAllowed call sites,
/// against the same compilation's diagnostics without analyzers (the compiler's own analysis).
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[RunOncePerIteration]
[WarmupCount(1)]
[IterationCount(3)]
public class AnalyzerBenchmarks
{
    public const int Agents = 1000;

    private ImmutableArray<AdditionalText> _texts;
    private AnalyzerConfigOptionsProvider _options = null!;
    private Compilation _full = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    /// <summary>Every analyzer in the AgentGen assembly (AgentFileAnalyzer, and the C# usage analyzers when present).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers() => typeof(AgentGenerator).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.AgentTexts(Agents);
        _options = Corpus.Options(_texts);
        _analyzers = PackageAnalyzers();
        CSharpCompilation user = Corpus.Compilation(Corpus.CallSiteFiles(Agents, files: 20, callsPerFile: 100));
        CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options)
            .RunGeneratorsAndUpdateCompilation(user, out _full, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Sanity.NoErrors("generator", generatorDiagnostics);

        // The call sites bind to the generated classes (a whole compile check takes longer than the benchmark).
        foreach (SyntaxTree tree in user.SyntaxTrees.Take(2))
        {
            Sanity.NoErrors("call sites", _full.GetSemanticModel(tree).GetDiagnostics());
        }

        Console.WriteLine("// analyzers: " + string.Join(", ", _analyzers.Select(a => a.GetType().Name)));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> CompilerOnly() => _full.Clone().GetDiagnostics();

    /// <summary>A build: every agent file is new to the analyzer (fresh SourceText instances), so each is parsed.</summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithAnalyzers_Build() => WithAnalyzers(_texts.Select(t => (AdditionalText)((BenchText)t).Reread()).ToImmutableArray());

    /// <summary>The IDE: the agent files' SourceText instances are the ones the analyzer already parsed.</summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithAnalyzers_Ide() => WithAnalyzers(_texts);

    private ImmutableArray<Diagnostic> WithAnalyzers(ImmutableArray<AdditionalText> texts)
        => _full.Clone()
            .WithAnalyzers(_analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts, _options), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
}
