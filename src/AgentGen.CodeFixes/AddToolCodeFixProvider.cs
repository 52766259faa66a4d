using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.Analyzers;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// AGEN100: "Add 'X' to the tools of agent-name" edits the agent's <c>.md</c> file (found among
    /// the solution's additional documents by the <c>SourceFile</c> the generator recorded), keeping
    /// the style of its <c>tools</c> field. Offered only when adding the tool fixes the error: not
    /// when <c>disallowedTools</c> removes it, nor for a name that is no known tool.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddToolCodeFixProvider))]
    [Shared]
    public sealed class AddToolCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(Descriptors.UndeclaredTool.Id);

        public override FixAllProvider? GetFixAllProvider() => AddToolFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => FixerGuard.RegisterOrOfferNothingAsync(context.Document.FilePath, () => RegisterFixesAsync(context));

        private static async Task RegisterFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (!TryReadProperties(diagnostic, out string agent, out string tool, out string sourceFile))
                {
                    continue;
                }

                (TextDocument Document, SourceText Text, TextChange Change)? edit = await FindEditAsync(context.TextDocument.Project, sourceFile, agent, tool, context.CancellationToken).ConfigureAwait(false);
                if (edit is not { } e)
                {
                    continue;
                }

                Solution solution = e.Document.Project.Solution.WithAdditionalDocumentText(e.Document.Id, e.Text.WithChanges(e.Change));
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Add '{tool}' to the tools of {agent}",
                        _ => Task.FromResult(solution),
                        equivalenceKey: "AGEN100:" + agent + ":" + tool),
                    diagnostic);
            }
        }

        /// <summary>The agent, tool and agent file of an AGEN100 that adding the tool fixes.</summary>
        internal static bool TryReadProperties(Diagnostic diagnostic, out string agent, out string tool, out string sourceFile)
        {
            agent = tool = sourceFile = string.Empty;
            if (diagnostic.Id != Descriptors.UndeclaredTool.Id
                || !diagnostic.Properties.TryGetValue(ToolUsageAnalyzer.ReasonProperty, out string? reason) || reason != ToolUsageAnalyzer.ReasonNotDeclared
                || !diagnostic.Properties.TryGetValue(ToolUsageAnalyzer.AgentNameProperty, out string? a) || string.IsNullOrEmpty(a)
                || !diagnostic.Properties.TryGetValue(ToolUsageAnalyzer.ToolNameProperty, out string? t) || string.IsNullOrEmpty(t)
                || !diagnostic.Properties.TryGetValue(ToolUsageAnalyzer.SourceFileProperty, out string? f) || string.IsNullOrEmpty(f))
            {
                return false;
            }

            agent = a!;
            tool = t!;
            sourceFile = f!;
            return true;
        }

        internal static async Task<(TextDocument Document, SourceText Text, TextChange Change)?> FindEditAsync(Project project, string sourceFile, string agent, string tool, CancellationToken cancellationToken)
        {
            // The agent's own project first, then every other project (an agent from a referenced project).
            var projects = new List<Project> { project };
            foreach (Project p in project.Solution.Projects)
            {
                if (p.Id != project.Id)
                {
                    projects.Add(p);
                }
            }

            foreach (Project p in projects)
            {
                foreach (TextDocument document in p.AdditionalDocuments)
                {
                    if (!IsSameFile(document.FilePath ?? document.Name, sourceFile))
                    {
                        continue;
                    }

                    SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    if (AgentFileEdits.TryAddTool(text.ToString(), agent, tool, out TextChange change))
                    {
                        return (document, text, change);
                    }
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="path"/> is the file the generator recorded as <paramref name="sourceFile"/> (relative to the project folder, or absolute).</summary>
        internal static bool IsSameFile(string path, string sourceFile)
        {
            string p = path.Replace('\\', '/');
            string s = sourceFile.Replace('\\', '/');
            while (s.StartsWith("./", StringComparison.Ordinal))
            {
                s = s.Substring(2);
            }

            return s.Length > 0
                && (string.Equals(p, s, StringComparison.OrdinalIgnoreCase)
                    || p.EndsWith("/" + s, StringComparison.OrdinalIgnoreCase));
        }
    }
}
