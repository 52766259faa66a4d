using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentGen.Diagnostics;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Hostile;

/// <summary>Settings of a fuzz run, from environment variables (documented in docs/robustness.md).</summary>
public sealed record FuzzSettings(int Seed, long Start, long Count, int CompileEvery, int BatchSize, string? LogPath, string? FailureDir)
{
    public static FuzzSettings FromEnvironment() => new(
        (int)Number("AGENTGEN_FUZZ_SEED", 20_260_701),
        Number("AGENTGEN_FUZZ_START", 0),
        Number("AGENTGEN_FUZZ_COUNT", 4_000),
        (int)Number("AGENTGEN_FUZZ_COMPILE_EVERY", 20),
        16,
        Environment.GetEnvironmentVariable("AGENTGEN_FUZZ_LOG"),
        Environment.GetEnvironmentVariable("AGENTGEN_FUZZ_FAILURES") ?? Path.Combine(Path.GetTempPath(), "agentgen-fuzz-failures"));

    private static long Number(string name, long fallback)
        => long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long n) ? n : fallback;
}

/// <summary>What a fuzz run did and found.</summary>
public sealed class FuzzReport
{
    public long Mutants { get; set; }

    public long BytesMutants { get; set; }

    public long Compiled { get; set; }

    public long BatchCompiled { get; set; }

    public long AnalyzerRuns { get; set; }

    public long Generated { get; set; }

    public Dictionary<string, long> DiagnosticCounts { get; } = new(StringComparer.Ordinal);

    public List<string> Failures { get; } = new();

    public List<(long Index, long Milliseconds)> Slowest { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public string Summary()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{Mutants:N0} mutants ({BytesMutants:N0} as raw bytes) in {Elapsed.TotalSeconds:N0} s; {AnalyzerRuns:N0} analyzer runs; {Compiled:N0} single-file and {BatchCompiled:N0} multi-file generator runs compiled and emitted; {Generated:N0} of the compiled mutants generated an agent class.");
        sb.AppendLine("Diagnostics seen: " + string.Join(", ", DiagnosticCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + " " + kv.Value.ToString("N0", CultureInfo.InvariantCulture))));
        sb.AppendLine("Slowest mutants (ms, not asserted): " + string.Join(", ", Slowest.OrderByDescending(s => s.Milliseconds).Select(s => "#" + s.Index + " " + s.Milliseconds)));
        sb.AppendLine(Failures.Count == 0 ? "No failures." : Failures.Count + " failures:\n" + string.Join("\n", Failures));
        return sb.ToString();
    }
}

/// <summary>
/// Mutates the sample and test agent files and checks, for every mutant: the parser and the
/// analyzer do not throw (no AD0001, no AGEN099), every diagnostic lies inside the file, the
/// same input gives the same result; and for every Nth mutant: the generator does not throw,
/// its output compiles and emits without warnings, is printable ASCII, is the same on a second
/// run, and an agent class exists exactly when the analyzer reports no error for the file.
/// </summary>
public static class Fuzzer
{
    public const string Dir = "/project/.claude/agents/";

    public static List<string> Seeds()
    {
        var seeds = Determinism.DeterminismTests.Corpus().Select(f => f.Text).ToList();
        seeds.Add("---\nname: rich-agent\ndescription: \"Quoted: with colon\"\ntools:\n  - Read\n  - Bash(git diff:*)\n  - mcp__context7__resolve-library-id\ndisallowedTools: [Write]\nmodel: claude-sonnet-4-20250514\npermissionMode: plan\nmaxTurns: 7\nskills: [one, two]\nmcpServers:\n  - github\n  - local: {command: run}\nhooks:\n  PreToolUse:\n    - matcher: Bash\n      hooks: [{type: command, command: echo}]\nmemory: project\nbackground: true\neffort: high\nisolation: worktree\ncolor: cyan\ninitialPrompt: |\n  Start here.\n  Then go on.\nexperimental:\n  flag: 1\ncategory: quality\n---\n# Rich\n\n```json\n{\"requesting_agent\": \"rich-agent\", \"request_type\": \"rich_request\", \"payload\": {\"files\": [\"a\", \"b\"], \"depth\": 2, \"ratio\": 0.5, \"strict\": true, \"options\": {\"mode\": \"fast\", \"limits\": [1, 2]}, \"note\": null}}\n```\n\n````md\n```json\n{\"nested\": true}\n```\n````\n");
        seeds.Add("---\nname: \"quoted-\\\"name\\\"\"\ndescription: >\n  Folded text\n  over lines.\ntools: Read, Grep, Glob\n\"odd key\": 'single ''quoted'''\nanchors: &a {x: 1}\nalias: *a\n---\n```json\n{\"request_type\": \"rich_request\", \"payload\": {\"files\": [], \"depth\": 3.5, \"extra\": {\"deep\": [[1]]}}}\n```\n");
        return seeds;
    }

