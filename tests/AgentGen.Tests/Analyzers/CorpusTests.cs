using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Analyzers;

/// <summary>
/// The corpus under TestData/Agents: every valid file raises only what its shape inherently
/// raises, and every invalid file raises exactly what invalid/EXPECTED.txt lists (ids and lines).
/// </summary>
public class CorpusTests
{
    /// <summary>
    /// Valid files that still raise a warning by design: the contract's literal kebab-case rule
    /// flags a dotted name, a specifier in tools is dropped, and tools: [] leaves the agent without tools.
    /// </summary>
    private static readonly Dictionary<string, string[]> InherentInValid = new(StringComparer.Ordinal)
    {
        ["bash-specifier.md"] = new[] { "AGEN008 at line 4" },
        ["current-claude-fields.md"] = new[] { "AGEN008 at line 4", "AGEN008 at line 4" }, // two specifiers: one AGEN008 each, no AGEN010 (issue 10)
        ["dotted-name.md"] = new[] { "AGEN005 at line 2" },
        ["empty-tools.md"] = new[] { "AGEN011 at line 4" },
    };

    public static TheoryData<string> ValidFiles() => FileNames("valid");

    public static TheoryData<string> InvalidFiles() => FileNames("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public async Task Valid_file_raises_only_its_inherent_diagnostics(string fileName)
    {
        string[] expected = InherentInValid.TryGetValue(fileName, out string[]? ids) ? ids : Array.Empty<string>();
        string[] actual = await RunAsync(Path.Combine(TestFiles.Root, "Agents", "valid", fileName));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Inherent_list_names_only_existing_valid_files()
    {
        var files = Names("valid").ToHashSet(StringComparer.Ordinal);
        Assert.All(InherentInValid.Keys, name => Assert.Contains(name, files));
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public async Task Invalid_file_raises_exactly_what_EXPECTED_lists(string fileName)
    {
        string[] expected = Expected().Where(e => e.File == fileName).Select(e => e.Finding).OrderBy(s => s, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected); // every invalid file must be explained in EXPECTED.txt
        string[] actual = await RunAsync(Path.Combine(TestFiles.Root, "Agents", "invalid", fileName));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EXPECTED_names_only_existing_invalid_files()
    {
        var files = Names("invalid").ToHashSet(StringComparer.Ordinal);
        Assert.All(Expected(), e => Assert.Contains(e.File, files));
    }

    [Fact]
    public async Task Sample_agents_raise_nothing_but_the_unknown_field_info()
    {
        // Together, as in the sample project: their messages name each other as requesting agents.
        string[] paths = TestFiles.SampleAgents().ToArray();
        Assert.NotEmpty(paths);
        string[] actual = await RunAsync(paths);
        Assert.All(actual, a => Assert.StartsWith("AGEN015 ", a, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Names(string folder) => TestFiles.Agents(folder).Select(p => Path.GetFileName(p));

    private static TheoryData<string> FileNames(string folder)
    {
        var data = new TheoryData<string>();
        foreach (string name in Names(folder))
        {
            data.Add(name);
        }

        return data;
    }

    private static IEnumerable<(string File, string Finding)> Expected()
    {
        foreach (string raw in File.ReadAllLines(Path.Combine(TestFiles.Root, "Agents", "invalid", "EXPECTED.txt")))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            Assert.True(colon > 0, "EXPECTED.txt line is not 'file.md: AGENxxx at line N': " + line);
            yield return (line.Substring(0, colon), line.Substring(colon + 2));
        }
    }

    /// <summary>Runs the analyzer (file and compilation-end actions) on files of one project; "AGENxxx at line N", sorted.</summary>
    private static async Task<string[]> RunAsync(params string[] paths)
    {
        string[] agentPaths = paths.Select(p => "/project/.claude/agents/" + Path.GetFileName(p)).ToArray();
        var additional = paths.Select((p, i) => (AdditionalText)new InMemoryAdditionalText(agentPaths[i], TestFiles.Read(p))).ToImmutableArray();
        var compilation = CSharpCompilation.Create(
            "Corpus",
            new[] { CSharpSyntaxTree.ParseText("public static class Placeholder { }") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(additional, new AgentOptionsProvider(agentPaths));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Select(d => $"{d.Id} at line {d.Location.GetLineSpan().StartLinePosition.Line + 1}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }
}
