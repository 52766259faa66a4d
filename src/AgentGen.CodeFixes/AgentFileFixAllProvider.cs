using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.Catalog;
using AgentGen.Diagnostics;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// Fix All for the fixes inside agent <c>.md</c> files, in a project or a whole solution (and in
    /// one document when the host names it).
    /// <para>
    /// Why not <see cref="WellKnownFixAllProviders.BatchFixer"/>: it collects the diagnostics with
    /// <c>GetDocumentDiagnosticsAsync(Document)</c>, which only takes source documents, and merges the
    /// changed <see cref="Document"/>s of each code action, so edits to additional documents are never
    /// gathered. And one pass is not enough for AGEN002: YAML stops at its first error, so a file shows
    /// one AGEN002 at a time and the next appears only after the first is repaired.
    /// </para>
    /// <para>
    /// So, per file that has a diagnostic of the rule being fixed: AGEN007/AGEN009 apply every suggested
    /// replacement at once (spans from one text, so they never overlap); AGEN002 repairs the error the
    /// parser reports, parses again, and repeats until the frontmatter parses or no repair applies (each
    /// repair is checked to keep its value's text, <see cref="FrontmatterRepair"/>).
    /// </para>
    /// </summary>
    internal sealed class AgentFileFixAllProvider : FixAllProvider
    {
        public static readonly AgentFileFixAllProvider Instance = new();

        /// <summary>Repairs per file: more than any real frontmatter has fields.</summary>
        private const int MaxRepairs = 100;

        private AgentFileFixAllProvider()
        {
        }

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            string? id = RuleOf(fixAllContext);
            if (id is null)
            {
                return null;
            }

            IEnumerable<Project> projects = fixAllContext.Scope == FixAllScope.Solution
                ? fixAllContext.Solution.Projects
                : new[] { fixAllContext.Project };
            string? onlyPath = fixAllContext.Scope == FixAllScope.Document ? fixAllContext.Document?.FilePath : null;
            if (fixAllContext.Scope == FixAllScope.Document && onlyPath is null)
            {
                return null; // Roslyn's FixAllContext names source documents only; the in-file action covers one .md
            }

            Solution solution = fixAllContext.Solution;
            bool changed = false;
            foreach (Project project in projects)
            {
                ImmutableArray<Diagnostic> diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var byPath = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
                foreach (Diagnostic d in diagnostics)
                {
                    string? path = d.Location.GetLineSpan().Path;
                    if (d.Id != id || string.IsNullOrEmpty(path) || (onlyPath is not null && !string.Equals(path, onlyPath, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    if (!byPath.TryGetValue(path!, out List<Diagnostic>? list))
                    {
                        byPath[path!] = list = new List<Diagnostic>();
                    }

                    list.Add(d);
                }

                foreach (TextDocument document in project.AdditionalDocuments)
                {
                    if (document.FilePath is null || !byPath.TryGetValue(document.FilePath, out List<Diagnostic>? found))
                    {
                        continue;
                    }

                    SourceText text = await document.GetTextAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
                    SourceText? fixedText = FixDocument(document.FilePath, text, id, found, fixAllContext.CancellationToken);
                    if (fixedText is not null)
                    {
                        solution = solution.WithAdditionalDocumentText(document.Id, fixedText);
                        changed = true;
                    }
                }
            }

            string title = id == Descriptors.InvalidYaml.Id ? "Repair the YAML of every agent file" : "Apply every suggested tool name";
            return changed ? CodeAction.Create(title, _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey) : null;
        }

        /// <summary>The rule Fix All was asked for (by the equivalence key of the fix it started from, else its only id).</summary>
        private static string? RuleOf(FixAllContext context)
        {
            foreach (string id in new[] { Descriptors.InvalidYaml.Id, Descriptors.UnknownTool.Id, Descriptors.LegacyTool.Id })
            {
                if (context.CodeActionEquivalenceKey == AgentFileCodeFixProvider.EquivalenceKey(id)
                    || context.CodeActionEquivalenceKey == AgentFileCodeFixProvider.EquivalenceKey(id) + AgentFileCodeFixProvider.FileSuffix
                    || (context.CodeActionEquivalenceKey is null && context.DiagnosticIds.Count == 1 && context.DiagnosticIds.Contains(id)))
                {
                    return id;
                }
            }

            return null;
        }

        /// <summary>The file with every fix of rule <paramref name="id"/> applied, or null when nothing changes.</summary>
        internal static SourceText? FixDocument(string path, SourceText text, string id, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            string content = text.ToString();
            if (id == Descriptors.InvalidYaml.Id)
            {
                AgentDialect dialect = diagnostics.Count > 0 ? AgentFileCodeFixProvider.DialectOf(diagnostics[0], path) : CopilotCatalog.DialectOf(null, path);
                string repaired = RepairAll(path, content, dialect, cancellationToken, out int repairs);
                return repairs == 0 ? null : SourceText.From(repaired, text.Encoding, text.ChecksumAlgorithm);
            }

            // From the last entry to the first, each replacement on the text the later ones made (their
            // spans lie after it), so each is checked by FixCheck on the text it applies to.
            bool changed = false;
            int previousStart = int.MaxValue;
            foreach (Diagnostic d in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
            {
                TextSpan span = d.Location.SourceSpan;
                if (span.End <= previousStart && d.Properties.TryGetValue("Replacement", out string? replacement) && !string.IsNullOrEmpty(replacement)
                    && AgentFileEdits.TryReplaceTool(content, span, replacement!, out TextChange change, out _))
                {
                    content = FixCheck.Apply(content, change);
                    previousStart = span.Start;
                    changed = true;
                }
            }

            return changed ? SourceText.From(content, text.Encoding, text.ChecksumAlgorithm) : null;
        }

        /// <summary>Repairs AGEN002 errors one after the other, as the parser reports them, until none is left or none can be repaired.</summary>
        internal static string RepairAll(string path, string content, AgentDialect dialect, CancellationToken cancellationToken, out int repairs)
        {
            repairs = 0;
            for (int round = 0; round < MaxRepairs; round++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                bool repaired = false;
                foreach (DiagnosticInfo d in AgentFileParser.Parse(path, content, dialect: dialect).Diagnostics)
                {
                    if (d.Descriptor.Id == Descriptors.InvalidYaml.Id
                        && FrontmatterRepair.TryRepair(content, d.Span.Start, dialect, out TextChange change, out _, out _))
                    {
                        content = content.Substring(0, change.Span.Start) + change.NewText + content.Substring(change.Span.End);
                        repairs++;
                        repaired = true;
                        break;
                    }
                }

                if (!repaired)
                {
                    break;
                }
            }

            return content;
        }
    }
}
