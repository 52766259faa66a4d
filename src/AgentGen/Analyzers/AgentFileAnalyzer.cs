using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Analyzers
{
    /// <summary>
    /// Reports every defect of agent files (AGEN001-AGEN021) inside the .md file, at the line and
    /// column of the offending text. Cross-file rules (duplicate names, type-name collisions,
    /// payload conflicts, unknown requesting agents) run at compilation end, on every file involved.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AgentFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.NoFrontmatter,
            Descriptors.InvalidYaml,
            Descriptors.MissingRequiredField,
            Descriptors.InvalidName,
            Descriptors.NameNotKebabCase,
            Descriptors.DuplicateName,
            Descriptors.UnknownTool,
            Descriptors.ToolSpecifierIgnored,
            Descriptors.LegacyTool,
            Descriptors.DuplicateTool,
            Descriptors.EmptyTools,
            Descriptors.ToolAllowedAndDisallowed,
            Descriptors.UnknownModel,
            Descriptors.MisspelledField,
            Descriptors.UnknownField,
            Descriptors.InvalidFieldValue,
            Descriptors.InvalidJsonBlock,
            Descriptors.UnknownRequestingAgent,
            Descriptors.PayloadConflict,
            Descriptors.TypeNameCollision,
            Descriptors.LimitExceeded,
            Descriptors.UnknownSkill,
            Descriptors.NamesMatchAsOne,
            Descriptors.InternalError,
            Descriptors.LimitExceededAtEnd,
            Descriptors.InternalErrorAtEnd);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            AnalyzerConfigOptionsProvider provider = start.Options.AnalyzerConfigOptionsProvider;
            GeneratorOptions options = OptionsReader.Read(provider.GlobalOptions);
            var files = new ConcurrentDictionary<string, FileResult>(StringComparer.Ordinal);
            var skills = new ConcurrentDictionary<string, SkillFile>(StringComparer.Ordinal);

            start.RegisterAdditionalFileAction(fileContext =>
            {
                AdditionalText file = fileContext.AdditionalFile;
                AnalyzerConfigOptions fileOptions = provider.GetOptions(file);
                if (OptionsReader.IsSkillFile(fileOptions))
                {
                    try
                    {
                        skills.TryAdd(file.Path, SkillFile.Read(file, fileContext.CancellationToken));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.Create(file.Path, default, default), PipelineFaults.Describe("reading the skill file", ex)));
                    }

                    return;
                }

                if (!OptionsReader.IsAgentFile(fileOptions))
                {
                    return;
                }

                SourceText? text;
                try
                {
                    text = file.GetText(fileContext.CancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    text = null;
                }

                if (text is null)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.Create(file.Path, default, default), "the file could not be read"));
                    return;
                }

                if (!files.TryAdd(file.Path, default))
                {
                    return; // the same file listed twice
                }

                // A bug in the per-file rules: AGEN099 at the start of the file rather than AD0001.
                // The file then takes no part in the cross-file rules (the generator skips it too).
                var reported = new List<Diagnostic>();
                try
                {
                    PipelineFaults.At(PipelineFaults.AnalyzeFile, file.Path);
                    // One parse per text, shared with the generator's parse step (AgentParseCache): in a
                    // build the generator has parsed this very text already; in the IDE an unchanged
                    // file keeps its SourceText across compilations.
                    AgentParseResult result = AgentParseCache.GetOrParse(file.Path, text, options.KnownTools, OptionsReader.DialectOf(fileOptions, file.Path));
                    foreach (DiagnosticInfo d in result.Diagnostics)
                    {
                        reported.Add(d.ToDiagnostic(file.Path, text));
                    }

                    files[file.Path] = new FileResult(text, result);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    files[file.Path] = new FileResult(text, null);
                    reported.Clear();
                    reported.Add(Diagnostic.Create(Descriptors.InternalError, Location.Create(file.Path, default, default), PipelineFaults.Describe("checking the file", ex)));
                }

                foreach (Diagnostic d in reported)
                {
                    fileContext.ReportDiagnostic(d);
                }
            });

            start.RegisterCompilationEndAction(end =>
            {
                try
                {
                    CheckAcrossFiles(end, files, options);
                    ReportUnknownSkills(end, files, skills);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in the cross-file rules: name every agent file rather than crash (AD0001).
                    foreach (KeyValuePair<string, FileResult> pair in files)
                    {
                        if (pair.Value.Text is { } text)
                        {
                            end.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalErrorAtEnd, ToLocation(pair.Key, text, default), PipelineFaults.Describe("the cross-file checks", ex)));
                        }
                    }
                }
            });
        }

        private static void CheckAcrossFiles(CompilationAnalysisContext end, ConcurrentDictionary<string, FileResult> files, GeneratorOptions options)
        {
            var planFiles = new List<PlanFile>();
            var textLengths = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, FileResult> pair in files)
            {
                if (pair.Value.Result is { } r)
                {
                    PipelineFaults.At(PipelineFaults.AnalyzeProject, pair.Key);
                    planFiles.Add(new PlanFile(pair.Key, r.Name, r.NameSpan, r.Model is { } model ? PlanAgent.From(model, withPositions: true) : null));
                    textLengths[pair.Key] = r.Model is { } m ? ProjectPlan.TextLength(m) : 0;
                }
            }

            // The plan the generator runs step by step (ProjectPlan's three steps), here at once and with positions.
            Func<string, string>? show = options.DisplayDir.Length == 0 ? null : path => SpecBuilder.DisplayPath(path, options.DisplayDir);
            ProjectPlan plan = ProjectPlan.Build(planFiles, options.KnownTools, path => textLengths.TryGetValue(path, out long n) ? n : 0, show, options.ProjectDir);

            foreach (PlanFinding finding in plan.Findings)
            {
                if (!files.TryGetValue(finding.Path, out FileResult at) || at.Text is null)
                {
                    continue;
                }

                var related = new List<Location>();
                foreach (KeyValuePair<string, SourceSpan> other in finding.Related)
                {
                    if (files.TryGetValue(other.Key, out FileResult o) && o.Text is not null)
                    {
                        related.Add(ToLocation(other.Key, o.Text, other.Value));
                    }
                }

                end.ReportDiagnostic(Diagnostic.Create(Descriptors.ForCompilationEnd(finding.Descriptor), ToLocation(finding.Path, at.Text, finding.Span), related, finding.Args));
            }
        }

        /// <summary>
        /// AGEN022: a <c>skills</c> entry that names no skill of the project. Quiet when the project
        /// passes no skill file at all (its skills may live in ~/.claude/skills or a plugin).
        /// </summary>
        private static void ReportUnknownSkills(CompilationAnalysisContext end, ConcurrentDictionary<string, FileResult> files, ConcurrentDictionary<string, SkillFile> skills)
        {
            if (skills.IsEmpty)
            {
                return;
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (SkillFile skill in skills.Values)
            {
                foreach (string n in skill.Names)
                {
                    names.Add(n);
                }
            }

            var sortedNames = new List<string>(names);
            sortedNames.Sort(StringComparer.Ordinal);
            foreach (KeyValuePair<string, FileResult> pair in files)
            {
                if (pair.Value.Text is not { } text || pair.Value.Result is not { } result)
                {
                    continue;
                }

                foreach (KeyValuePair<string, SourceSpan> entry in result.SkillEntries)
                {
                    if (names.Contains(entry.Key))
                    {
                        continue;
                    }

                    string? suggestion = Catalog.Suggestions.Closest(entry.Key, sortedNames);
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownSkill, ToLocation(pair.Key, text, entry.Value), entry.Key, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
                }
            }
        }

        internal static Location ToLocation(string path, SourceText text, SourceSpan span)
        {
            int start = Math.Max(0, Math.Min(span.Start, text.Length));
            int end = Math.Max(start, Math.Min(span.End, text.Length));
            var textSpan = TextSpan.FromBounds(start, end);
            return Location.Create(path, textSpan, text.Lines.GetLinePositionSpan(textSpan));
        }

        private readonly struct FileResult
        {
            public FileResult(SourceText text, AgentParseResult? result)
            {
                Text = text;
                Result = result;
            }

            public SourceText? Text { get; }

            public AgentParseResult? Result { get; }
        }
    }
}
