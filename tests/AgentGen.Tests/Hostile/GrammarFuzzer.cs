using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using AgentGen.Analyzers;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>Settings of a grammar fuzz run, from environment variables (docs/robustness.md).</summary>
public sealed record GrammarFuzzSettings(int Seed, long StartProject, long Files, int FilesPerProject, int CompileEvery, string? LogPath, string? FailureDir)
{
    public static GrammarFuzzSettings FromEnvironment() => new(
        (int)Number("AGENTGEN_GRAMMAR_SEED", 20_261_201),
        Number("AGENTGEN_GRAMMAR_START", 0),
        Number("AGENTGEN_GRAMMAR_FILES", 2_000),
        (int)Number("AGENTGEN_GRAMMAR_FILES_PER_PROJECT", 100),
        Math.Max(1, (int)Number("AGENTGEN_GRAMMAR_COMPILE_EVERY", 3)),
        Environment.GetEnvironmentVariable("AGENTGEN_GRAMMAR_LOG"),
        Environment.GetEnvironmentVariable("AGENTGEN_FUZZ_FAILURES") ?? Path.Combine(Path.GetTempPath(), "agentgen-grammar-failures"));

    private static long Number(string name, long fallback)
        => long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : fallback;
}

public sealed class GrammarFuzzReport
{
    public long Files { get; set; }

    public long Projects { get; set; }

    public long CompiledProjects { get; set; }

    public long CompiledFiles { get; set; }

    public long Calls { get; set; }

    public long AgentsLoaded { get; set; }

    public Dictionary<string, long> DiagnosticCounts { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = new();

    public TimeSpan Elapsed { get; set; }

    /// <summary>Time per phase (generate, analyze, compile, load and call), for tuning the CI size.</summary>
    public Dictionary<string, TimeSpan> Phases { get; } = new(StringComparer.Ordinal);

    public void Time(string phase, Stopwatch clock)
    {
        Phases[phase] = (Phases.TryGetValue(phase, out TimeSpan t) ? t : TimeSpan.Zero) + clock.Elapsed;
        clock.Restart();
    }

    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Files:N0} files in {Projects:N0} projects, {Elapsed.TotalMinutes:N1} min; {CompiledFiles:N0} files in {CompiledProjects:N0} projects compiled, emitted and loaded; {AgentsLoaded:N0} agent classes loaded; {Calls:N0} calls of generated members; {Failures.Count} failures.");
        sb.AppendLine("Phases: " + string.Join(", ", Phases.Select(kv => kv.Key + " " + kv.Value.TotalSeconds.ToString("N1", CultureInfo.InvariantCulture) + " s")));
        sb.AppendLine("Diagnostics seen: " + string.Join(", ", DiagnosticCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + kv.Value.ToString("N0", CultureInfo.InvariantCulture))));
        sb.AppendLine(Failures.Count == 0 ? "No failures." : string.Join("\n", Failures));
        return sb.ToString();
    }
}

/// <summary>
/// Runs projects of grammar-written agent files (<see cref="AgentGrammar"/>) through the generator
/// and both analyzers, compiles, emits and loads the output, and calls every generated member
/// that takes user input with the probe names. A failure is: a generator exception (CS8785), a
/// generator or analyzer diagnostic AGEN099, an analyzer exception (AD0001), a diagnostic outside
/// its file, generated code that does not compile cleanly, output that differs between two runs,
/// or a generated member that throws anything but its documented exception.
/// </summary>
public static class GrammarFuzzer
{
    public const string ProjectRoot = "/project/";

    private static readonly string[] ExtraProbes =
    {
        null!, string.Empty, " ", "\t", "\n", "Bash(", "mcp__", "mcp__*", "mcp__*__*", "__", "*", "()", "(", ")", "\u00FC", "\u5DE5\u5177",
        "\uD800", "\uDFFF\uD800", "\0", "\u202E", new string('x', 100_000), "mcp__" + new string('a', 70_000) + "__*", new string('(', 10_000),
        "mcp__" + string.Concat(Enumerable.Repeat("__", 5_000)), "Task", "TASK", "agent", "Agent(*)",
    };

