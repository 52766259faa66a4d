using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// Fixes inside an agent's <c>.md</c> file (an additional document): AGEN007 and AGEN009 replace
    /// a misspelled or legacy tool name with the suggested one; AGEN002 puts a scalar that holds an
    /// unquoted <c>: </c> in double quotes.
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

        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // A fixer that cannot fix offers nothing: an exception here would reach the IDE (an
            // info bar, the light bulb gone for every fix). Cancellation still propagates.
            try
            {
                PipelineFaults.At(PipelineFaults.CodeFix, context.TextDocument.FilePath ?? string.Empty);
                await RegisterFixesAsync(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Nothing to offer, and no diagnostic can be reported from here: the analyzers
                // report the file's problems (AGEN099 for their own failures).
                _ = ex;
            }
        }

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
                if (diagnostic.Id == Descriptors.InvalidYaml.Id)
                {
                    if (!TryGetInt(diagnostic, "ValueStart", out int start) || !TryGetInt(diagnostic, "ValueLength", out int length)
                        || !AgentFileEdits.TryQuote(content, start, length, out change))
                    {
                        continue;
                    }

                    title = "Put the value in double quotes";
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
                context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(solution), equivalenceKey: diagnostic.Id + ":" + title), diagnostic);
            }
        }

        private static bool TryGetInt(Diagnostic diagnostic, string key, out int value)
        {
            value = 0;
            return diagnostic.Properties.TryGetValue(key, out string? s)
                && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }
    }
}
