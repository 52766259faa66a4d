using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGen.Common;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Generator
{
    /// <summary>
    /// The PlanInputs step: what the project-wide outputs need from one file, built field by field
    /// (<see cref="PlanAgent.From"/>: name, class name, tool lists, message shapes). No body,
    /// description, metadata or source positions, so that edits which do not change the project-wide
    /// outputs leave it equal and the collected steps cached.
    /// </summary>
    internal sealed record PlanInput(string Path, string? Name, PlanAgent? Agent, FileFailure? Failure = null)
    {
        /// <summary>The file as <see cref="ProjectPlan"/> takes it (no positions).</summary>
        public PlanFile File => new(Path, Name, default, Agent);

        /// <summary>The file's projection. Never throws: a failure leaves the file out of the project (AGEN099 on it).</summary>
        public static PlanInput From(ParsedAgentFile file)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.PlanInput, file.Path);
                return new PlanInput(file.Path, file.Name, file.Model is { } m ? PlanAgent.From(m, withPositions: false) : null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new PlanInput(file.Path, null, null, new FileFailure(file.Path, PipelineFaults.Describe("reading the file for the project-wide outputs", ex)));
            }
        }
    }

    /// <summary>
    /// The RepeatedPaths step: the agent files listed more than once (two AdditionalFiles items with
    /// one path), decided once, before anything is planned or emitted. Normally empty, and then equal
    /// on every run. Per-file outputs skip these paths; the RepeatedFiles branch emits them once.
    /// </summary>
    internal static class RepeatedPaths
    {
        public static EquatableArray<string> Of(ImmutableArray<AgentSource> sources)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            SortedSet<string>? repeated = null;
            foreach (AgentSource source in sources)
            {
                if (!seen.Add(source.Path))
                {
                    (repeated ??= new SortedSet<string>(StringComparer.Ordinal)).Add(source.Path);
                }
            }

            return repeated is null ? EquatableArray<string>.Empty : repeated.ToEquatableArray();
        }
    }

    /// <summary>
    /// The Winners step: the plan's first step (<see cref="ProjectPlan.SelectNames"/>) over the
    /// collected <see cref="PlanInput"/>s, and the failures met so far. <see cref="Names"/> is null
    /// when it failed for every file (each gets AGEN099; nothing is generated).
    /// </summary>
    internal sealed record ProjectNames(PlanNames? Names, EquatableArray<FileFailure> Failures)
    {
        private const string What = "the project-wide step (agent names)";

        /// <summary>Never throws: a file that makes the step fail is left out (AGEN099 on it), as <see cref="ProjectGuard"/> does.</summary>
        public static ProjectNames Build(ImmutableArray<PlanInput> inputs, string projectDir)
        {
            var failures = new List<FileFailure>();
            var files = new List<PlanFile>(inputs.Length);
            foreach (PlanInput input in inputs)
            {
                if (input.Failure is { } failure && !failures.Contains(failure))
                {
                    failures.Add(failure);
                }

                files.Add(input.File);
            }

            PlanNames? names = ProjectGuard.Run(files, What, failures, some =>
            {
                foreach (PlanFile f in some)
                {
                    if (f.Agent is not null)
                    {
                        PipelineFaults.At(PipelineFaults.Names, f.Path);
                    }
                }

                return ProjectPlan.SelectNames(some, projectDir);
            });
            return new ProjectNames(names, failures.ToEquatableArray());
        }
    }

    /// <summary>One file's <see cref="ProjectPlan.TextLength"/>: what its agent class puts into string literals.</summary>
    internal readonly record struct FileTextLength(string Path, long Length);

    /// <summary>The TextLengths step: every file's <see cref="FileTextLength"/>, from the collected parse results. Changes with every body edit.</summary>
    internal static class TextLengths
    {
        public static EquatableArray<FileTextLength> Of(ImmutableArray<ParsedAgentFile> files)
        {
            var lengths = new List<FileTextLength>(files.Length);
            foreach (ParsedAgentFile f in files)
            {
                if (f.Model is { } m)
                {
                    long length;
                    try
                    {
                        length = ProjectPlan.TextLength(m);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _ = ex;
                        length = long.MaxValue; // never generate what cannot be measured: it would be over any budget
                    }

                    lengths.Add(new FileTextLength(f.Path, length));
                }
            }

            return lengths.ToEquatableArray();
        }
    }

    /// <summary>
    /// The TextBudget step: the winners AGEN021's budget leaves out (<see cref="ProjectPlan.LeftOutByBudget"/>,
    /// the analyzer's very rule), as ordinal-sorted paths; normally none. It reads the bodies'
    /// lengths and the winners by name and reaches back into nothing: the project step combines with
    /// this set only, which a body edit leaves equal, so edits cost the same over the budget as within it.
    /// </summary>
    internal sealed record LeftOut(EquatableArray<string> Paths, FileFailure? Failure = null)
    {
        public static readonly LeftOut None = new(EquatableArray<string>.Empty);

        public static LeftOut Of(ProjectNames names, EquatableArray<FileTextLength> lengths)
        {
            if (names.Names is not { } plan)
            {
                return None;
            }

            try
            {
                if (AllFit(lengths))
                {
                    return None; // all files together fit, so every winner does: no lookup needed
                }

                var byPath = new Dictionary<string, long>(lengths.Count, StringComparer.Ordinal);
                foreach (FileTextLength l in lengths)
                {
                    byPath[l.Path] = l.Length;
                }

                return new LeftOut(ProjectPlan.LeftOutByBudget(plan.Winners, path => byPath.TryGetValue(path, out long n) ? n : 0));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Generate no agent rather than more than the budget allows (CS8103 would break the build).
                var all = new List<string>(plan.Winners.Count);
                foreach (PlanAgent w in plan.Winners)
                {
                    all.Add(w.Path);
                }

                all.Sort(StringComparer.Ordinal);
                return new LeftOut(all.ToEquatableArray(), new FileFailure(string.Empty, PipelineFaults.Describe("the project's text budget", ex)));
            }
        }

        private static bool AllFit(EquatableArray<FileTextLength> lengths)
        {
            long total = 0;
            foreach (FileTextLength l in lengths)
            {
                if (l.Length > ProjectPlan.AppliedTextBudget - total)
                {
                    return false;
                }

                total += l.Length;
            }

            return true;
        }
    }

    /// <summary>An agent file's path and text: the first equatable model in the pipeline.</summary>
    internal sealed record AgentSource(string Path, string Text)
    {
        /// <summary>Whose rules the file follows (metadata AgentGenDialect, else its path).</summary>
        public Catalog.AgentDialect Dialect { get; init; } = Catalog.CopilotCatalog.DialectOf(null, Path);

        public static AgentSource Read(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                text = null; // unreadable: the analyzer reports it; the generator skips it
            }

            if (text is null)
            {
                return new AgentSource(file.Path, string.Empty);
            }

            // A SourceText that builds a new string on every ToString() (a large file, read in chunks)
            // would hide this parse from the analyzer, which looks it up by string: hand it over by
            // the SourceText. Any other text returns the one string it holds, and needs no entry.
            string content = text.ToString();
            if (!ReferenceEquals(content, text.ToString()))
            {
                Parsing.AgentParseCache.RememberRead(text, content);
            }

            return new AgentSource(file.Path, content);
        }
    }
}