    public static GrammarFuzzReport Run(GrammarFuzzSettings settings, Action<string>? progress = null)
    {
        var grammar = new AgentGrammar();
        var probes = grammar.ToolVocabulary.Concat(ExtraProbes).ToList();
        var report = new GrammarFuzzReport();
        var clock = Stopwatch.StartNew();
        long projects = Math.Max(1, (settings.Files + settings.FilesPerProject - 1) / settings.FilesPerProject);
        for (long p = settings.StartProject; p < settings.StartProject + projects; p++)
        {
            List<(string Path, string Text)> files = grammar.Project(settings.Seed, p, settings.FilesPerProject);
            report.Projects++;
            report.Files += files.Count;
            try
            {
                CheckProject(files, probes, report, determinism: p % 10 == 0, withUsage: p % 4 == 0, compile: p % settings.CompileEvery == 0);
            }
            catch (Exception ex)
            {
                string saved = Save(settings, p, files);
                report.Failures.Add($"project #{p} (seed {settings.Seed}) saved to {saved}: {ex.GetType().Name}: {Clip(ex.Message)}");
            }

            if (progress is not null && (report.Projects % 5 == 0 || p == settings.StartProject + projects - 1))
            {
                progress(string.Format(CultureInfo.InvariantCulture, "{0:u} project {1:N0}: {2:N0} files, {3:N0} calls, {4:N1} min, failures {5}", DateTime.UtcNow, p, report.Files, report.Calls, clock.Elapsed.TotalMinutes, report.Failures.Count));
            }

            if (report.Failures.Count >= 20)
            {
                break;
            }
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    public static IReadOnlyList<HostileFile> ToHostileFiles(IEnumerable<(string Path, string Text)> files)
        => files.Select(f => new HostileFile(ProjectRoot + f.Path, SourceText.From(f.Text, Encoding.UTF8))).ToList();

    /// <summary>Generator, analyzers, compile, emit, load, call: the whole check on one project.</summary>
    public static void CheckProject(List<(string Path, string Text)> raw, IReadOnlyList<string?> probes, GrammarFuzzReport report, bool determinism, bool withUsage = true, bool compile = true)
    {
        IReadOnlyList<HostileFile> files = ToHostileFiles(raw);
        var clock = Stopwatch.StartNew();
        GeneratorRun generated = HostilePipeline.Generate(files);
        Invariants.AssertGeneratorTotal(generated);
        Invariants.AssertAsciiOutput(generated);
        if (determinism)
        {
            Assert.Equal(generated.AllText(), HostilePipeline.Generate(files.Reverse().ToList()).AllText());
        }

        report.Time("generate", clock);

        // The agent-file analyzer on every project. Both analyzers on the generated code plus C#
        // that uses it (AGEN100-AGEN102 read the [AgentDefinition] attributes) on every 4th: that
        // binds the whole generated code again, the most expensive step.
        AnalyzerRun analyzed = withUsage
            ? Analyze(files, generated.Output, Usage(raw, probes))
            : HostilePipeline.Analyze(files);
        Invariants.AssertAnalyzerTotal(analyzed, files);
        Assert.DoesNotContain(analyzed.Diagnostics, d => d.Id == "AGEN099");
        foreach (Diagnostic d in analyzed.Diagnostics)
        {
            report.DiagnosticCounts[d.Id] = report.DiagnosticCounts.TryGetValue(d.Id, out long n) ? n + 1 : 1;
        }

        report.Time("analyze", clock);

        if (!compile)
        {
            return;
        }

        // Emit reports every compile diagnostic; RuntimeAssembly.Load fails on any warning or error.
        report.CompiledProjects++;
        report.CompiledFiles += files.Count;
        using RuntimeAssembly runtime = RuntimeAssembly.Load(generated.Output);
        report.Time("emit", clock);
        report.Calls += CallGeneratedMembers(runtime, probes, report);
        report.Time("call", clock);
    }

    private static AnalyzerRun Analyze(IReadOnlyList<HostileFile> files, Compilation output, string usage)
    {
        ImmutableArray<AdditionalText> texts = files.Select(f => f.ToAdditionalText()).ToImmutableArray();
        Compilation compilation = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(usage, GeneratorHarness.ParseOptions, "/project/Usage.cs"));
        var exceptions = new List<Exception>();
        var options = new AnalyzerOptions(texts, new AgentOptionsProvider(files.Select(f => f.Path), HostilePipeline.DefaultGlobals()));
        var withAnalyzers = new CompilationWithAnalyzers(
            compilation,
            ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer(), new ToolUsageAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

        // ToolUsageAnalyzer reports in Usage.cs: check those apart, the rest must lie in agent files.
        var inUsage = diagnostics.Where(d => d.Location.IsInSource).ToList();
        Assert.True(inUsage.All(d => d.Id is "AGEN100" or "AGEN101" or "AGEN102"), "unexpected diagnostics in C#: " + string.Join("\n", inUsage.Where(d => d.Id is not ("AGEN100" or "AGEN101" or "AGEN102")).Take(5)));
        return new AnalyzerRun(diagnostics.Where(d => !d.Location.IsInSource).ToImmutableArray(), exceptions);
    }

    /// <summary>C# that hands constant agent and tool names to the members ToolUsageAnalyzer checks.</summary>
    private static string Usage(List<(string Path, string Text)> files, IReadOnlyList<string?> probes)
    {
        var sb = new StringBuilder("namespace TestProject { public static class Usage { public static void Run() {\n");
        var rng = new Random(files.Count + files[0].Text.Length);
        for (int i = 0; i < 12; i++)
        {
            string? probe = probes[rng.Next(probes.Count)];
            string literal = probe is null || probe.Length > 200 ? "\"x\"" : SymbolDisplay.FormatLiteral(probe, quote: true);
            sb.Append("  global::TestProject.Agents.AgentCatalog.TryGet(").Append(literal).Append(", out var a").Append(i).Append(");\n");
            sb.Append("  if (a").Append(i).Append(" != null) { a").Append(i).Append(".Allows(").Append(literal).Append("); a").Append(i).Append(".EnsureAllowed(").Append(literal).Append("); }\n");
            sb.Append("  global::TestProject.Agents.AgentTools.TryParse(").Append(literal).Append(", out _);\n");
        }

        return sb.Append("} } }\n").ToString();
    }

    /// <summary>Every generated member that takes user input, with every probe; only documented exceptions.</summary>
    private static long CallGeneratedMembers(RuntimeAssembly runtime, IReadOnlyList<string?> probes, GrammarFuzzReport report)
    {
        long calls = 0;
        Dictionary<string, IAgentDefinition> agents = runtime.Agents();
        report.AgentsLoaded += agents.Count;
        Type? catalog = runtime.Assembly.GetType(HostilePipeline.Namespace + ".AgentCatalog");
        Type? tools = runtime.Assembly.GetType(HostilePipeline.Namespace + ".AgentTools");
        Assert.True(catalog is not null && tools is not null, "AgentCatalog or AgentTools missing");
        MethodInfo tryGet = catalog!.GetMethod("TryGet")!;
        MethodInfo get = catalog.GetMethod("Get")!;
        MethodInfo tryParse = tools!.GetMethod("TryParse")!;
        var all = (IReadOnlyList<IAgentDefinition>)catalog.GetProperty("All")!.GetValue(null)!;
        Assert.Equal(agents.Count, all.Count);

        var ensures = agents.Values.Select(a => (a, a.GetType().GetMethod("EnsureAllowed", new[] { typeof(string) })!)).ToList();
        foreach (string? probe in probes)
        {
            object?[] args = { probe, null };
            bool found = (bool)Call(() => tryGet.Invoke(null, args))!;
            Assert.True(found == (probe is not null && agents.ContainsKey(probe)), $"TryGet({Show(probe)}) = {found}");
            Exception? thrown = CatchInner(() => get.Invoke(null, new object?[] { probe }));
            Assert.True(found ? thrown is null : thrown is KeyNotFoundException, $"Get({Show(probe)}) threw {thrown?.GetType().Name}: {thrown?.Message}");
            object?[] parseArgs = { probe, null };
            Call(() => tryParse.Invoke(null, parseArgs));
            calls += 3;

            foreach ((IAgentDefinition agent, MethodInfo ensure) in ensures)
            {
                bool allowed = agent.Allows(probe!);
                Exception? refused = CatchInner(() => ensure.Invoke(agent, new object?[] { probe }));
                Assert.True(allowed ? refused is null : refused is ToolNotAllowedException, $"agent '{Show(agent.Name)}': Allows({Show(probe)}) = {allowed}, EnsureAllowed threw {refused?.GetType().Name}: {refused?.Message}");
                calls += 2;
            }
        }

        return calls;
    }

    private static object? Call(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException("a generated member threw " + ex.InnerException.GetType().Name + ": " + ex.InnerException.Message, ex.InnerException);
        }
    }

    private static Exception? CatchInner(Action call)
    {
        try
        {
            call();
            return null;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            return ex.InnerException;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static Exception? CatchInner(Func<object?> call) => CatchInner(() => { call(); });

    private static string Show(string? s) => s is null ? "null" : s.Length > 40 ? "\"" + s.Substring(0, 40) + "...\" (" + s.Length + " chars)" : "\"" + s + "\"";

    private static string Clip(string message) => message.Length > 1_500 ? message.Substring(0, 1_500) + "..." : message;

    private static string Save(GrammarFuzzSettings settings, long project, List<(string Path, string Text)> files)
    {
        if (settings.FailureDir is null)
        {
            return "(not saved)";
        }

        string dir = Path.Combine(settings.FailureDir, "seed" + settings.Seed + "-project" + project);
        foreach ((string path, string text) in files)
        {
            string full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
        }

        return dir;
    }
}
