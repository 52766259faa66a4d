using System.Collections.Immutable;
using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentGen.Tests.Infrastructure;

/// <summary>Runs the generator over in-memory agent files and compiles the result.</summary>
public sealed class GeneratorHarness
{
    public const string ProjectDir = "/project/";

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public List<(string Path, string Text)> Agents { get; } = new();

    public List<(string Path, string Text)> OtherAdditionalFiles { get; } = new();

    public List<string> Sources { get; } = new();

    /// <summary>AgentGenKind of <see cref="OtherAdditionalFiles"/> by path, as the package's targets set it.</summary>
    public Dictionary<string, string> OtherKinds { get; } = new(StringComparer.Ordinal);

    public const string McpConfigPath = ProjectDir + ".mcp.json";

    public Dictionary<string, string> Globals { get; } = new()
    {
        ["build_property.RootNamespace"] = "TestProject",
        ["build_property.ProjectDir"] = ProjectDir,
    };

    public ImmutableArray<MetadataReference> References { get; set; } = TestReferences.All;

    public GeneratorHarness Agent(string fileName, string text)
    {
        Agents.Add((ProjectDir + ".claude/agents/" + fileName, text));
        return this;
    }

    /// <summary>The project's .mcp.json (AgentGenKind=McpConfig).</summary>
    public GeneratorHarness McpConfig(string text)
    {
        OtherAdditionalFiles.Add((McpConfigPath, text));
        OtherKinds[McpConfigPath] = "McpConfig";
        return this;
    }

    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create(
        "TestProject",
        Sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public ImmutableArray<AdditionalText> AdditionalTexts() =>
        Agents.Concat(OtherAdditionalFiles).Select(a => (AdditionalText)new InMemoryAdditionalText(a.Path, a.Text)).ToImmutableArray();

    public GeneratorDriver CreateDriver(bool trackSteps = false) => CSharpGeneratorDriver.Create(
        new[] { new AgentGenerator().AsSourceGenerator() },
        AdditionalTexts(),
        ParseOptions,
        new AgentOptionsProvider(Agents.Select(a => a.Path), Globals, OtherKinds),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; returns generated sources by hint name and the output compilation.</summary>
    public GeneratorResult Run()
    {
        CSharpCompilation compilation = CreateCompilation();
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorDriverRunResult run = driver.GetRunResult();
        var sources = run.Results.SelectMany(r => r.GeneratedSources).ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);
        return new GeneratorResult(sources, output, generatorDiagnostics, run.Results.Select(r => r.Exception).Where(e => e is not null).ToList()!);
    }
}

public sealed record GeneratorResult(
    IReadOnlyDictionary<string, string> Sources,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<Exception> Exceptions)
{
    /// <summary>Compiler errors and warnings of the output (warnings count: generated code must be warning-free).</summary>
    public IReadOnlyList<Diagnostic> CompileProblems() => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();

    public void AssertCompilesCleanly()
    {
        Assert.Empty(Exceptions);
        Assert.Empty(GeneratorDiagnostics);
        IReadOnlyList<Diagnostic> problems = CompileProblems();
        Assert.True(problems.Count == 0, "Generated code has problems:\n" + string.Join("\n", problems.Select(p => p.ToString())));
    }
}
