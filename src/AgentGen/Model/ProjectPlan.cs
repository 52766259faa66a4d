using System;
using System.Collections.Generic;
using System.Globalization;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;

namespace AgentGen.Model
{
    /// <summary>A cross-file diagnostic: where, its message arguments, and every other place involved (path and span).</summary>
    internal sealed record PlanFinding(DiagnosticDescriptor Descriptor, string Path, SourceSpan Span, string[] Args, IReadOnlyList<KeyValuePair<string, SourceSpan>> Related);

    /// <summary>All examples of one request type, merged: the payload record to generate.</summary>
    /// <param name="Occurrences">Each example with the path of its agent file; the first one (by path) owns the record.</param>
    /// <param name="Records">The payload record and its nested records (<see cref="RecordNames.Build"/>, with JSON attributes), as the name check built them: built once per request type.</param>
    internal sealed record MessageGroup(string RequestType, string TypeName, PayloadShape Shape, IReadOnlyList<KeyValuePair<string, PlanMessage>> Occurrences, IReadOnlyList<RecordSpec> Records);

    /// <summary>
    /// The cross-file view of a project's agents: which agents and messages are generated, the
    /// AgentTool members, and the cross-file findings (AGEN006, AGEN018-AGEN021, AGEN024). The
    /// generator and the analyzer both build it from the same three steps, so what is reported is
    /// exactly what is skipped: <see cref="SelectNames"/> (which file wins each name),
    /// <see cref="LeftOutByBudget"/> (AGEN021's text budget over the winners in name order) and
    /// <see cref="Complete"/> (tools, messages, record names). <see cref="Build"/> runs the three at
    /// once (the analyzer); the generator runs each in a pipeline step of its own, so that the
    /// bodies' lengths reach only the budget's step (docs/architecture.md). Immutable; each step is a
    /// list of named steps writing to one <see cref="PlanFindings"/>.
    /// </summary>
    /// <param name="Agents">The generated agents, by name.</param>
    /// <param name="ToolMembers">The AgentTool members: the catalogue, the configured tools, then the agents' other tools (sorted).</param>
    /// <param name="Messages">The generated payload records, by request type.</param>
    internal sealed partial record ProjectPlan(
        IReadOnlyList<PlanAgent> Agents,
        IReadOnlyList<ToolRef> ToolMembers,
        IReadOnlyList<MessageGroup> Messages,
        IReadOnlyList<PlanFinding> Findings)
    {
        /// <summary>
        /// The most text (in chars: descriptions, bodies, metadata, ...) the agents of one project
        /// may bring into string literals. All string literals of an assembly share one heap of
        /// 16 MB (about 8 M chars; CS8103 at emit time beyond it); AgentGen takes at most half of
        /// it and leaves the rest to the project's own code. Agents beyond it, in name order, are
        /// not generated (AGEN021).
        /// </summary>
        public const long MaxProjectTextLength = 4_000_000;

        /// <summary>
        /// The budget a run applies: <see cref="MaxProjectTextLength"/>, a constant in the shipped
        /// build. Only in the test build (AGENTGEN_TEST_SEAMS, src/TestSeams.props) is it a field,
        /// which the benchmarks (tests/AgentGen.Benchmarks) lift to measure 1,000 agents of
        /// realistic size, more than one assembly could hold (docs/performance.md, "What is measured").
        /// </summary>
#if AGENTGEN_TEST_SEAMS
        internal static long AppliedTextBudget = MaxProjectTextLength;
#else
        internal const long AppliedTextBudget = MaxProjectTextLength;
#endif

        /// <summary>
        /// The most properties (nested ones included) the merged payload of one request type may
        /// have; beyond it the record is not generated (AGEN021). The compiler's time grows faster
        /// than linearly with the parameters of a record.
        /// </summary>
        public const int MaxPayloadProperties = 500;

        /// <summary>The whole plan with its findings: the three steps in turn (the analyzer, at compilation end).</summary>
        /// <param name="textLength">Each file's <see cref="TextLength"/>, by path.</param>
        /// <param name="displayPath">Names a file in messages; the full path when null.</param>
        /// <param name="projectDir">The project folder, for <see cref="NestedAgentFolders.DropShadowed"/>; nothing is shadowed when null or empty.</param>
        public static ProjectPlan Build(IEnumerable<PlanFile> input, IReadOnlyCollection<string> extraKnownTools, Func<string, long> textLength, Func<string, string>? displayPath = null, string? projectDir = null)
        {
            var findings = new PlanFindings(displayPath);
            PlanNames names = SelectNames(input, projectDir, findings);
            EquatableArray<string> leftOut = LeftOutByBudget(names.Winners, textLength, findings);
            return Complete(names, leftOut, extraKnownTools, findings);
        }

        /// <summary>
        /// The first step: the files that take part and the agent that wins each name (AGEN006) and
        /// class name (AGEN020); AGEN024 on names Claude Code matches as one.
        /// </summary>
        public static PlanNames SelectNames(IEnumerable<PlanFile> input, string? projectDir, PlanFindings? findings = null)
        {
            findings ??= new PlanFindings(null);
            List<PlanFile> files = OrderFiles(input, projectDir);
            List<PlanAgent> winners = SelectWinners(files, GroupByName(files), findings);
            CheckNamesMatchedAsOne(files, findings);
            return new PlanNames(files.ToEquatableArray(), winners.ToEquatableArray());
        }

        /// <summary>
        /// The last step: AgentTool members and payload records of the agents not left out by the
        /// budget (<paramref name="leftOut"/>, ordinal-sorted paths); AGEN018, AGEN019, AGEN020 and
        /// AGEN021 (payload size) on the way.
        /// </summary>
        public static ProjectPlan Complete(PlanNames names, EquatableArray<string> leftOut, IReadOnlyCollection<string> extraKnownTools, PlanFindings? findings = null)
        {
            findings ??= new PlanFindings(null);
            var agentTypes = new Dictionary<string, PlanFile>(names.Winners.Count, StringComparer.Ordinal);
            var agents = new List<PlanAgent>(names.Winners.Count);
            foreach (PlanAgent winner in names.Winners)
            {
                agentTypes[winner.ClassName] = new PlanFile(winner.Path, winner.Name, winner.NameSpan, winner);
                if (!leftOut.ContainsSorted(winner.Path))
                {
                    agents.Add(winner);
                }
            }

            List<ToolRef> toolMembers = BuildToolMembers(agents, extraKnownTools);
            List<MessageMerge> merged = MergeMessages(agents, findings);
            CheckRequestingAgents(names.Files, GroupByName(names.Files), findings);
            List<MessageGroup> messages = ResolveRecordNameClashes(merged, agentTypes, findings);
            return new ProjectPlan(agents, toolMembers, messages, findings.All);
        }

        /// <summary>
        /// The files that take part, by path: each path once (a file listed twice is one file; the
        /// first entry counts) and, of nested agents folders, the closest ones.
        /// </summary>
        private static List<PlanFile> OrderFiles(IEnumerable<PlanFile> input, string? projectDir)
        {
            var files = new List<PlanFile>();
            var paths = new HashSet<string>(StringComparer.Ordinal);
            foreach (PlanFile f in input)
            {
                if (paths.Add(f.Path))
                {
                    files.Add(f);
                }
            }

            if (projectDir is { Length: > 0 })
            {
                files = NestedAgentFolders.DropShadowed(files, projectDir);
            }

            files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            return files;
        }

        /// <summary>Every file that declares a name, by name (files with errors too: they still take the name).</summary>
        private static Dictionary<string, List<PlanFile>> GroupByName(IReadOnlyList<PlanFile> files)
        {
            var byName = new Dictionary<string, List<PlanFile>>(StringComparer.Ordinal);
            foreach (PlanFile f in files)
            {
                if (f.Name is null)
                {
                    continue;
                }

                if (!byName.TryGetValue(f.Name, out List<PlanFile>? list))
                {
                    byName[f.Name] = list = new List<PlanFile>();
                }

                list.Add(f);
            }

            return byName;
        }

        /// <summary>One agent per name (AGEN006) and per class name (AGEN020); the first file by path wins. The winners by name.</summary>
        private static List<PlanAgent> SelectWinners(List<PlanFile> files, Dictionary<string, List<PlanFile>> byName, PlanFindings findings)
        {
            var winners = new List<PlanAgent>();
            var takenTypes = new Dictionary<string, PlanFile>(StringComparer.Ordinal);
            foreach (PlanFile f in files)
            {
                if (f.Name is null)
                {
                    continue;
                }

                List<PlanFile> same = byName[f.Name];
                if (same.Count > 1)
                {
                    ReportDuplicateName(f, same, findings);
                    if (same[0].Path != f.Path)
                    {
                        continue;
                    }
                }

                if (f.Agent is null)
                {
                    continue; // a file with errors generates nothing, so it takes no type name
                }

                string className = f.Agent.ClassName;
                if (IsProjectTypeName(className))
                {
                    findings.Add(Descriptors.TypeNameCollision, f.Path, f.NameSpan, new[] { $"The agent '{f.Name}'", className, "a generated type", "rename the agent" });
                    continue;
                }

                if (takenTypes.TryGetValue(className, out PlanFile first))
                {
                    findings.Add(Descriptors.TypeNameCollision, f.Path, f.NameSpan, new[] { $"The agent '{f.Name}'", className, findings.AgentIn(first), $"only '{first.Name}' is generated" }, PlanFindings.At(first.Path, first.NameSpan));
                    findings.Add(Descriptors.TypeNameCollision, first.Path, first.NameSpan, new[] { $"The agent '{first.Name}'", className, findings.AgentIn(f), $"'{f.Name}' is not generated" }, PlanFindings.At(f.Path, f.NameSpan));
                    continue;
                }

                takenTypes[className] = f;
                winners.Add(f.Agent);
            }

            winners.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return winners;
        }

        /// <summary>AGEN006 on <paramref name="f"/>, naming the first other file that declares its name.</summary>
        private static void ReportDuplicateName(PlanFile f, List<PlanFile> same, PlanFindings findings)
        {
            foreach (PlanFile other in same)
            {
                if (other.Path != f.Path)
                {
                    findings.Add(Descriptors.DuplicateName, f.Path, f.NameSpan, new[] { f.Name!, findings.Show(other.Path) }, PlanFindings.At(other.Path, other.NameSpan));
                    return;
                }
            }
        }

        /// <summary>
        /// AGEN024: Claude Code (2.1.140 and later; docs/catalogue.md, "Sources", S3) resolves a
        /// subagent's name without case, spaces, '-' and '_' ("Code Reviewer" and "CODE_REVIEWER"
        /// start code-reviewer), so two agents whose names differ only there are one to it. Names
        /// equal as written are AGEN006; names with one class name are AGEN020 already. Copilot
        /// files (.agent.md) are left out: Claude Code does not read them.
        /// </summary>
        private static void CheckNamesMatchedAsOne(List<PlanFile> files, PlanFindings findings)
        {
            var firstByKey = new Dictionary<string, PlanFile>(StringComparer.Ordinal);
            foreach (PlanFile f in files)
            {
                if (f.Name is null || Catalog.CopilotCatalog.DialectOf(null, f.Path) != Catalog.AgentDialect.Claude)
                {
                    continue;
                }

                string key = NameKey.Of(f.Name);
                if (!firstByKey.TryGetValue(key, out PlanFile first))
                {
                    firstByKey[key] = f;
                    continue;
                }

                if (first.Name == f.Name || Naming.AgentClassName(first.Name!) == Naming.AgentClassName(f.Name))
                {
                    continue;
                }

                findings.Add(Descriptors.NamesMatchAsOne, f.Path, f.NameSpan, new[] { f.Name, first.Name!, findings.Show(first.Path) }, PlanFindings.At(first.Path, first.NameSpan));
                findings.Add(Descriptors.NamesMatchAsOne, first.Path, first.NameSpan, new[] { first.Name!, f.Name, findings.Show(f.Path) }, PlanFindings.At(f.Path, f.NameSpan));
            }
        }

        private static bool IsProjectTypeName(string name) => Array.IndexOf(GeneratedNames.ProjectTypes, name) >= 0;

        /// <summary>
        /// The budget step: the winners, in name order, that no longer fit in
        /// <see cref="MaxProjectTextLength"/> once the ones before them are counted (AGEN021 on each,
        /// when <paramref name="findings"/> is given), as ordinal-sorted paths; normally none.
        /// </summary>
        /// <param name="textLength">Each winner's <see cref="TextLength"/>, by path.</param>
        public static EquatableArray<string> LeftOutByBudget(IReadOnlyList<PlanAgent> winners, Func<string, long> textLength, PlanFindings? findings = null)
        {
            long total = 0;
            List<string>? leftOut = null;
            foreach (PlanAgent agent in winners)
            {
                long size = textLength(agent.Path);
                if (size > AppliedTextBudget - total)
                {
                    (leftOut ??= new List<string>()).Add(agent.Path);
                    findings?.Add(Descriptors.LimitExceeded, agent.Path, agent.NameSpan, new[]
                    {
                        string.Format(CultureInfo.InvariantCulture, "The agent '{0}' is not generated: with it, the project's agent files would put more than {1:N0} characters of text into string literals (an assembly holds about 8 M)", agent.Name, MaxProjectTextLength),
                    });
                    continue;
                }

                total += size;
            }

            if (leftOut is null)
            {
                return EquatableArray<string>.Empty;
            }

            leftOut.Sort(StringComparer.Ordinal);
            return leftOut.ToEquatableArray();
        }

        /// <summary>How many chars of string literals the agent's class holds (an upper bound: equal strings are stored once).</summary>
        internal static long TextLength(AgentFileModel a)
        {
            long n = a.Name.Length + a.Description.Length + (a.Model?.Length ?? 0) + a.Body.Length + a.Path.Length;
            n += TotalLength(a.Tools) + TotalLength(a.DisallowedTools);
            foreach (KeyValue kv in a.Metadata)
            {
                n += kv.Key.Length + kv.Value.Length;
            }

            AgentOptionalFields o = a.Optional;
            n += (o.Hooks?.Length ?? 0) + (o.Experimental?.Length ?? 0) + (o.InitialPrompt?.Length ?? 0);
            n += TotalLength(o.Skills ?? EquatableArray<string>.Empty) + TotalLength(o.McpServers ?? EquatableArray<string>.Empty);
            return n;
        }

        private static long TotalLength(EquatableArray<string> items)
        {
            long n = 0;
            foreach (string s in items)
            {
                n += s.Length;
            }

            return n;
        }

        /// <summary>
        /// One AgentTool member per tool name (canonical, specifier dropped): the catalogue first,
        /// then the configured tools, then every other tool the agents name, sorted. Member names
        /// are made unique with a numeric suffix; none is named like the enum itself.
        /// </summary>
        private static List<ToolRef> BuildToolMembers(List<PlanAgent> agents, IReadOnlyCollection<string> extraKnownTools)
        {
            var members = new List<ToolRef>();
            var byTool = new HashSet<string>(StringComparer.Ordinal);
            var usedMembers = new HashSet<string>(StringComparer.Ordinal);
            void Add(string tool)
            {
                string name = AgentToolRules.Canonicalize(tool);
                if (name.Length == 0 || byTool.Contains(name) || Naming.ToolMemberName(name) is not { } member)
                {
                    return;
                }

                if (member == GeneratedNames.ToolEnum)
                {
                    member += "_";
                }

                string unique = member;
                for (int i = 2; !usedMembers.Add(unique); i++)
                {
                    unique = member + "_" + i.ToString(CultureInfo.InvariantCulture);
                }

                byTool.Add(name);
                members.Add(new ToolRef(name, unique, members.Count));
            }

            foreach (string t in ToolCatalog.BuiltIns)
            {
                Add(t);
            }

            foreach (string t in extraKnownTools)
            {
                Add(t);
            }

            var others = new SortedSet<string>(StringComparer.Ordinal);
            foreach (PlanAgent agent in agents)
            {
                foreach (string t in agent.Tools)
                {
                    others.Add(AgentToolRules.Canonicalize(t));
                }

                foreach (string t in agent.DisallowedTools)
                {
                    others.Add(AgentToolRules.Canonicalize(t));
                }
            }

            foreach (string t in others)
            {
                Add(t);
            }

            return members;
        }
    }

