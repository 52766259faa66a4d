using System; using System.IO; using System.Linq; using System.Collections.Generic; using System.Collections.Immutable;
using System.Diagnostics; using System.Reflection; using System.Runtime.Loader; using System.Threading;
using Microsoft.CodeAnalysis; using Microsoft.CodeAnalysis.CSharp; using Microsoft.CodeAnalysis.Diagnostics; using Microsoft.CodeAnalysis.Text;

// Generator probe (docs/performance.md, "What the generated code costs to compile"): cold
// generation (a new GeneratorDriver, RunGenerators once) of the agent files of a folder, in-process
// and JIT-warm, for one or more builds of AgentGen, alternating; prints the best wall time, process
// CPU time and allocation (all threads) of each.
// usage: DOTNET_TieredCompilation=0 dotnet run -c Release -- ITER agentsDir label=libDir [label=libDir ...]
//   (libDir holds AgentGen.dll, YamlDotNet.dll and AgentGen.Abstractions.dll, e.g. run.sh's WORK/lib)
int iter = int.Parse(args[0]);
var contents = Directory.GetFiles(args[1], "*.md").OrderBy(f => f).Select(f => (f, File.ReadAllText(f))).ToList();
// New strings for every run: AgentGen keeps a file's parse by the identity of its text string
// (Parsing/AgentParseCache.cs), so texts reused across runs would time generation without parsing.
ImmutableArray<AdditionalText> Files() => contents.Select(c => (AdditionalText)new Text(c.Item1, SourceText.From(new string(c.Item2.AsSpan()), System.Text.Encoding.UTF8))).ToImmutableArray();
var po = new CSharpParseOptions(LanguageVersion.Latest);
var gens = new List<(string, ISourceGenerator, string)>();
foreach (string a in args.Skip(2))
{
    var parts = a.Split('=', 2); string lib = parts[1];
    var alc = new AssemblyLoadContext(parts[0]);
    alc.Resolving += (c, n) => File.Exists(Path.Combine(lib, n.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.Combine(lib, n.Name + ".dll")) : null;
    var asm = alc.LoadFromAssemblyPath(Path.Combine(lib, "AgentGen.dll"));
    var g = (IIncrementalGenerator)Activator.CreateInstance(asm.GetType("AgentGen.Generator.AgentGenerator")!)!;
    gens.Add((parts[0], g.AsSourceGenerator(), lib));
}
string dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
string refDir = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref")).OrderBy(d => d).Last() + "/ref/net10.0";
var refs = Directory.GetFiles(refDir, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
var best = gens.ToDictionary(g => g.Item1, _ => double.MaxValue);
var bestCpu = gens.ToDictionary(g => g.Item1, _ => double.MaxValue);
var bestAlloc = gens.ToDictionary(g => g.Item1, _ => long.MaxValue);
for (int r = -2; r < iter; r++)
foreach (var (label, gen, lib) in gens)
{
    var comp = CSharpCompilation.Create("Bench", new[] { CSharpSyntaxTree.ParseText("System.Console.WriteLine(1);", po) }, refs.Append(MetadataReference.CreateFromFile(Path.Combine(lib, "AgentGen.Abstractions.dll"))), new CSharpCompilationOptions(OutputKind.ConsoleApplication));
    GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { gen }, Files(), po, new Provider());
    long alloc0 = GC.GetTotalAllocatedBytes(precise: true);
    TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    driver = driver.RunGenerators(comp);
    double ms = sw.Elapsed.TotalMilliseconds;
    double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
    long alloc = GC.GetTotalAllocatedBytes(precise: true) - alloc0;
    var run = driver.GetRunResult();
    if (r == -2) Console.WriteLine($"{label}: {run.GeneratedTrees.Length} trees, {run.Diagnostics.Length} diagnostics, {run.Results[0].Exception?.Message}");
    if (r >= 0) { best[label] = Math.Min(best[label], ms); bestCpu[label] = Math.Min(bestCpu[label], cpu); bestAlloc[label] = Math.Min(bestAlloc[label], alloc); }
}
foreach (var kv in best) Console.WriteLine($"{kv.Key}: best of {iter} cold RunGenerators {kv.Value:F1} ms wall, {bestCpu[kv.Key]:F0} ms process CPU, {bestAlloc[kv.Key] / 1e6:F1} MB allocated");

sealed class Text(string path, SourceText text) : AdditionalText { public override string Path => path; public override SourceText GetText(CancellationToken ct = default) => text; }
sealed class Opts(Dictionary<string, string> d) : AnalyzerConfigOptions { public override bool TryGetValue(string key, out string value) => d.TryGetValue(key, out value!); }
sealed class Provider : AnalyzerConfigOptionsProvider
{
    static readonly Opts File = new(new() { ["build_metadata.AdditionalFiles.AgentGenKind"] = "Agent" });
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Opts(new() { ["build_property.RootNamespace"] = "Bench", ["build_property.ProjectDir"] = "/tmp/p/" });
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => File;
}
