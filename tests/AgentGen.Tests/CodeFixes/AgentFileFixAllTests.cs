using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.CodeFixes;
using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// Fix All through the workspace: .md additional documents in one or two projects, the real
/// analyzer as the diagnostic source, the provider's own FixAllProvider, and the code action's
/// changed solution analyzed again.
/// </summary>
public class AgentFileFixAllTests(ITestOutputHelper output)
{
    private sealed class AnalyzerDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await AnalyzeAsync(project);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => await AnalyzeAsync(project);
    }

    /// <summary>The corpus copied <paramref name="copies"/> times, each copy with its own file and agent name.</summary>
    private static List<(string Path, string Text, string Description)> Files(string root, int copies)
    {
        var files = new List<(string, string, string)>();
        for (int i = 0; files.Count < copies; i++)
        {
            RepairCorpus.Shape shape = RepairCorpus.Shapes[i % RepairCorpus.Shapes.Length];
            string suffix = "-" + i;
            string text = shape.Text.Replace("\nname: ", "\nname: x" + i + "-");
            files.Add((root + ".claude/agents/" + shape.Name + suffix + ".md", text, shape.Description));
        }

        return files;
    }

    private static Solution AddProject(Solution solution, string name, string root, List<(string Path, string Text, string Description)> files, out ProjectId id)
    {
        id = ProjectId.CreateNewId();
        solution = solution
            .AddProject(ProjectInfo.Create(id, VersionStamp.Default, name, name, LanguageNames.CSharp, filePath: root + name + ".csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: TestReferences.All))
            .AddDocument(DocumentId.CreateNewId(id), "C.cs", "class C { }", filePath: root + "C.cs");
        foreach ((string path, string text, _) in files)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(id), Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        return solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), ".globalconfig", SourceText.From(AgentFileVerifier.GlobalConfig(files.Select(f => f.Path))), filePath: root + ".globalconfig");
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        return await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new AgentFileAnalyzer()), project.AnalyzerOptions)
            .GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>What the IDE does: takes the fix offered for one diagnostic, then asks its FixAllProvider for the scope.</summary>
    private static async Task<Solution> FixAllAsync(Solution solution, ProjectId projectId, FixAllScope scope, string id)
    {
        var provider = new AgentFileCodeFixProvider();
        Project project = solution.GetProject(projectId)!;
        Diagnostic first = (await AnalyzeAsync(project)).First(d => d.Id == id);
        TextDocument document = project.AdditionalDocuments.Single(d => d.FilePath == first.Location.GetLineSpan().Path);
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => actions.Add(a), CancellationToken.None));
        CodeAction offered = actions.First();

        FixAllProvider fixAll = provider.GetFixAllProvider()!;
        Assert.Contains(scope, fixAll.GetSupportedFixAllScopes());
        var context = new FixAllContext(project, provider, scope, offered.EquivalenceKey, [id], new AnalyzerDiagnostics(), CancellationToken.None);
        CodeAction action = (await fixAll.GetFixAsync(context))!;
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.IsType<ApplyChangesOperation>(Assert.Single(operations)).ChangedSolution;
    }

    private async Task AssertRepairedAsync(Solution fixedSolution, ProjectId projectId, List<(string Path, string Text, string Description)> files)
    {
        Project project = fixedSolution.GetProject(projectId)!;
        Assert.DoesNotContain(await AnalyzeAsync(project), d => d.Id == "AGEN002");
        foreach ((string path, _, string description) in files)
        {
            TextDocument document = project.AdditionalDocuments.Single(d => d.FilePath == path);
            string text = (await document.GetTextAsync()).ToString();
            AgentParseResult result = AgentFileParser.Parse(path, text);
            Assert.True(result.Model is not null, path + " does not parse:\n" + text);
            Assert.Equal(description, result.Model!.Description);
        }
    }

    [Fact]
    public async Task Project_scope_repairs_thirty_broken_files_in_one_action()
    {
        List<(string Path, string Text, string Description)> files = Files("/project/", 30);
        Solution solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", "/project/", files, out ProjectId id);
        ImmutableArray<Diagnostic> before = await AnalyzeAsync(solution.GetProject(id)!);
        int brokenFiles = before.Where(d => d.Id == "AGEN002").Select(d => d.Location.GetLineSpan().Path).Distinct().Count();
        Assert.Equal(30, brokenFiles);

        Solution fixedSolution = await FixAllAsync(solution, id, FixAllScope.Project, "AGEN002");

        await AssertRepairedAsync(fixedSolution, id, files);
        output.WriteLine($"{brokenFiles} of 30 files had AGEN002; after one Fix All: 0, every description equal to the expected text");
    }

    [Fact]
    public async Task Solution_scope_repairs_the_files_of_every_project()
    {
        List<(string Path, string Text, string Description)> app = Files("/project/", 15);
        List<(string Path, string Text, string Description)> lib = Files("/lib/", 15);
        Solution solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", "/project/", app, out ProjectId appId);
        solution = AddProject(solution, "Lib", "/lib/", lib, out ProjectId libId);

        Solution fixedSolution = await FixAllAsync(solution, appId, FixAllScope.Solution, "AGEN002");

        await AssertRepairedAsync(fixedSolution, appId, app);
        await AssertRepairedAsync(fixedSolution, libId, lib);
    }

    [Fact]
    public async Task Project_scope_leaves_other_projects_alone()
    {
        List<(string Path, string Text, string Description)> app = Files("/project/", 3);
        List<(string Path, string Text, string Description)> lib = Files("/lib/", 3);
        Solution solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", "/project/", app, out ProjectId appId);
        solution = AddProject(solution, "Lib", "/lib/", lib, out ProjectId libId);

        Solution fixedSolution = await FixAllAsync(solution, appId, FixAllScope.Project, "AGEN002");

        await AssertRepairedAsync(fixedSolution, appId, app);
        foreach (TextDocument document in fixedSolution.GetProject(libId)!.AdditionalDocuments)
        {
            Assert.Equal(lib.Single(f => f.Path == document.FilePath).Text, (await document.GetTextAsync()).ToString());
        }
    }

    [Fact]
    public async Task Tool_name_fixes_compose_within_a_file_and_across_files()
    {
        var files = new List<(string Path, string Text, string Description)>
        {
            ("/project/.claude/agents/a.md", "---\nname: a\ndescription: A.\ntools: Raed, Gerp, Glob\ndisallowedTools: [WebFecth]\n---\nA.\n", "A."),
            ("/project/.claude/agents/b.md", "---\nname: b\ndescription: B.\ntools:\n  - Bahs\n  - Edit\n---\nB.\n", "B."),
        };
        Solution solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", "/project/", files, out ProjectId id);
        Assert.Equal(4, (await AnalyzeAsync(solution.GetProject(id)!)).Count(d => d.Id == "AGEN007"));

        Solution fixedSolution = await FixAllAsync(solution, id, FixAllScope.Project, "AGEN007");

        Project project = fixedSolution.GetProject(id)!;
        Assert.DoesNotContain(await AnalyzeAsync(project), d => d.Id == "AGEN007");
        Assert.Equal("---\nname: a\ndescription: A.\ntools: Read, Grep, Glob\ndisallowedTools: [WebFetch]\n---\nA.\n", (await project.AdditionalDocuments.Single(d => d.Name == "a.md").GetTextAsync()).ToString());
        Assert.Equal("---\nname: b\ndescription: B.\ntools:\n  - Bash\n  - Edit\n---\nB.\n", (await project.AdditionalDocuments.Single(d => d.Name == "b.md").GetTextAsync()).ToString());
    }

    [Fact]
    public async Task Legacy_tool_fixes_compose()
    {
        var files = new List<(string Path, string Text, string Description)>
        {
            ("/project/.claude/agents/a.md", "---\nname: a\ndescription: A.\ntools: Task(explorer), MultiEdit, Read\n---\nA.\n", "A."),
        };
        Solution solution = AddProject(new AdhocWorkspace().CurrentSolution, "App", "/project/", files, out ProjectId id);

        Solution fixedSolution = await FixAllAsync(solution, id, FixAllScope.Project, "AGEN009");

        Project project = fixedSolution.GetProject(id)!;
        Assert.DoesNotContain(await AnalyzeAsync(project), d => d.Id == "AGEN009");
        Assert.Equal("---\nname: a\ndescription: A.\ntools: Agent(explorer), Edit, Read\n---\nA.\n", (await project.AdditionalDocuments.Single().GetTextAsync()).ToString());
    }
}
