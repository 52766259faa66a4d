using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text;
using AgentGen.Analyzers;
using AgentGen.Generator;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>An additional file backed by a <see cref="SourceText"/> (so tests can hand in text decoded from raw bytes).</summary>
public sealed class SourceTextAdditionalText : AdditionalText
{
    private readonly SourceText? _text;
    private readonly Exception? _throw;

    public SourceTextAdditionalText(string path, SourceText? text, Exception? throwOnRead = null)
    {
        Path = path;
        _text = text;
        _throw = throwOnRead;
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default)
        => _throw is null ? _text : throw _throw;
}

/// <summary>One agent file for <see cref="HostilePipeline"/>.</summary>
public sealed record HostileFile(string Path, SourceText? Text, Exception? ThrowOnRead = null)
{
    public static HostileFile FromString(string fileName, string text)
        => new(AgentFileVerifier.AgentDir + fileName, SourceText.From(text, Encoding.UTF8));

    /// <summary>Decodes bytes as the compiler does for a file on disk (BOM detection, UTF-8, fallback encoding).</summary>
    public static HostileFile FromBytes(string fileName, byte[] bytes)
        => new(AgentFileVerifier.AgentDir + fileName, SourceText.From(new MemoryStream(bytes)));

    public AdditionalText ToAdditionalText() => new SourceTextAdditionalText(Path, Text, ThrowOnRead);
}

/// <summary>
/// Runs the generator (through a GeneratorDriver) and the AgentFileAnalyzer (through
/// CompilationWithAnalyzers, so analyzer exceptions are seen instead of turning into AD0001) on
/// agent files, compiles the generated code, and checks the invariants every input must keep.
/// </summary>
public static class HostilePipeline
{
    public const string Namespace = "TestProject.Agents";

    public static Dictionary<string, string> DefaultGlobals() => new()
    {
        ["build_property.RootNamespace"] = "TestProject",
        ["build_property.ProjectDir"] = GeneratorHarness.ProjectDir,
    };

    public static CSharpCompilation BaseCompilation(IEnumerable<string>? sources = null, ImmutableArray<MetadataReference>? references = null) => CSharpCompilation.Create(
        "TestProject",
        (sources ?? new[] { "public static class Placeholder { }" }).Select(s => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions)),
        references ?? TestReferences.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    /// <summary>Runs only the generator (no compile of its output).</summary>
    public static GeneratorRun Generate(IReadOnlyList<HostileFile> files, IDictionary<string, string>? globals = null, CSharpCompilation? compilation = null)
    {
        compilation ??= BaseCompilation();
        ImmutableArray<AdditionalText> texts = files.Select(f => f.ToAdditionalText()).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new AgentGenerator().AsSourceGenerator() },
            texts,
            GeneratorHarness.ParseOptions,
            new AgentOptionsProvider(files.Select(f => f.Path), globals ?? DefaultGlobals()));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        GeneratorDriverRunResult run = driver.GetRunResult();
        GeneratorRunResult result = run.Results[0];
        var sources = result.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => new KeyValuePair<string, string>(s.HintName, s.SourceText.ToString()))
            .ToList();
        // The driver's list already holds what the generator reported: add only what is not in it.
        return new GeneratorRun(result.Exception, driverDiagnostics.AddRange(result.Diagnostics.Where(d => !driverDiagnostics.Contains(d))), sources, output);
    }

    /// <summary>Runs only the AgentFileAnalyzer; analyzer exceptions are collected, not swallowed.</summary>
    public static AnalyzerRun Analyze(IReadOnlyList<HostileFile> files, IDictionary<string, string>? globals = null, CSharpCompilation? compilation = null)
    {
        compilation ??= BaseCompilation();
        ImmutableArray<AdditionalText> texts = files.Select(f => f.ToAdditionalText()).ToImmutableArray();
        var exceptions = new List<Exception>();
        var options = new AnalyzerOptions(texts, new AgentOptionsProvider(files.Select(f => f.Path), globals ?? DefaultGlobals()));
        var withAnalyzers = new CompilationWithAnalyzers(
            compilation,
            ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (ex, _, _) => { lock (exceptions) { exceptions.Add(ex); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new AnalyzerRun(diagnostics, exceptions);
    }

    /// <summary>Generator and analyzer on a thread with a small stack; then the generated code is compiled (and emitted when asked).</summary>
    public static PipelineRun Run(IReadOnlyList<HostileFile> files, bool emit = false, IDictionary<string, string>? globals = null, int stackBytes = 256 * 1024)
    {
        GeneratorRun? generated = null;
        AnalyzerRun? analyzed = null;
        SmallStack.Run(() =>
        {
            generated = Generate(files, globals);
            analyzed = Analyze(files, globals);
        }, stackBytes);

        var run = new PipelineRun(files, generated!, analyzed!);
        run.CompileProblems = generated!.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (emit && run.CompileProblems.Count == 0)
        {
            using var pe = new MemoryStream();
            var result = generated.Output.Emit(pe);
            run.EmitProblems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        }

        return run;
    }

    public static PipelineRun Run(params HostileFile[] files) => Run((IReadOnlyList<HostileFile>)files);

    /// <summary>Whether every char of the generated code is printable ASCII or '\n'.</summary>
    public static string? FirstNonAscii(string source)
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            if (c != '\n' && (c < 0x20 || c > 0x7E))
            {
                int lineStart = source.LastIndexOf('\n', Math.Max(0, i - 1)) + 1;
                return $"U+{(int)c:X4} at offset {i}: {source.Substring(lineStart, Math.Min(120, source.Length - lineStart))}";
            }
        }

        return null;
    }
}