    public static FuzzReport Run(FuzzSettings settings, Action<string>? progress = null)
    {
        var report = new FuzzReport();
        var mutator = new Mutator(Seeds());
        var clock = Stopwatch.StartNew();
        var batch = new List<(long Index, HostileFile File, string Recipe)>();
        long lastLogged = 0;
        long current = settings.Start;
        using var watchdog = new Timer(_ => Watch(settings, mutator, ref current), null, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

        for (long i = settings.Start; i < settings.Start + settings.Count; i++)
        {
            Interlocked.Exchange(ref current, i);
            var mutantClock = Stopwatch.StartNew();
            (string text, byte[]? bytes, string recipe) = mutator.Mutant(settings.Seed, i);
            string path = Dir + "m" + (i % settings.BatchSize).ToString(CultureInfo.InvariantCulture) + ".md";
            HostileFile file = bytes is null ? new HostileFile(path, Microsoft.CodeAnalysis.Text.SourceText.From(text, Encoding.UTF8)) : HostileFile.FromBytes("m" + (i % settings.BatchSize).ToString(CultureInfo.InvariantCulture) + ".md", bytes);
            report.Mutants++;
            if (bytes is not null)
            {
                report.BytesMutants++;
            }

            Check(report, settings, i, recipe, file, () => CheckParser(file, report));
            batch.Add((i, file, recipe));

            if (settings.CompileEvery > 0 && i % settings.CompileEvery == 0)
            {
                Check(report, settings, i, recipe, file, () => CheckGenerator(new[] { file }, report, single: true));
            }

            if (batch.Count == settings.BatchSize)
            {
                FlushBatch(report, settings, batch, compile: settings.CompileEvery > 0 && (i / settings.BatchSize) % 25 == 0);
            }

            long ms = mutantClock.ElapsedMilliseconds;
            if (report.Slowest.Count < 5 || ms > report.Slowest.Min(s => s.Milliseconds))
            {
                report.Slowest.Add((i, ms));
                if (report.Slowest.Count > 5)
                {
                    report.Slowest.Remove(report.Slowest.OrderBy(s => s.Milliseconds).First());
                }
            }

            if (progress is not null && (i - lastLogged >= 1_000 || i == settings.Start + settings.Count - 1))
            {
                lastLogged = i;
                progress(string.Format(CultureInfo.InvariantCulture, "{0:u} mutant {1:N0} ({2:N0} done, {3:N0} s), failures {4}", DateTime.UtcNow, i, report.Mutants, clock.Elapsed.TotalSeconds, report.Failures.Count));
            }

            if (report.Failures.Count >= 20)
            {
                break;
            }
        }

        if (batch.Count > 0)
        {
            FlushBatch(report, settings, batch, compile: false);
        }

        report.Elapsed = clock.Elapsed;
        return report;
    }

    private static void Watch(FuzzSettings settings, Mutator mutator, ref long current)
    {
        // Called every minute: a mutant that takes that long is written out so a hang can be replayed.
        long index = Interlocked.Read(ref current);
        if (settings.LogPath is null)
        {
            return;
        }

        string marker = settings.LogPath + ".last-minute";
        string previous = File.Exists(marker) ? File.ReadAllText(marker) : string.Empty;
        string now = index.ToString(CultureInfo.InvariantCulture);
        if (previous == now)
        {
            File.AppendAllText(settings.LogPath, $"STILL ON MUTANT {now} AFTER A MINUTE\n");
            Directory.CreateDirectory(settings.FailureDir!);
            File.WriteAllText(Path.Combine(settings.FailureDir!, "slow-" + settings.Seed + "-" + now + ".md"), mutator.Mutant(settings.Seed, index).Text);
        }

        File.WriteAllText(marker, now);
    }

    private static void FlushBatch(FuzzReport report, FuzzSettings settings, List<(long Index, HostileFile File, string Recipe)> batch, bool compile)
    {
        HostileFile[] files = batch.Select(b => b.File).ToArray();
        string where = "batch " + batch[0].Index + ".." + batch[batch.Count - 1].Index;
        Check(report, settings, batch[0].Index, where, null, () =>
        {
            AnalyzerRun analyzed = HostilePipeline.Analyze(files);
            report.AnalyzerRuns++;
            Invariants.AssertAnalyzerTotal(analyzed, files);
            Assert.DoesNotContain(analyzed.Diagnostics, d => d.Id == "AGEN099");
            foreach (Diagnostic d in analyzed.Diagnostics)
            {
                report.DiagnosticCounts[d.Id] = report.DiagnosticCounts.TryGetValue(d.Id, out long n) ? n + 1 : 1;
            }

            if (compile)
            {
                CheckGenerator(files, report, single: false);
            }
        }, batch.Select(b => b.File).ToArray());
        batch.Clear();
    }

    /// <summary>The parser twice on the same text: same result, spans inside the text, no AGEN099, a model exactly when there is no error.</summary>
    private static void CheckParser(HostileFile file, FuzzReport report)
    {
        string text = file.Text!.ToString();
        AgentParseResult a = AgentFileParser.Parse(file.Path, text);
        AgentParseResult b = AgentFileParser.Parse(file.Path, text);
        Assert.Equal(a.Model, b.Model);
        Assert.Equal(Describe(a), Describe(b));
        foreach (DiagnosticInfo d in a.Diagnostics)
        {
            Assert.True(d.Span.Start >= 0 && d.Span.Length >= 0 && d.Span.End <= text.Length, $"{d.Descriptor.Id} span {d.Span} outside the text (length {text.Length})");
            Assert.NotEqual("AGEN099", d.Descriptor.Id);
            _ = d.Message;
        }

        // A documentation file (no frontmatter, nothing of an agent: issue 10) has neither.
        bool blocked = a.Diagnostics.Any(d => d.IsError) || a.IsDocumentation;
        Assert.True((a.Model is null) == blocked, $"model {(a.Model is null ? "missing" : "present")} but errors: {string.Join(", ", a.Diagnostics.Where(d => d.IsError).Select(d => d.Descriptor.Id))}");
    }

    private static string Describe(AgentParseResult r)
        => string.Join("\n", r.Diagnostics.Select(d => d.Descriptor.Id + " " + d.Span + " " + d.Message)) + "\nname=" + r.Name + " " + r.NameSpan;

    /// <summary>Generator twice (same output), compile and emit cleanly, ASCII; for one file: a class exactly when the analyzer has no error.</summary>
    private static void CheckGenerator(HostileFile[] files, FuzzReport report, bool single)
    {
        GeneratorRun first = HostilePipeline.Generate(files);
        Invariants.AssertGeneratorTotal(first);
        GeneratorRun second = HostilePipeline.Generate(files);
        Assert.Equal(first.AllText(), second.AllText());
        Invariants.AssertAsciiOutput(first);
        var problems = first.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "generated code does not compile: " + string.Join("\n", problems.Take(10)));
        using (var pe = new MemoryStream())
        {
            var emit = first.Output.Emit(pe);
            Assert.True(emit.Success, "generated code does not emit: " + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }

        if (single)
        {
            report.Compiled++;
            bool generated = first.Sources.Any(s => s.Value.Contains("public const string AgentName", StringComparison.Ordinal));
            if (generated)
            {
                report.Generated++;
            }

            AnalyzerRun analyzed = HostilePipeline.Analyze(files);
            bool blocked = analyzed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Id == "AGEN099")
                || (files[0].Text is { } t && AgentFileParser.Parse(files[0].Path, t.ToString()).IsDocumentation); // documentation: no class, no error (issue 10)
            Assert.True(generated != blocked, $"generated={generated} but diagnostics: {string.Join(", ", analyzed.Ids)}");
        }
        else
        {
            report.BatchCompiled++;
        }
    }

    private static void Check(FuzzReport report, FuzzSettings settings, long index, string recipe, HostileFile? file, Action check, HostileFile[]? files = null)
    {
        try
        {
            check();
        }
        catch (Exception ex)
        {
            string saved = Save(settings, index, file, files);
            report.Failures.Add($"mutant #{index} (seed {settings.Seed}; {recipe}) saved to {saved}: {ex.GetType().Name}: {First(ex.Message)}");
        }
    }

    private static string First(string message) => message.Length > 1_500 ? message.Substring(0, 1_500) + "..." : message;

    private static string Save(FuzzSettings settings, long index, HostileFile? file, HostileFile[]? files)
    {
        if (settings.FailureDir is null)
        {
            return "(not saved)";
        }

        Directory.CreateDirectory(settings.FailureDir);
        string stem = Path.Combine(settings.FailureDir, "seed" + settings.Seed + "-" + index);
        foreach ((HostileFile f, int n) in (files ?? new[] { file! }).Select((f, n) => (f, n)))
        {
            if (f?.Text is not null)
            {
                File.WriteAllText(stem + (files is null ? string.Empty : "-" + n) + ".md", f.Text.ToString(), new UTF8Encoding(false));
            }
        }

        return stem + "*";
    }
}
