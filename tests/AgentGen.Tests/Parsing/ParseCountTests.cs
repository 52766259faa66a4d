using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using AgentGen.Analyzers;
using AgentGen.Common;
using AgentGen.Generator;
using AgentGen.Parsing;
using AgentGen.Tests.Hostile;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Parsing;

/// <summary>
/// Issue 12: one parse per agent file per compilation. The generator's parse step and
/// AgentFileAnalyzer share <see cref="AgentParseCache"/>; these tests count the parses it does not
/// serve (its test seam <see cref="AgentParseCache.ParseHook"/>), for their own files only (a
/// folder of their own per test), so tests running in parallel do not disturb the counts.
/// </summary>
public sealed class ParseCountTests
{
    private static readonly string[] Names = { "reviewer", "writer", "planner" };

    [Fact]
    public void A_build_parses_each_agent_file_once_for_the_generator_and_the_analyzer()
    {
        using var counter = new ParseCounter();
        ImmutableArray<AdditionalText> texts = ReadFromDisk(counter.Folder, Names);

        // As csc does: the generator driver runs, then the analyzers on the same AdditionalTexts.
        Compilation output = Generate(texts, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.Equal(Names.Length, counter.Total);

        ImmutableArray<Diagnostic> diagnostics = Analyze(output, texts);
        Assert.Contains(diagnostics, d => d.Id == "AGEN007"); // the analyzer saw the parse results
        Assert.All(texts, t => Assert.Equal(1, counter.CountOf(t.Path)));
        Assert.Equal(Names.Length, counter.Total);
    }

    [Fact]
    public void A_large_file_read_into_chunks_is_also_parsed_once()
    {
        using var counter = new ParseCounter();

        // About 60 KB: the compiler reads a file this large into a SourceText of chunks whose
        // ToString() builds a new string every time, so the parse cannot be found by string alone.
        string body = string.Concat(Enumerable.Repeat("Check every changed file against the style guide before you answer.\n", 900));
        var large = (AdditionalText)new SourceTextAdditionalText(counter.Folder + "large.md", SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(Agent("large") + body))));
        SourceText read = large.GetText()!;
        Assert.NotSame(read.ToString(), read.ToString()); // the premise: a chunked text
        ImmutableArray<AdditionalText> texts = ReadFromDisk(counter.Folder, Names).Add(large);

        Compilation output = Generate(texts, out ImmutableArray<Diagnostic> generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        ImmutableArray<Diagnostic> diagnostics = Analyze(output, texts);

        Assert.Contains(diagnostics, d => d.Id == "AGEN007" && d.Location.GetLineSpan().Path == large.Path);
        Assert.All(texts, t => Assert.Equal(1, counter.CountOf(t.Path)));
    }

    [Fact]
    public void Files_read_again_are_parsed_again_so_the_counter_can_fail()
    {
        using var counter = new ParseCounter();
        ImmutableArray<AdditionalText> texts = ReadFromDisk(counter.Folder, Names);
        Compilation output = Generate(texts, out _);

        // A new read of each file (new SourceText, new string): nothing to share with the generator.
        Analyze(output, ReadFromDisk(counter.Folder, Names));
        Assert.All(texts, t => Assert.Equal(2, counter.CountOf(t.Path)));
    }

    [Fact]
    public void The_ide_reanalysing_unchanged_files_parses_nothing_and_an_edited_file_once()
    {
        using var counter = new ParseCounter();
        ImmutableArray<AdditionalText> texts = ReadFromDisk(counter.Folder, Names);
        Compilation compilation = HostilePipeline.BaseCompilation();
        Analyze(compilation, texts);
        Assert.Equal(Names.Length, counter.Total);

        // Same SourceText instances in a new compilation; one file edited (a new SourceText).
        AdditionalText edited = new SourceTextAdditionalText(texts[0].Path, SourceText.From(Agent(Names[0]) + "\nOne more line.\n", Encoding.UTF8));
        Analyze(HostilePipeline.BaseCompilation(new[] { "class Edited { }" }), texts.SetItem(0, edited));
        Assert.Equal(2, counter.CountOf(texts[0].Path));
        Assert.Equal(1, counter.CountOf(texts[1].Path));
        Assert.Equal(Names.Length + 1, counter.Total);
    }

