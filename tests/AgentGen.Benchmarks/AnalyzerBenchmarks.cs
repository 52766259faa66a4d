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
/// Everything runs on one thread (no concurrent build or analysis), so that the ratio does not
/// depend on how busy the machine's other core is.
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
    private CSharpCompilation _user = null!;
    private ImmutableArray<AdditionalText> _builtTexts;

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
        CSharpCompilation user = _user = Corpus.Compilation(Corpus.CallSiteFiles(Agents, files: 20, callsPerFile: 100));
        CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options)
            .RunGeneratorsAndUpdateCompilation(user, out _full, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Sanity.NoErrors("generator", generatorDiagnostics);
        _full = _full.WithOptions(_full.Options.WithConcurrentBuild(false));

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

    /// <summary>
    /// The floor: an analyzer that registers an AdditionalFile action and does nothing. What the
    /// compiler's analyzer driver costs any package that reads additional files.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithEmptyAnalyzer() => Analyze(ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAdditionalFileAnalyzer()), _texts);

    /// <summary>
    /// Every agent file is new to the analyzers (read again: new SourceText, new string) and no
    /// generator has seen it, so the analyzer parses each: a build before the generator and the
    /// analyzer shared their parse (issue 12), and what the analyzers cost without the generator.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithAnalyzers_Build() => Analyze(_analyzers, ReadAgain());

    /// <summary>
    /// A build as csc runs it: the agent files are read anew, the generator runs over them (in the
    /// iteration's setup, not measured), then the analyzers run on the same AdditionalTexts. The
    /// analyzers' cost over <see cref="WithEmptyAnalyzer"/> is what the package adds to a build.
    /// </summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithAnalyzers_AfterGenerator() => Analyze(_analyzers, _builtTexts);

    [IterationSetup(Target = nameof(WithAnalyzers_AfterGenerator))]
    public void RunGeneratorOnFreshReads()
    {
        _builtTexts = ReadAgain();
        CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _builtTexts, Corpus.ParseOptions, _options).RunGenerators(_user);
    }

    private ImmutableArray<AdditionalText> ReadAgain() => _texts.Select(t => (AdditionalText)((BenchText)t).Reread()).ToImmutableArray();

    /// <summary>The IDE: the agent files' SourceText instances are the ones the analyzer already parsed.</summary>
    [Benchmark]
    [BenchmarkCategory("Analyzers")]
    public ImmutableArray<Diagnostic> WithAnalyzers_Ide() => Analyze(_analyzers, _texts);

    private ImmutableArray<Diagnostic> Analyze(ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> texts)
        => _full.Clone()
            .WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts, _options), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();

    /// <summary>
    /// The same five measurements as process CPU time, wall time and bytes allocated
    /// (<c>-- --analyzer-time [rounds]</c>): everything runs on one thread, so CPU time depends less
    /// on what else the machine runs than the wall time of a multi-second compilation on a shared
    /// machine does, and the allocation not at all.
    /// </summary>
    public static void PrintCpuTimes(int rounds = 3)
    {
        var bench = new AnalyzerBenchmarks();
        bench.Setup();
        Action none = () => { };
        var measurements = new (string Name, Action Prepare, Func<object> Run)[]
        {
            ("compiler only", none, () => bench.CompilerOnly()),
            ("empty analyzer", none, () => bench.WithEmptyAnalyzer()),
            ("AgentGen analyzers, build", none, () => bench.WithAnalyzers_Build()),
            ("AgentGen analyzers, after generator", bench.RunGeneratorOnFreshReads, () => bench.WithAnalyzers_AfterGenerator()),
            ("AgentGen analyzers, IDE", none, () => bench.WithAnalyzers_Ide()),
        };

        foreach ((string _, Action prepare, Func<object> run) in measurements)
        {
            prepare();
            run(); // JIT
        }

        var best = new Dictionary<string, (double Wall, double Cpu, double Allocated)>();
        for (int round = 0; round < rounds; round++)
        {
            foreach ((string name, Action prepare, Func<object> run) in measurements)
            {
                prepare();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var process = System.Diagnostics.Process.GetCurrentProcess();
                TimeSpan cpu = process.TotalProcessorTime;
                long allocated = GC.GetTotalAllocatedBytes(precise: true);
                var sw = System.Diagnostics.Stopwatch.StartNew();
                run();
                double wall = sw.Elapsed.TotalMilliseconds;
                double mb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / (1024.0 * 1024.0);
                process.Refresh();
                double used = (process.TotalProcessorTime - cpu).TotalMilliseconds;
                best[name] = best.TryGetValue(name, out var b) ? (Math.Min(b.Wall, wall), Math.Min(b.Cpu, used), Math.Min(b.Allocated, mb)) : (wall, used, mb);
                Console.WriteLine(System.FormattableString.Invariant($"round {round}: {name}: wall {wall:F0} ms, CPU {used:F0} ms, allocated {mb:F1} MB"));
            }
        }

        // Allocation does not depend on the machine's load: the steadiest of the three on a shared machine.
        (double baseWall, double baseCpu, double baseMb) = best["compiler only"];
        foreach ((string name, _, _) in measurements)
        {
            (double wall, double cpu, double mb) = best[name];
            Console.WriteLine(System.FormattableString.Invariant($"best of {rounds}: {name,-36} wall {wall,7:F0} ms ({wall / baseWall:F3})   CPU {cpu,7:F0} ms ({cpu / baseCpu:F3})   allocated {mb,7:F1} MB ({mb / baseMb:F3})"));
        }
    }

    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class EmptyAdditionalFileAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH001", "Never reported", "Never reported", "Bench", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterAdditionalFileAction(_ => { }));
        }
    }
}
