using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Shared;
using AgentGen.Diagnostics;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;

namespace AgentGen.Model
{
    /// <summary>One file as the cross-file rules see it.</summary>
    internal readonly struct PlanFile
    {
        public PlanFile(string path, string? name, SourceSpan nameSpan, AgentFileModel? model)
        {
            Path = path;
            Name = name;
            NameSpan = nameSpan;
            Model = model;
        }

        public string Path { get; }

        public string? Name { get; }

        public SourceSpan NameSpan { get; }

        /// <summary>Null when the file has errors of its own.</summary>
        public AgentFileModel? Model { get; }
    }

    /// <summary>A cross-file diagnostic: where, and every other place involved.</summary>
    internal sealed class PlanFinding
    {
        public PlanFinding(DiagnosticDescriptor descriptor, string path, SourceSpan span, string[] args, List<KeyValuePair<string, SourceSpan>>? related = null)
        {
            Descriptor = descriptor;
            Path = path;
            Span = span;
            Args = args;
            Related = related ?? new List<KeyValuePair<string, SourceSpan>>();
        }

        public DiagnosticDescriptor Descriptor { get; }

        public string Path { get; }

        public SourceSpan Span { get; }

        public string[] Args { get; }

        public List<KeyValuePair<string, SourceSpan>> Related { get; }
    }

    /// <summary>All examples of one request type, merged.</summary>
    internal sealed class MessageGroup
    {
        public MessageGroup(string requestType, string typeName)
        {
            RequestType = requestType;
            TypeName = typeName;
        }

        public string RequestType { get; }

        public string TypeName { get; }

        public PayloadShape Shape { get; set; } = PayloadShape.Any;

        public List<KeyValuePair<string, MessageModel>> Occurrences { get; } = new();

        /// <summary>The merged payload has more than <see cref="ProjectPlan.MaxPayloadProperties"/> properties: no record (AGEN021).</summary>
        public bool TooLarge { get; set; }
    }

    /// <summary>
    /// The cross-file view of a project's agents: which agents and messages are generated, the
    /// AgentTool members, and the cross-file findings (AGEN006, AGEN018, AGEN019, AGEN020). The
    /// generator and the analyzer both build it, so what is reported is exactly what is skipped.
    /// </summary>
    internal sealed class ProjectPlan
    {
        private static readonly HashSet<string> ReservedTypeNames = new(StringComparer.Ordinal) { "AgentTool", "AgentTools", "AgentCatalog" };

        /// <summary>
        /// The most text (in chars: descriptions, bodies, metadata, ...) the agents of one project
        /// may bring into string literals. All string literals of an assembly share one heap of
        /// 16 MB (about 8 M chars; CS8103 at emit time beyond it); AgentGen takes at most half of
        /// it and leaves the rest to the project's own code. Agents beyond it, in name order, are
        /// not generated (AGEN021).
        /// </summary>
        public const long MaxProjectTextLength = 4_000_000;

        /// <summary>
        /// The most properties (nested ones included) the merged payload of one request type may
        /// have; beyond it the record is not generated (AGEN021). The compiler's time grows faster
        /// than linearly with the parameters of a record.
        /// </summary>
        public const int MaxPayloadProperties = 500;

        public List<AgentFileModel> Agents { get; } = new();

        public List<ToolRef> ToolMembers { get; } = new();

        public Dictionary<string, string> MemberByTool { get; } = new(StringComparer.Ordinal);

        public List<MessageGroup> Messages { get; } = new();

        public List<PlanFinding> Findings { get; } = new();

        /// <summary>How a file is named in messages (relative to the project when the analyzer knows the project folder).</summary>
        private Func<string, string> _show = static path => path;

        /// <param name="displayPath">Names a file in messages; the full path when null.</param>
        /// <param name="projectDir">The project folder, for <see cref="NestedAgentFolders.DropShadowed"/>; nothing is shadowed when null or empty.</param>
        public static ProjectPlan Build(IEnumerable<PlanFile> input, IReadOnlyCollection<string> extraKnownTools, Func<string, string>? displayPath = null, string? projectDir = null)
        {
            var plan = new ProjectPlan();
            if (displayPath is not null)
            {
                plan._show = displayPath;
            }

            var files = new List<PlanFile>(input);
            if (projectDir is { Length: > 0 })
            {
                files = NestedAgentFolders.DropShadowed(files, projectDir);
            }
            files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));

