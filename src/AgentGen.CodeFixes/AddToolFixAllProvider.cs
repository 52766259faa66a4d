using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// Fix All for AGEN100: adds every missing tool to its agent's <c>.md</c>, in a document, project
    /// or solution. The edits land in additional documents, which <see cref="WellKnownFixAllProviders.BatchFixer"/>
    /// does not merge; and two calls may need the same file (two tools for one agent, or one tool
    /// named twice), so each edit is computed on the text the previous one left: a tool already
    /// added is not added again.
    /// </summary>
    internal sealed class AddToolFixAllProvider : FixAllProvider
    {
        public static readonly AddToolFixAllProvider Instance = new();

        private AddToolFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var documents = new List<Document>();
            if (fixAllContext.Scope == FixAllScope.Document)
            {
                if (fixAllContext.Document is { } d)
                {
                    documents.Add(d);
                }
            }
            else
            {
                IEnumerable<Project> projects = fixAllContext.Scope == FixAllScope.Solution ? fixAllContext.Solution.Projects : new[] { fixAllContext.Project };
                documents.AddRange(projects.SelectMany(p => p.Documents));
            }

            Solution solution = fixAllContext.Solution;
            bool changed = false;
            foreach (Document document in documents)
            {
                IEnumerable<Diagnostic> diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                foreach (Diagnostic diagnostic in diagnostics.OrderBy(x => x.Location.SourceSpan.Start))
                {
                    if (!AddToolCodeFixProvider.TryReadProperties(diagnostic, out string agent, out string tool, out string sourceFile)
                        || solution.GetProject(document.Project.Id) is not { } project)
                    {
                        continue;
                    }

                    (TextDocument Document, SourceText Text, TextChange Change)? edit = await AddToolCodeFixProvider.FindEditAsync(project, sourceFile, agent, tool, fixAllContext.CancellationToken).ConfigureAwait(false);
                    if (edit is { } e)
                    {
                        solution = solution.WithAdditionalDocumentText(e.Document.Id, e.Text.WithChanges(e.Change));
                        changed = true;
                    }
                }
            }

            return changed
                ? CodeAction.Create("Add every missing tool to its agent's tools", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey)
                : null;
        }
    }
}
