using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using AgentGen.Diagnostics;
using AgentGen.Catalog;
using AgentGen.Generator;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// Fixes inside an agent's <c>.md</c> file (an additional document): AGEN007 and AGEN009 replace
    /// a misspelled or legacy tool name with the suggested one; AGEN002 rewrites the value that holds
    /// the YAML error so that it parses and keeps its text exactly (<see cref="FrontmatterRepair"/>).
    /// Fix All (document, project, solution) is <see cref="AgentFileFixAllProvider"/>.
    /// </summary>
    [ExportCodeFixProvider(
        LanguageNames.CSharp,
        Name = nameof(AgentFileCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
        DocumentExtensions = new[] { ".md" })]
    [Shared]
    public sealed class AgentFileCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            Descriptors.InvalidYaml.Id,
            Descriptors.UnknownTool.Id,
            Descriptors.LegacyTool.Id);

        public override FixAllProvider? GetFixAllProvider() => AgentFileFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
            => FixerGuard.RegisterOrOfferNothingAsync(context.TextDocument.FilePath, () => RegisterFixesAsync(context));

        private static async Task RegisterFixesAsync(CodeFixContext context)
        {
            TextDocument document = context.TextDocument;
            if (document.Project.GetAdditionalDocument(document.Id) is null)
            {
                return;
            }

            SourceText text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            string content = text.ToString();
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                string title;
                TextChange change;
                CodeAction? repairAll = null;
                if (diagnostic.Id == Descriptors.InvalidYaml.Id)
                {
                    AgentDialect dialect = DialectOf(diagnostic, document.FilePath ?? document.Name);
                    if (!FrontmatterRepair.TryRepair(content, diagnostic.Location.SourceSpan.Start, dialect, out change, out title, out _))
                    {
                        continue;
                    }

                    // YAML shows one error at a time: when more follow this one, also offer to repair them all.
                    string all = AgentFileFixAllProvider.RepairAll(document.FilePath ?? document.Name, content, dialect, context.CancellationToken, out int repairs);
                    if (repairs > 1)
                    {
                        Solution whole = document.Project.Solution.WithAdditionalDocumentText(document.Id, SourceText.From(all, text.Encoding, text.ChecksumAlgorithm));
                        repairAll = CodeAction.Create($"Repair all {repairs} YAML errors in this file", _ => Task.FromResult(whole), equivalenceKey: EquivalenceKey(diagnostic.Id) + FileSuffix);
                    }
                }
                else
                {
                    if (!diagnostic.Properties.TryGetValue("Replacement", out string? replacement) || string.IsNullOrEmpty(replacement)
                        || !AgentFileEdits.TryReplaceTool(content, diagnostic.Location.SourceSpan, replacement!, out change, out string oldName))
                    {
                        continue;
                    }

                    title = diagnostic.Id == Descriptors.LegacyTool.Id
                        ? $"Replace legacy '{oldName}' with '{replacement}'"
                        : $"Replace '{oldName}' with '{replacement}'";
                }

                Solution solution = document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(change));
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(solution), equivalenceKey: EquivalenceKey(diagnostic.Id)), diagnostic);
                if (repairAll is not null)
                {
                    context.RegisterCodeFix(repairAll, diagnostic);
                }
            }
        }

        /// <summary>The file's dialect as the analyzer read it (AGEN002 carries it; the project may set it), else from its path.</summary>
        internal static AgentDialect DialectOf(Diagnostic diagnostic, string path)
            => CopilotCatalog.DialectOf(diagnostic.Properties.TryGetValue(AgentFileParser.DialectProperty, out string? dialect) ? dialect : null, path);

        /// <summary>One key per rule, so Fix All applies every fix of that rule (each diagnostic's title names its own field or tool).</summary>
        internal static string EquivalenceKey(string diagnosticId) => "AgentGen.AgentFile:" + diagnosticId;

        /// <summary>Suffix of the key of the action that repairs every YAML error of one file.</summary>
        internal const string FileSuffix = ":file";
    }
}