    /// <summary>The plan's findings collector: each finding with its related places, and how files are named in messages.</summary>
    internal sealed class PlanFindings
    {
        private static readonly KeyValuePair<string, SourceSpan>[] None = Array.Empty<KeyValuePair<string, SourceSpan>>();

        private readonly List<PlanFinding> _all = new();
        private readonly Func<string, string> _show;

        public PlanFindings(Func<string, string>? displayPath) => _show = displayPath ?? (static path => path);

        public IReadOnlyList<PlanFinding> All => _all;

        /// <summary>How a file is named in messages (relative to the project when the analyzer knows the project folder).</summary>
        public string Show(string path) => _show(path);

        public void Add(DiagnosticDescriptor descriptor, string path, SourceSpan span, string[] args, IReadOnlyList<KeyValuePair<string, SourceSpan>>? related = null)
            => _all.Add(new PlanFinding(descriptor, path, span, args, related ?? None));

        /// <summary>How AGEN020 names the agent that holds a type name: "the agent 'x' in 'path'".</summary>
        public string AgentIn(PlanFile file) => $"the agent '{file.Name}' in '{Show(file.Path)}'";

        /// <summary>One related place.</summary>
        public static KeyValuePair<string, SourceSpan>[] At(string path, SourceSpan span) => new[] { new KeyValuePair<string, SourceSpan>(path, span) };
    }
}
