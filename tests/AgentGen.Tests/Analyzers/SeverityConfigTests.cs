using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>Contract §5: the severity of the .md rules is configurable in .globalconfig.</summary>
public class SeverityConfigTests
{
    private static readonly string PlainFile = Agent("queue-monitor", "tools: Read, Reed", "model: sonet", "category: backend");

    private static readonly string File = Agent("queue-monitor", "tools: Read, {|#0:Reed|}", "model: {|#1:sonet|}", "{|#2:category|}: backend");

    [Fact]
    public Task Default_severities_are_the_contract_ones() => VerifyAsync(
        new[] { ("queue.md", File) },
        string.Empty,
        Diagnostic("AGEN007", DiagnosticSeverity.Warning).WithLocation(0),
        Diagnostic("AGEN013", DiagnosticSeverity.Warning).WithLocation(1),
        Diagnostic("AGEN015", DiagnosticSeverity.Info).WithLocation(2));

    [Fact]
    public Task Info_rule_can_be_raised_to_a_warning() => VerifyAsync(
        new[] { ("queue.md", File) },
        "dotnet_diagnostic.AGEN015.severity = warning",
        Diagnostic("AGEN007", DiagnosticSeverity.Warning).WithLocation(0),
        Diagnostic("AGEN013", DiagnosticSeverity.Warning).WithLocation(1),
        Diagnostic("AGEN015", DiagnosticSeverity.Warning).WithLocation(2));

    [Fact]
    public Task Warning_rule_can_be_turned_off() => VerifyAsync(
        new[] { ("queue.md", File) },
        "dotnet_diagnostic.AGEN007.severity = none",
        Diagnostic("AGEN013", DiagnosticSeverity.Warning).WithLocation(1),
        Diagnostic("AGEN015", DiagnosticSeverity.Info).WithLocation(2));

    // Analyzer.Testing reports a warning promoted to an error with its original severity (it
    // normalizes IsWarningAsError), so promotion to error is checked on a real workspace compilation.
    [Fact]
    public async Task Warning_rule_can_be_raised_to_an_error()
    {
        Diagnostic[] diagnostics = await RunInWorkspaceAsync(PlainFile, "dotnet_diagnostic.AGEN013.severity = error");
        Assert.Equal(
            new[] { "AGEN007 Warning", "AGEN013 Error", "AGEN015 Info" },
            diagnostics.Select(d => d.Id + " " + d.Severity).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Workspace_run_without_configuration_matches_the_defaults()
    {
        Diagnostic[] diagnostics = await RunInWorkspaceAsync(PlainFile, string.Empty);
        Assert.Equal(
            new[] { "AGEN007 Warning", "AGEN013 Warning", "AGEN015 Info" },
            diagnostics.Select(d => d.Id + " " + d.Severity).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public Task Compilation_end_rule_can_be_turned_off() => VerifyAsync(
        new[] { ("search.md", Lines("---", "name: search-indexer", "description: d", "---", "```json", "{ \"requesting_agent\": \"nobody\", \"request_type\": \"x\", \"payload\": {} }", "```")) },
        "dotnet_diagnostic.AGEN018.severity = none");

    [Fact]
    public Task Cross_file_error_can_be_lowered_to_a_warning() => VerifyAsync(
        new[] { ("a.md", Agent("{|#0:dup|}")), ("b.md", Agent("{|#1:dup|}")) },
        "dotnet_diagnostic.AGEN006.severity = warning",
        Diagnostic("AGEN006", DiagnosticSeverity.Warning).WithLocation(0).WithLocation(1),
        Diagnostic("AGEN006", DiagnosticSeverity.Warning).WithLocation(1).WithLocation(0));

    /// <summary>Runs the analyzer on a workspace project with a .globalconfig, as the IDE and the compiler server do.</summary>
    private static async Task<Diagnostic[]> RunInWorkspaceAsync(string agentText, string globalConfigExtra)
    {
        using var workspace = new AdhocWorkspace();
        string path = PathOf("queue.md");
        var projectId = ProjectId.CreateNewId();
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId, VersionStamp.Default, "Agents", "Agents", LanguageNames.CSharp, filePath: "/project/Agents.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "Placeholder.cs", SourceText.From("public static class Placeholder { }"), filePath: "/project/Placeholder.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), "queue.md", SourceText.From(agentText), filePath: path)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(GlobalConfig(new[] { path }, globalConfigExtra + "\n")), filePath: "/.globalconfig");
        Project project = solution.GetProject(projectId)!;
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
        return diagnostics.ToArray();
    }
}