    [Fact]
    public void A_result_is_reused_only_for_the_same_path_known_tools_and_dialect()
    {
        using var counter = new ParseCounter();
        string text = Agent("reviewer");
        string path = counter.Folder + "reviewer.md";
        var known = new[] { "Shout" }.ToEquatableArray();

        AgentParseResult first = AgentParseCache.GetOrParse(path, text, default, Catalog.AgentDialect.Claude);
        Assert.Same(first, AgentParseCache.GetOrParse(path, text, default, Catalog.AgentDialect.Claude));
        Assert.Equal(1, counter.Total);

        AgentParseResult withTools = AgentParseCache.GetOrParse(path, text, known, Catalog.AgentDialect.Claude);
        Assert.NotSame(first, withTools);
        Assert.Empty(withTools.Diagnostics); // 'Shout' is known now
        Assert.Contains(first.Diagnostics, d => d.Descriptor.Id == "AGEN007");

        AgentParseResult copilot = AgentParseCache.GetOrParse(path, text, default, Catalog.AgentDialect.Copilot);
        AgentParseResult otherPath = AgentParseCache.GetOrParse(counter.Folder + "other.md", text, default, Catalog.AgentDialect.Claude);
        Assert.Equal(4, counter.Total);
        Assert.NotSame(copilot, first);
        Assert.NotSame(otherPath, first);

        // Each of the four is still cached.
        Assert.Same(first, AgentParseCache.GetOrParse(path, text, default, Catalog.AgentDialect.Claude));
        Assert.Same(withTools, AgentParseCache.GetOrParse(path, text, known, Catalog.AgentDialect.Claude));
        Assert.Same(copilot, AgentParseCache.GetOrParse(path, SourceText.From(text), default, Catalog.AgentDialect.Copilot));
        Assert.Equal(4, counter.Total);
    }

    [Fact]
    public void Concurrent_readers_of_one_text_all_get_a_result_with_the_files_diagnostics()
    {
        using var counter = new ParseCounter();
        string path = counter.Folder + "reviewer.md";
        SourceText text = SourceText.From(Agent("reviewer"), Encoding.UTF8);
        AgentParseResult[] results = new AgentParseResult[16];
        Parallel.For(0, results.Length, i => results[i] = i % 2 == 0
            ? AgentParseCache.GetOrParse(path, text, default, Catalog.AgentDialect.Claude)
            : AgentParseCache.GetOrParse(path, text.ToString(), default, Catalog.AgentDialect.Claude));
        Assert.All(results, r => Assert.Contains(r.Diagnostics, d => d.Descriptor.Id == "AGEN007"));
        Assert.InRange(counter.Total, 1, results.Length);
    }

    private static string Agent(string name)
        => $"---\nname: {name}\ndescription: The {name}.\ntools: Read, Grep, Shout\n---\nYou are the {name}.\n\n```json\n{{\"requesting_agent\": \"{name}\", \"request_type\": \"{name}_request\", \"payload\": {{\"id\": 1}}}}\n```\n";

    /// <summary>Each file decoded from bytes, as the compiler reads a file from disk.</summary>
    private static ImmutableArray<AdditionalText> ReadFromDisk(string folder, IEnumerable<string> names)
        => names.Select(n => (AdditionalText)new SourceTextAdditionalText(folder + n + ".md", SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(Agent(n))))))
            .ToImmutableArray();

    private static AgentOptionsProvider Options(ImmutableArray<AdditionalText> texts)
        => new(texts.Select(t => t.Path), HostilePipeline.DefaultGlobals());

    private static Compilation Generate(ImmutableArray<AdditionalText> texts, out ImmutableArray<Diagnostic> diagnostics)
    {
        CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, texts, GeneratorHarness.ParseOptions, Options(texts))
            .RunGeneratorsAndUpdateCompilation(HostilePipeline.BaseCompilation(), out Compilation output, out diagnostics);
        return output;
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<AdditionalText> texts)
    {
        var exceptions = new List<Exception>();
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(texts, Options(texts)), (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();
        Assert.Empty(exceptions);
        return diagnostics;
    }

    /// <summary>Counts the parses of files in a folder of its own while it is alive.</summary>
    private sealed class ParseCounter : IDisposable
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Action<string> _hook;

        public ParseCounter()
        {
            Folder = GeneratorHarness.ProjectDir + ".claude/agents/count-" + Guid.NewGuid().ToString("N") + "/";
            _hook = path =>
            {
                if (path.StartsWith(Folder, StringComparison.Ordinal))
                {
                    _counts.AddOrUpdate(path, 1, (_, n) => n + 1);
                }
            };
            Update(h => (Action<string>)Delegate.Combine(h, _hook));
        }

        public string Folder { get; }

        public int Total => _counts.Values.Sum();

        public int CountOf(string path) => _counts.TryGetValue(path, out int n) ? n : 0;

        public void Dispose() => Update(h => (Action<string>?)Delegate.Remove(h, _hook));

        private static void Update(Func<Action<string>?, Action<string>?> change)
        {
            while (true)
            {
                Action<string>? current = AgentParseCache.ParseHook;
                if (Interlocked.CompareExchange(ref AgentParseCache.ParseHook, change(current), current) == current)
                {
                    return;
                }
            }
        }
    }
}
