using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AgentGen.Analyzers;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Usage;

/// <summary>
/// Compile time and run time give the same "did you mean" (both call the shared
/// <c>src/Shared/NameSuggestions.cs</c>): for each literal, the names AGEN101 offers for
/// <c>AgentCatalog.Get("...")</c> are the names in the <see cref="KeyNotFoundException"/> that the
/// generated <c>AgentCatalog.Get</c> throws for the same literal and the same agents.
/// </summary>
public class SuggestionAgreementTests
{
    private static readonly string[] AgentNames =
        ["code-reviewer", "docs-writer", "release-manager", "triage-bot", "api-tester", "app-tester", "checker"];

    /// <summary>Literal, then the expected suggestions ("" for none), separated by '|'.</summary>
    public static TheoryData<string, string> Table => new()
    {
        // Misspellings: within the edit-distance limit.
        { "code-reviwer", "code-reviewer" },
        { "Docs-Writer", "docs-writer" },
        { "apx-tester", "api-tester|app-tester" },
        { "chekcer", "checker" },
        { "cheker", "checker" },
        { "releas-manager", "release-manager" },
        { "triagebot", "triage-bot" },
        { "docswriter", "docs-writer" },
        { "Code-Reviewer", "code-reviewer" },
        // Parts of a name (3 characters or more): the shortest containing names first.
        { "reviewer", "code-reviewer" },
        { "docs", "docs-writer" },
        { "writer", "docs-writer" },
        { "release", "release-manager" },
        { "manager", "release-manager" },
        { "bot", "triage-bot" },
        { "api", "api-tester" },
        { "tester", "api-tester|app-tester" },
        // Misspellings come before parts.
        { "checkr", "checker" },
        // Nothing close.
        { "deployment-orchestrator", "" },
        { "xyz", "" },
        { "ap", "" },
        { "reveiwer", "" },
    };

    private static readonly Lazy<(Dictionary<string, string[]> CompileTime, Type Catalog)> s_pipeline = new(RunPipeline);

    [Theory]
    [MemberData(nameof(Table))]
    public void Compile_time_and_run_time_offer_the_same_names(string literal, string expected)
    {
        string[] want = expected.Length == 0 ? [] : expected.Split('|');
        (Dictionary<string, string[]> compileTime, Type catalog) = s_pipeline.Value;

        Assert.True(compileTime.TryGetValue(literal, out string[]? atCompileTime), "AGEN101 was not reported for '" + literal + "'");
        var ex = Assert.Throws<KeyNotFoundException>(() => catalog.Static("Get", literal));
        string[] atRunTime = Offered(ex.Message);

        Assert.Equal(atCompileTime, atRunTime);
        Assert.Equal(want, atRunTime);
        if (want.Length == 0)
        {
            Assert.Contains("Known agents: ", ex.Message, StringComparison.Ordinal);
        }
    }

    private static (Dictionary<string, string[]>, Type) RunPipeline()
    {
        var harness = new GeneratorHarness();
        foreach (string name in AgentNames)
        {
            harness.Agent(name + ".md", "---\nname: " + name + "\ndescription: The " + name + " agent.\n---\nWork.\n");
        }

        var calls = new StringBuilder("using TestProject.Agents;\nclass Calls\n{\n    void M()\n    {\n");
        foreach (object[] row in Table)
        {
            calls.Append("        AgentCatalog.Get(\"").Append((string)row[0]).Append("\");\n");
        }

        harness.Sources.Add(calls.Append("    }\n}\n").ToString());
        GeneratorResult result = harness.Run();

        var options = new AnalyzerOptions(harness.AdditionalTexts(), new AgentOptionsProvider(harness.Agents.Select(a => a.Path), harness.Globals));
        var exceptions = new List<Exception>();
        var withAnalyzers = new CompilationWithAnalyzers(
            result.Output,
            ImmutableArray.Create<DiagnosticAnalyzer>(new ToolUsageAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.Empty(exceptions);

        var compileTime = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (Diagnostic d in diagnostics.Where(d => d.Id == "AGEN101"))
        {
            string literal = d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan).Trim('"');
            compileTime.Add(literal, Offered(d.GetMessage()));
        }

        Assembly asm = GeneratedAssembly.Load(result);
        return (compileTime, asm.Type("AgentCatalog"));
    }

    /// <summary>The quoted names after "did you mean", in order; none when the message offers none.</summary>
    private static string[] Offered(string message)
    {
        Match m = Regex.Match(message, "did you mean (.*)\\?", RegexOptions.IgnoreCase);
        return m.Success ? Regex.Matches(m.Groups[1].Value, "'([^']+)'").Select(q => q.Groups[1].Value).ToArray() : [];
    }
}
