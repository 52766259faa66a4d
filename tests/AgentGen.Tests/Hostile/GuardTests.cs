using System.Collections;
using AgentGen.Diagnostics;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Where a guard catches something unexpected, it reports AGEN099 naming the file; nothing is
/// swallowed silently. The generator skips such a file (it reports nothing: diagnostics are the
/// analyzer's job) and still generates every other file.
/// </summary>
public class GuardTests
{
    private const string Good = "---\nname: good-agent\ndescription: Still generated.\ntools: Read, Custom\n---\nBody\n";

    /// <summary>A known-tools list that throws when read: the only way to make the parser itself fail.</summary>
    private sealed class ExplodingTools : IReadOnlyCollection<string>
    {
        public int Count => 1;

        public IEnumerator<string> GetEnumerator() => throw new InvalidOperationException("boom from the test");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void Parser_guard_turns_an_exception_into_agen099_at_the_file()
    {
        const string path = "/project/.claude/agents/good.md";
        AgentParseResult result = AgentFileParser.Parse(path, Good, new ExplodingTools());
        Assert.Null(result.Model);
        DiagnosticInfo info = Assert.Single(result.Diagnostics);
        Assert.Equal("AGEN099", info.Descriptor.Id);
        Assert.Contains("InvalidOperationException: boom from the test", info.Message, StringComparison.Ordinal);

        Diagnostic diagnostic = info.ToDiagnostic(path, SourceText.From(Good));
        Assert.Equal(path, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(null)]
    public void Unreadable_file_is_agen099_from_the_analyzer_and_skipped_by_the_generator(Type? exceptionType)
    {
        Exception? toThrow = exceptionType is null ? null : (Exception)Activator.CreateInstance(exceptionType, "cannot read")!;
        var files = new[]
        {
            new HostileFile("/project/.claude/agents/broken.md", null, toThrow),
            HostileFile.FromString("good.md", Good),
        };

        GeneratorRun generated = HostilePipeline.Generate(files);
        Invariants.AssertGeneratorTotal(generated);
        Assert.True(generated.Has("GoodAgent.g.cs"));
        Assert.Empty(generated.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

        AnalyzerRun analyzed = HostilePipeline.Analyze(files);
        Invariants.AssertAnalyzerTotal(analyzed, files);
        Diagnostic d = Assert.Single(analyzed.Diagnostics, d => d.Id == "AGEN099");
        Assert.Equal("/project/.claude/agents/broken.md", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Every_parse_failure_the_generator_skips_is_reported_by_the_analyzer()
    {
        // For each corpus file alone: a class is generated exactly when the analyzer reports no
        // error and no AGEN099 for it (what is reported is exactly what is skipped).
        foreach ((string name, string text) in Determinism.DeterminismTests.Corpus())
        {
            var files = new[] { HostileFile.FromString(name, text) };
            GeneratorRun generated = HostilePipeline.Generate(files);
            AnalyzerRun analyzed = HostilePipeline.Analyze(files);
            bool generatedAgent = generated.Sources.Any(s => s.Key != "AgentTool.g.cs" && s.Key != "AgentCatalog.g.cs" && s.Value.Contains("public const string AgentName", StringComparison.Ordinal));
            bool blocked = analyzed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Id == "AGEN099")
                || AgentGen.Parsing.AgentFileParser.Parse(files[0].Path, text).IsDocumentation; // documentation: no class, no error (issue 10)
            Assert.True(generatedAgent != blocked, $"{name}: generated={generatedAgent}, diagnostics: {string.Join(", ", analyzed.Ids)}");
        }
    }
}
