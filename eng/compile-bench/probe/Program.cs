using System; using System.IO; using System.Linq; using System.Collections.Generic;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

// Compile probe (docs/performance.md, "What the generated code costs to compile"): compiles each
// folder of C# files (with a one-line Program.cs) in-process with Roslyn, on one thread, without
// analyzers: parse, GetDiagnostics (binding), Emit with a portable PDB. A first pass over every
// folder warms the JIT; then ITER passes, interleaved, and the best process CPU time of each phase,
// and the fewest bytes allocated by the whole compilation (this thread): a figure the machine's
// load does not move, to read beside the times when two variants differ by a few percent.
// usage: ABSTRACTIONS=path/to/AgentGen.Abstractions.dll DOTNET_TieredCompilation=0 dotnet run -c Release -- ITER dir1 [dir2 ...]
int iter = int.Parse(args[0]);
string dotnetRoot = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
string refDir = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref")).OrderBy(d => d).Last() + "/ref/net10.0";
var refs = Directory.GetFiles(refDir, "*.dll").Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
refs.Add(MetadataReference.CreateFromFile(Environment.GetEnvironmentVariable("ABSTRACTIONS") ?? throw new InvalidOperationException("set ABSTRACTIONS to AgentGen.Abstractions.dll")));
var po = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.None);
var co = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false);
string program = "System.Console.WriteLine(\"agents\");";
var best = new Dictionary<string,(double,double,double)>();
var bestAlloc = new Dictionary<string,long>();
for (int round = -1; round < iter; round++)
foreach (string dir in args.Skip(1))
{
    var texts = Directory.GetFiles(dir, "*.cs").OrderBy(f => f).Select(f => (f, File.ReadAllText(f))).ToList();
    double bp = double.MaxValue, bd = double.MaxValue, be = double.MaxValue;
    for (int i = 0; i < 1; i++)
    {
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        var sw = new CpuWatch();
        var trees = texts.Select(t => CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(t.Item2, System.Text.Encoding.UTF8), po, t.f)).Prepend(CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(program, System.Text.Encoding.UTF8), po, "Program.cs")).ToList();
        foreach (var t in trees) t.GetRoot();
        double p = sw.Elapsed.TotalMilliseconds; sw.Restart();
        var c = CSharpCompilation.Create("Bench", trees, refs, co);
        var diags = c.GetDiagnostics();
        double d = sw.Elapsed.TotalMilliseconds; sw.Restart();
        var pe = new MemoryStream(); var pdb = new MemoryStream();
        var r = c.Emit(pe, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        double e = sw.Elapsed.TotalMilliseconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        bestAlloc[dir] = bestAlloc.TryGetValue(dir, out long a0) ? Math.Min(a0, allocated) : allocated;
        if (round == -1) { var errs = diags.Where(x => x.Severity == DiagnosticSeverity.Error).Take(3).ToList(); if (errs.Count > 0 || !r.Success) Console.WriteLine($"  {dir}: errors: {string.Join(" | ", errs)} {string.Join(" | ", r.Diagnostics.Where(x => x.Severity == DiagnosticSeverity.Error).Take(3))}"); }
        bp = Math.Min(bp, p); bd = Math.Min(bd, d); be = Math.Min(be, e);
    }
    if (round < 0) continue;
    if (best.TryGetValue(dir, out var b0)) { bp = Math.Min(bp, b0.Item1); bd = Math.Min(bd, b0.Item2); be = Math.Min(be, b0.Item3); }
    best[dir] = (bp, bd, be);
    if (round < iter - 1) continue;
    long bytes = texts.Sum(t => (long)t.Item2.Length);
    Console.WriteLine($"{Path.GetFileName(dir),-24} files {texts.Count,4} chars {bytes,9}  parse {bp,7:F0}  bind {bd,7:F0}  emit {be,7:F0}  total {bp + bd + be,7:F0} ms  allocated {bestAlloc[dir] / 1e6,6:F1} MB");
}

sealed class CpuWatch
{
    private TimeSpan _start = Now();
    private static TimeSpan Now() { var p = Process.GetCurrentProcess(); p.Refresh(); return p.TotalProcessorTime; }
    public TimeSpan Elapsed => Now() - _start;
    public void Restart() => _start = Now();
}
