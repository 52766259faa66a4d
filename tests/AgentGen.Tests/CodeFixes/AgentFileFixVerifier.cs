using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.CodeFixes;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// Applies <see cref="AgentFileCodeFixProvider"/> to a diagnostic that <see cref="AgentFileAnalyzer"/>
/// reports inside an agent's .md file, and checks the fixed file.
/// <para>
/// Why not CSharpCodeFixTest with FixedState.AdditionalFiles: Microsoft.CodeAnalysis.Testing 1.1.4
/// only offers fixes for diagnostics whose location has a SourceTree (it looks the document up with
/// <c>Solution.GetDocument(diagnostic.Location.SourceTree)</c>), so a diagnostic located in an
/// additional file never reaches the fixer there and the fixed state equals the test state. Roslyn
/// itself (4.5+, dotnet/roslyn#64364) hands such diagnostics to fixers exported with
/// <c>DocumentKinds = [AdditionalDocument]</c> through <see cref="CodeFixContext.TextDocument"/>;
/// this harness does the same: a workspace project with the .md as an additional document and the
/// package's global config, the real analyzer, <c>new CodeFixContext(TextDocument, ...)</c>, and
/// the code action's operations applied to the solution.
/// </para>
/// </summary>
public static class AgentFileFixVerifier
{
    public const string AgentDir = "/project/.claude/agents/";

    /// <summary>
    /// Runs the analyzer on <paramref name="before"/>, fixes the first diagnostic <paramref name="id"/>
    /// with the action titled <paramref name="title"/> (one of the actions offered), and checks the
    /// file becomes <paramref name="after"/> and no longer has that diagnostic.
    /// </summary>
    public static async Task VerifyFixAsync(string fileName, string before, string id, string title, string after)
    {
        (Project project, DocumentId docId) = CreateProject(fileName, before);
        Diagnostic diagnostic = (await AnalyzeAsync(project)).First(d => d.Id == id);
        TextDocument document = project.GetAdditionalDocument(docId)!;

        List<CodeAction> actions = await GetActionsAsync(document, diagnostic);
        CodeAction action = Assert.Single(actions, a => a.Title == title);

        Solution fixedSolution = await ApplyAsync(project.Solution, action);
        TextDocument fixedDocument = fixedSolution.GetAdditionalDocument(docId)!;
        string fixedText = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Equal(after, fixedText);

        ImmutableArray<Diagnostic> remaining = await AnalyzeAsync(fixedSolution.GetProject(project.Id)!);
        Assert.DoesNotContain(remaining, d => d.Id == id);
    }

    /// <summary>The titles of the actions offered for the first diagnostic <paramref name="id"/> in <paramref name="text"/>.</summary>
    public static async Task<List<string>> GetTitlesAsync(string fileName, string text, string id)
    {
        (Project project, DocumentId docId) = CreateProject(fileName, text);
        Diagnostic diagnostic = (await AnalyzeAsync(project)).First(d => d.Id == id);
        return (await GetActionsAsync(project.GetAdditionalDocument(docId)!, diagnostic)).Select(a => a.Title).ToList();
    }

    /// <summary>Checks the fixer offers nothing for the diagnostic <paramref name="id"/> in <paramref name="text"/>.</summary>
    public static async Task VerifyNoFixAsync(string fileName, string text, string id)
    {
        (Project project, DocumentId docId) = CreateProject(fileName, text);
        Diagnostic diagnostic = Assert.Single(await AnalyzeAsync(project), d => d.Id == id);
        List<CodeAction> actions = await GetActionsAsync(project.GetAdditionalDocument(docId)!, diagnostic);
        Assert.Empty(actions);
    }

    private static (Project Project, DocumentId DocumentId) CreateProject(string fileName, string text)
    {
        var workspace = new AdhocWorkspace();
        ProjectId projectId = ProjectId.CreateNewId();
        string path = AgentDir + fileName;
        Solution solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                filePath: "/project/TestProject.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(projectId), "C.cs", "class C { }", filePath: "/project/C.cs");
        DocumentId docId = DocumentId.CreateNewId(projectId);
        solution = solution
            .AddAdditionalDocument(docId, fileName, SourceText.From(text), filePath: path)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(AgentFileVerifier.GlobalConfig([path])), filePath: "/.globalconfig");
        return (solution.GetProject(projectId)!, docId);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        return await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<List<CodeAction>> GetActionsAsync(TextDocument document, Diagnostic diagnostic)
    {
        var provider = new AgentFileCodeFixProvider();
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        ApplyChangesOperation apply = Assert.IsType<ApplyChangesOperation>(Assert.Single(operations));
        return apply.ChangedSolution;
    }
}
