using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using AgentGen.Analyzers;
using AgentGen.Model;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Api;

/// <summary>
/// One list of names an agent's <c>AgentCatalog</c> property must not take
/// (<c>CatalogMembers.Reserved</c>), used by the naming rule, the emitter and the analyzer: an agent
/// named after each reserved name gets its class name as the property, the catalogue compiles
/// cleanly, and AGEN101 finds every such agent by name.
/// </summary>
public class ReservedCatalogNameTests
{
    public static TheoryData<string> Reserved => new(CatalogMembers.Reserved.OrderBy(n => n, StringComparer.Ordinal));

    private static readonly Lazy<(GeneratorResult Result, Type Catalog, ImmutableArray<Diagnostic> Analyzer)> s_pipeline = new(RunPipeline);

    [Fact]
    public void The_list_holds_the_catalogues_members_and_objects()
    {
        Assert.Equal(
            new[] { "AgentCatalog", "All", "CreateIndex", "Equals", "Finalize", "Get", "GetHashCode", "GetType", "McpServers", "MemberwiseClone", "ReferenceEquals", "ToString", "TryGet" },
            CatalogMembers.Reserved.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Reserved))]
    public void The_naming_rule_and_the_emitter_give_the_class_name(string reserved)
    {
        string className = Naming.AgentClassName(AgentName(reserved));
        Assert.Equal(reserved + "Agent", className);
        Assert.Equal(className, Naming.CatalogPropertyName(className));

        (GeneratorResult result, Type catalog, _) = s_pipeline.Value;
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly;
        PropertyInfo? property = catalog.GetProperty(className, Flags);
        Assert.NotNull(property);
        Assert.Equal(AgentName(reserved), ((IAgentDefinition)property!.GetValue(null)!).Name);
        Assert.DoesNotContain(catalog.GetProperties(Flags), p => p.Name == reserved && p.PropertyType != typeof(IReadOnlyList<IAgentDefinition>));
        Assert.Contains("public static global::TestProject.Agents." + className + " " + className + " => ", result.Sources.Single(s => s.Key.EndsWith("AgentCatalog.g.cs", StringComparison.Ordinal)).Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Reserved))]
    public void The_analyzer_finds_the_agent_by_name(string reserved)
    {
        ImmutableArray<Diagnostic> diagnostics = s_pipeline.Value.Analyzer;
        string literal = "\"" + AgentName(reserved) + "\"";
        Assert.DoesNotContain(diagnostics, d => d.Id == "AGEN101" && d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan) == literal);
    }

    [Fact]
    public void The_analyzer_still_reports_an_unknown_name()
    {
        ImmutableArray<Diagnostic> diagnostics = s_pipeline.Value.Analyzer;
        Diagnostic unknown = Assert.Single(diagnostics, d => d.Id == "AGEN101");
        Assert.Equal("\"no-such-agent\"", unknown.Location.SourceTree!.GetText().ToString(unknown.Location.SourceSpan));
    }

    /// <summary><c>GetHashCode</c> becomes <c>get-hash-code</c>.</summary>
    private static string AgentName(string reserved) => Kebab(reserved);

    private static string Kebab(string pascal)
    {
        var sb = new StringBuilder();
        foreach (char c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static (GeneratorResult, Type, ImmutableArray<Diagnostic>) RunPipeline()
    {
        var harness = new GeneratorHarness();
        var calls = new StringBuilder("using TestProject.Agents;\nclass Calls\n{\n    void M()\n    {\n");
        foreach (string reserved in CatalogMembers.Reserved)
        {
            string name = AgentName(reserved);
            harness.Agent(name + ".md", "---\nname: " + name + "\ndescription: The " + name + " agent.\n---\nWork.\n");
            calls.Append("        AgentCatalog.Get(\"").Append(name).Append("\");\n");
            calls.Append("        AgentCatalog.TryGet(\"").Append(name).Append("\", out _);\n");
        }

        calls.Append("        AgentCatalog.Get(\"no-such-agent\");\n");
        harness.Sources.Add(calls.Append("    }\n}\n").ToString());
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();

        var options = new AnalyzerOptions(harness.AdditionalTexts(), new AgentOptionsProvider(harness.Agents.Select(a => a.Path), harness.Globals));
        var exceptions = new List<Exception>();
        var withAnalyzers = new CompilationWithAnalyzers(
            result.Output,
            ImmutableArray.Create<DiagnosticAnalyzer>(new ToolUsageAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        ImmutableArray<Diagnostic> diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.Empty(exceptions);

        return (result, GeneratedAssembly.Load(result).Type("AgentCatalog"), diagnostics);
    }
}