            // Agents: one per name, one per class name; the first file (by path) wins.
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
                    foreach (PlanFile other in same)
                    {
                        if (!ReferenceEquals(other.Path, f.Path) && other.Path != f.Path)
                        {
                            plan.Findings.Add(new PlanFinding(Descriptors.DuplicateName, f.Path, f.NameSpan, new[] { f.Name, plan._show(other.Path) }, new List<KeyValuePair<string, SourceSpan>> { new(other.Path, other.NameSpan) }));
                            break;
                        }
                    }

                    if (same[0].Path != f.Path)
                    {
                        continue;
                    }
                }

                if (f.Model is null)
                {
                    continue; // a file with errors generates nothing, so it takes no type name
                }

                string className = Naming.AgentClassName(f.Name);
                if (ReservedTypeNames.Contains(className))
                {
                    plan.Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, f.Path, f.NameSpan, new[] { $"The agent '{f.Name}'", className, "a generated type", "rename the agent" }));
                    continue;
                }

                if (takenTypes.TryGetValue(className, out PlanFile first))
                {
                    plan.Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, f.Path, f.NameSpan, new[] { $"The agent '{f.Name}'", className, $"the agent '{first.Name}' in '{plan._show(first.Path)}'", $"only '{first.Name}' is generated" }, new List<KeyValuePair<string, SourceSpan>> { new(first.Path, first.NameSpan) }));
                    plan.Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, first.Path, first.NameSpan, new[] { $"The agent '{first.Name}'", className, $"the agent '{f.Name}' in '{plan._show(f.Path)}'", $"'{f.Name}' is not generated" }, new List<KeyValuePair<string, SourceSpan>> { new(f.Path, f.NameSpan) }));
                    continue;
                }

                takenTypes[className] = f;
                plan.Agents.Add(f.Model);
            }

            plan.Agents.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            plan.ApplyTextBudget();
            plan.BuildToolMembers(extraKnownTools);
            plan.BuildMessages(files, takenTypes, byName);
            return plan;
        }

        private void ApplyTextBudget()
        {
            long total = 0;
            var kept = new List<AgentFileModel>(Agents.Count);
            foreach (AgentFileModel agent in Agents)
            {
                long size = TextLength(agent);
                if (total + size > MaxProjectTextLength)
                {
                    Findings.Add(new PlanFinding(Descriptors.LimitExceeded, agent.Path, agent.NameSpan, new[]
                    {
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, "The agent '{0}' is not generated: with it, the project's agent files would put more than {1:N0} characters of text into string literals (an assembly holds about 8 M)", agent.Name, MaxProjectTextLength),
                    }));
                    continue;
                }

                total += size;
                kept.Add(agent);
            }

            Agents.Clear();
            Agents.AddRange(kept);
        }

        /// <summary>How many chars of string literals the agent's class holds (an upper bound: equal strings are stored once).</summary>
        private static long TextLength(AgentFileModel a)
        {
            long n = a.Name.Length + a.Description.Length + (a.Model?.Length ?? 0) + a.Instructions.Length + a.Path.Length;
            foreach (string t in a.Tools)
            {
                n += t.Length;
            }

            foreach (string t in a.DisallowedTools)
            {
                n += t.Length;
            }

            foreach (Common.KeyValue kv in a.Metadata)
            {
                n += kv.Key.Length + kv.Value.Length;
            }

            AgentOptionalFields o = a.Optional;
            n += (o.Hooks?.Length ?? 0) + (o.Experimental?.Length ?? 0) + (o.InitialPrompt?.Length ?? 0);
            foreach (string t in o.Skills ?? EquatableArray<string>.Empty)
            {
                n += t.Length;
            }

            foreach (string t in o.McpServers ?? EquatableArray<string>.Empty)
            {
                n += t.Length;
            }

            return n;
        }

        /// <summary>Properties of a payload shape, nested objects and array elements included, counted up to <paramref name="limit"/> + 1.</summary>
        private static int CountProperties(PayloadShape shape, int limit)
        {
            int n = 0;
            if (shape.Element is not null)
            {
                n += CountProperties(shape.Element, limit);
            }

            foreach (PayloadProperty p in shape.Properties)
            {
                if (n > limit)
                {
                    break;
                }

                n += 1 + CountProperties(p.Shape, limit - n);
            }

            return n;
        }

        private void BuildToolMembers(IReadOnlyCollection<string> extraKnownTools)
        {
            var usedMembers = new HashSet<string>(StringComparer.Ordinal);
            void Add(string tool)
            {
                string name = AgentToolRules.Canonicalize(tool);
                if (name.Length == 0 || MemberByTool.ContainsKey(name))
                {
                    return;
                }

                string? member = Naming.ToolMemberName(name);
                if (member is null)
                {
                    return;
                }

                if (member == "AgentTool")
                {
                    member += "_";
                }

                string unique = member;
                for (int i = 2; !usedMembers.Add(unique); i++)
                {
                    unique = member + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                MemberByTool[name] = unique;
                ToolMembers.Add(new ToolRef(name, unique, ToolMembers.Count));
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
            foreach (AgentFileModel agent in Agents)
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
        }

        private void BuildMessages(List<PlanFile> files, Dictionary<string, PlanFile> takenTypes, Dictionary<string, List<PlanFile>> byName)
        {
            var groups = new SortedDictionary<string, MessageGroup>(StringComparer.Ordinal);
            var allNames = new List<string>(byName.Keys);
            allNames.Sort(StringComparer.Ordinal);

            foreach (AgentFileModel agent in SortedByPath(Agents))
            {
                foreach (MessageModel message in agent.Messages)
                {
                    if (!groups.TryGetValue(message.RequestType, out MessageGroup? group))
                    {
                        groups[message.RequestType] = group = new MessageGroup(message.RequestType, Naming.PayloadRecordName(message.RequestType));
                        group.Shape = message.Payload;
                    }
                    else if (!group.TooLarge)
                    {
                        bool conflict = false;
                        group.Shape = PayloadShapes.Unify(group.Shape, message.Payload, ref conflict);
                        if (conflict)
                        {
                            KeyValuePair<string, MessageModel> first = group.Occurrences[0];
                            Findings.Add(new PlanFinding(Descriptors.PayloadConflict, agent.Path, message.RequestTypeSpan, new[] { message.RequestType, $"differs in type from its example in '{_show(first.Key)}'; the conflicting properties become JsonElement?" }, new List<KeyValuePair<string, SourceSpan>> { new(first.Key, first.Value.RequestTypeSpan) }));
                        }
                    }

                    group.Occurrences.Add(new KeyValuePair<string, MessageModel>(agent.Path, message));
                    if (!group.TooLarge && CountProperties(group.Shape, MaxPayloadProperties) > MaxPayloadProperties)
                    {
                        group.TooLarge = true; // and stop merging: merging is quadratic in the keys
                    }
                }
            }

            // AGEN018: requesting_agent must name an agent of the project (any file that declares a name counts).
            foreach (PlanFile f in files)
            {
                if (f.Model is null)
                {
                    continue;
                }

                foreach (MessageModel message in f.Model.Messages)
                {
                    if (message.RequestingAgent is { } requester && !byName.ContainsKey(requester))
                    {
                        string? suggestion = Suggestions.Closest(requester, allNames);
                        Findings.Add(new PlanFinding(Descriptors.UnknownRequestingAgent, f.Path, message.RequestingAgentSpan, new[] { requester, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?" }));
                    }
                }
            }

            // Record type names must be unique across agents and messages (AGEN020).
            var takenRecordNames = new Dictionary<string, string>(StringComparer.Ordinal);
            var recordOwners = new Dictionary<string, MessageGroup>(StringComparer.Ordinal);
            foreach (KeyValuePair<string, PlanFile> t in takenTypes)
            {
                takenRecordNames[t.Key] = $"the agent '{t.Value.Name}' in '{_show(t.Value.Path)}'";
            }

            foreach (MessageGroup group in groups.Values)
            {
                if (group.TooLarge)
                {
                    foreach (KeyValuePair<string, MessageModel> occurrence in group.Occurrences)
                    {
                        Findings.Add(new PlanFinding(Descriptors.LimitExceeded, occurrence.Key, occurrence.Value.RequestTypeSpan, new[]
                        {
                            string.Format(System.Globalization.CultureInfo.InvariantCulture, "The payload of the request type '{0}' has more than {1:N0} properties (nested ones included); its record is not generated", Clip(group.RequestType), MaxPayloadProperties),
                        }));
                    }

                    continue;
                }

                var names = new List<string>();
                RecordNames.Collect(group.TypeName, group.Shape, names);
                string? clash = null;
                foreach (string n in names)
                {
                    if (ReservedTypeNames.Contains(n))
                    {
                        clash = "a generated type";
                    }
                    else if (takenRecordNames.TryGetValue(n, out string? owner))
                    {
                        clash = owner;
                    }

                    if (clash is not null)
                    {
                        foreach (KeyValuePair<string, MessageModel> occurrence in group.Occurrences)
                        {
                            Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, occurrence.Key, occurrence.Value.RequestTypeSpan, new[] { $"The request type '{group.RequestType}'", n, clash, "its payload record is not generated" }, takenTypes.TryGetValue(n, out PlanFile agentFile) ? new List<KeyValuePair<string, SourceSpan>> { new(agentFile.Path, agentFile.NameSpan) } : Related(recordOwners, n)));
                        }

                        // The agent or request type that keeps the name is told too, so both places show the clash.
                        if (takenTypes.TryGetValue(n, out PlanFile agentOwner))
                        {
                            var at = new List<KeyValuePair<string, SourceSpan>>();
                            foreach (KeyValuePair<string, MessageModel> occurrence in group.Occurrences)
                            {
                                at.Add(new KeyValuePair<string, SourceSpan>(occurrence.Key, occurrence.Value.RequestTypeSpan));
                            }

                            Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, agentOwner.Path, agentOwner.NameSpan, new[] { $"The agent '{agentOwner.Name}'", n, $"a record of the request type '{group.RequestType}'", $"the payload record of '{group.RequestType}' is not generated" }, at));
                        }
                        else if (recordOwners.TryGetValue(n, out MessageGroup? winner))
                        {
                            foreach (KeyValuePair<string, MessageModel> occurrence in winner.Occurrences)
                            {
                                Findings.Add(new PlanFinding(Descriptors.TypeNameCollision, occurrence.Key, occurrence.Value.RequestTypeSpan, new[] { $"The request type '{winner.RequestType}'", n, $"the request type '{group.RequestType}'", $"the payload record of '{group.RequestType}' is not generated" }, Related(group)));
                            }
                        }

                        break;
                    }
                }

                if (clash is null)
                {
                    foreach (string n in names)
                    {
                        takenRecordNames[n] = $"the request type '{group.RequestType}'";
                        recordOwners[n] = group;
                    }

                    Messages.Add(group);
                }
            }
        }

        private static string Clip(string s) => s.Length <= 60 ? s : s.Substring(0, 60) + "...";

        private static List<KeyValuePair<string, SourceSpan>> Related(Dictionary<string, MessageGroup> owners, string typeName)
            => owners.TryGetValue(typeName, out MessageGroup? owner) ? Related(owner) : new List<KeyValuePair<string, SourceSpan>>();

        private static List<KeyValuePair<string, SourceSpan>> Related(MessageGroup group)
        {
            var related = new List<KeyValuePair<string, SourceSpan>>();
            foreach (KeyValuePair<string, MessageModel> occurrence in group.Occurrences)
            {
                related.Add(new KeyValuePair<string, SourceSpan>(occurrence.Key, occurrence.Value.RequestTypeSpan));
            }

            return related;
        }

        private static List<AgentFileModel> SortedByPath(List<AgentFileModel> agents)
        {
            var copy = new List<AgentFileModel>(agents);
            copy.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            return copy;
        }
    }
}