public sealed record GeneratorRun(Exception? Exception, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<KeyValuePair<string, string>> Sources, Compilation Output)
{
    public string Source(string hintName) => Sources.Single(s => s.Key == hintName).Value;

    public bool Has(string hintName) => Sources.Any(s => s.Key == hintName);

    /// <summary>All generated text, in hint-name order (for "same input, same output").</summary>
    public string AllText() => string.Concat(Sources.Select(s => "//// " + s.Key + "\n" + s.Value));
}

public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)
{
    public IEnumerable<string> Ids => Diagnostics.Select(d => d.Id);
}

public sealed class PipelineRun
{
    public PipelineRun(IReadOnlyList<HostileFile> files, GeneratorRun generated, AnalyzerRun analyzed)
    {
        Files = files;
        Generated = generated;
        Analyzed = analyzed;
    }

    public IReadOnlyList<HostileFile> Files { get; }

    public GeneratorRun Generated { get; }

    public AnalyzerRun Analyzed { get; }

    public IReadOnlyList<Diagnostic> CompileProblems { get; set; } = Array.Empty<Diagnostic>();

    public IReadOnlyList<Diagnostic> EmitProblems { get; set; } = Array.Empty<Diagnostic>();

    public IEnumerable<string> DiagnosticIds => Analyzed.Ids;

    /// <summary>
    /// The invariants of every input: no generator exception, no AD0001, generated code compiles
    /// without warnings and is printable ASCII, every diagnostic lies inside its file and formats.
    /// </summary>
    public PipelineRun AssertTotal()
    {
        Invariants.AssertGeneratorTotal(Generated);
        Invariants.AssertAnalyzerTotal(Analyzed, Files);
        Assert.True(CompileProblems.Count == 0, "Generated code does not compile cleanly:\n" + string.Join("\n", CompileProblems.Take(20)));
        Assert.True(EmitProblems.Count == 0, "Generated code does not emit:\n" + string.Join("\n", EmitProblems.Take(20)));
        Invariants.AssertAsciiOutput(Generated);
        return this;
    }

    public PipelineRun AssertReported(string id)
    {
        Assert.True(DiagnosticIds.Contains(id), $"Expected {id}; got: " + string.Join(", ", Analyzed.Diagnostics.Select(d => d.Id + " " + Clip(d.GetMessage(CultureInfo.InvariantCulture)))));
        return this;
    }

    public PipelineRun AssertNotReported(string id)
    {
        Assert.False(DiagnosticIds.Contains(id), $"Did not expect {id}; got: " + string.Join(", ", Analyzed.Diagnostics.Select(d => d.Id + " " + Clip(d.GetMessage(CultureInfo.InvariantCulture)))));
        return this;
    }

    public bool GeneratedAgent(string className) => Generated.Has(className + ".g.cs");

    private static string Clip(string s) => s.Length > 200 ? s.Substring(0, 200) + "..." : s;
}

/// <summary>The checks shared by the hostile-input tests and the fuzzer.</summary>
public static class Invariants
{
    public static void AssertGeneratorTotal(GeneratorRun run)
    {
        Assert.True(run.Exception is null, "The generator threw: " + run.Exception);
        Assert.True(run.Diagnostics.IsEmpty, "The generator driver reported: " + string.Join("\n", run.Diagnostics));
    }

    public static void AssertAnalyzerTotal(AnalyzerRun run, IReadOnlyList<HostileFile> files)
    {
        Assert.True(run.Exceptions.Count == 0, "The analyzer threw: " + string.Join("\n", run.Exceptions));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "AD0001");
        foreach (Diagnostic d in run.Diagnostics)
        {
            AssertInsideFile(d, files);
        }
    }

    /// <summary>The diagnostic's location is in one of the agent files and within its text; its message formats.</summary>
    public static void AssertInsideFile(Diagnostic d, IReadOnlyList<HostileFile> files)
    {
        Assert.StartsWith("AGEN", d.Id, StringComparison.Ordinal);
        string message = d.GetMessage(CultureInfo.InvariantCulture);
        Assert.False(string.IsNullOrWhiteSpace(message), d.Id + " has an empty message");
        foreach (Location location in new[] { d.Location }.Concat(d.AdditionalLocations))
        {
            Assert.Equal(LocationKind.ExternalFile, location.Kind);
            FileLinePositionSpan lines = location.GetLineSpan();
            HostileFile? file = files.FirstOrDefault(f => f.Path == lines.Path);
            Assert.True(file is not null, $"{d.Id} is reported in '{lines.Path}', which is not an agent file");
            if (file!.Text is null)
            {
                continue;
            }

            TextSpan span = location.SourceSpan;
            Assert.True(span.Start >= 0 && span.End <= file.Text.Length, $"{d.Id} span {span} lies outside '{file.Path}' (length {file.Text.Length})");
            LinePositionSpan expected = file.Text.Lines.GetLinePositionSpan(span);
            Assert.Equal(expected, lines.Span);
        }
    }

    public static void AssertAsciiOutput(GeneratorRun run)
    {
        foreach (KeyValuePair<string, string> source in run.Sources)
        {
            string? bad = HostilePipeline.FirstNonAscii(source.Value);
            Assert.True(bad is null, $"{source.Key} holds a character outside printable ASCII: {bad}");
        }
    }
}

/// <summary>Runs code on a thread with a small stack, so a deep recursion fails here rather than only on a busy build server.</summary>
public static class SmallStack
{
    public static void Run(Action action, int stackBytes = 256 * 1024)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        }, stackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    public static T Run<T>(Func<T> func, int stackBytes = 256 * 1024)
    {
        T result = default!;
        Run(() => { result = func(); }, stackBytes);
        return result;
    }
}
