using System;
using System.Collections.Generic;
using System.Globalization;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Parsing;

namespace AgentGen.Model
{
    /// <summary>The plan's message steps: merge the examples of each request type, check requesting agents, and give each record a free name.</summary>
    internal sealed partial record ProjectPlan
    {
        /// <summary>
        /// The examples of each request type merged into one payload shape, request types in
        /// ordinal order, examples in path order; AGEN019 where an example's types conflict with
        /// the first. Merging stops once a payload is over <see cref="MaxPayloadProperties"/>.
        /// </summary>
        private static List<MessageMerge> MergeMessages(List<PlanAgent> agents, PlanFindings findings)
        {
            var byPath = new List<PlanAgent>(agents);
            byPath.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            var groups = new SortedDictionary<string, MessageMerge>(StringComparer.Ordinal);
            foreach (PlanAgent agent in byPath)
            {
                foreach (PlanMessage message in agent.Messages)
                {
                    if (!groups.TryGetValue(message.RequestType, out MessageMerge? group))
                    {
                        groups[message.RequestType] = new MessageMerge(agent.Path, message);
                    }
                    else
                    {
                        group.Add(agent.Path, message, findings);
                    }
                }
            }

            return new List<MessageMerge>(groups.Values);
        }

        /// <summary>AGEN018: requesting_agent must name an agent of the project (any file that declares a name counts).</summary>
        private static void CheckRequestingAgents(IReadOnlyList<PlanFile> files, Dictionary<string, List<PlanFile>> byName, PlanFindings findings)
        {
            List<string>? allNames = null;
            foreach (PlanFile f in files)
            {
                if (f.Agent is null)
                {
                    continue;
                }

                foreach (PlanMessage message in f.Agent.Messages)
                {
                    if (message.RequestingAgent is { } requester && !byName.ContainsKey(requester))
                    {
                        if (allNames is null)
                        {
                            allNames = new List<string>(byName.Keys);
                            allNames.Sort(StringComparer.Ordinal);
                        }

                        string? suggestion = Suggestions.Closest(requester, allNames);
                        findings.Add(Descriptors.UnknownRequestingAgent, f.Path, message.RequestingAgentSpan, new[] { requester, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?" });
                    }
                }
            }
        }

        /// <summary>
        /// The payload records to generate: each request type whose records' names are all free
        /// (not a project type, an agent class or a record of an earlier request type); AGEN020 on
        /// both sides of a clash, AGEN021 on every example of a payload that is too large.
        /// </summary>
        private static List<MessageGroup> ResolveRecordNameClashes(List<MessageMerge> groups, Dictionary<string, PlanFile> agentTypes, PlanFindings findings)
        {
            var messages = new List<MessageGroup>();
            var recordOwners = new Dictionary<string, MessageMerge>(StringComparer.Ordinal);
            foreach (MessageMerge group in groups)
            {
                if (group.TooLarge)
                {
                    ReportTooLarge(group, findings);
                    continue;
                }

                List<RecordSpec> records = RecordNames.Build(group.TypeName, group.RequestType, group.Shape, jsonAttributes: true);
                bool clashed = false;
                foreach (RecordSpec record in records)
                {
                    string n = record.TypeName;
                    string? clash = IsProjectTypeName(n) ? "a generated type"
                        : agentTypes.TryGetValue(n, out PlanFile agent) ? findings.AgentIn(agent)
                        : recordOwners.TryGetValue(n, out MessageMerge? earlier) ? $"the request type '{earlier.RequestType}'"
                        : null;
                    if (clash is not null)
                    {
                        ReportClash(group, n, clash, agentTypes, recordOwners, findings);
                        clashed = true;
                        break;
                    }
                }

                if (!clashed)
                {
                    foreach (RecordSpec record in records)
                    {
                        recordOwners[record.TypeName] = group;
                    }

                    messages.Add(group.ToGroup(records));
                }
            }

            return messages;
        }

        private static void ReportTooLarge(MessageMerge group, PlanFindings findings)
        {
            foreach (KeyValuePair<string, PlanMessage> occurrence in group.Occurrences)
            {
                findings.Add(Descriptors.LimitExceeded, occurrence.Key, occurrence.Value.RequestTypeSpan, new[]
                {
                    string.Format(CultureInfo.InvariantCulture, "The payload of the request type '{0}' has more than {1:N0} properties (nested ones included); its record is not generated", Clip(group.RequestType), MaxPayloadProperties),
                });
            }
        }

        /// <summary>AGEN020 on every example of <paramref name="group"/>, and on the agent or request type that keeps the name, so both places show the clash.</summary>
        private static void ReportClash(MessageMerge group, string typeName, string clash, Dictionary<string, PlanFile> agentTypes, Dictionary<string, MessageMerge> recordOwners, PlanFindings findings)
        {
            bool agentOwns = agentTypes.TryGetValue(typeName, out PlanFile agentOwner);
            recordOwners.TryGetValue(typeName, out MessageMerge? winner);
            IReadOnlyList<KeyValuePair<string, SourceSpan>> related = agentOwns
                ? PlanFindings.At(agentOwner.Path, agentOwner.NameSpan)
                : winner?.Places() ?? (IReadOnlyList<KeyValuePair<string, SourceSpan>>)Array.Empty<KeyValuePair<string, SourceSpan>>();
            foreach (KeyValuePair<string, PlanMessage> occurrence in group.Occurrences)
            {
                findings.Add(Descriptors.TypeNameCollision, occurrence.Key, occurrence.Value.RequestTypeSpan, new[] { $"The request type '{group.RequestType}'", typeName, clash, "its payload record is not generated" }, related);
            }

            string notGenerated = $"the payload record of '{group.RequestType}' is not generated";
            if (agentOwns)
            {
                findings.Add(Descriptors.TypeNameCollision, agentOwner.Path, agentOwner.NameSpan, new[] { $"The agent '{agentOwner.Name}'", typeName, $"a record of the request type '{group.RequestType}'", notGenerated }, group.Places());
            }
            else if (winner is not null)
            {
                List<KeyValuePair<string, SourceSpan>> places = group.Places();
                foreach (KeyValuePair<string, PlanMessage> occurrence in winner.Occurrences)
                {
                    findings.Add(Descriptors.TypeNameCollision, occurrence.Key, occurrence.Value.RequestTypeSpan, new[] { $"The request type '{winner.RequestType}'", typeName, $"the request type '{group.RequestType}'", notGenerated }, places);
                }
            }
        }

        private static string Clip(string s) => s.Length <= 60 ? s : s.Substring(0, 60) + "...";

        /// <summary>One request type while its examples are merged (the plan's only mutable state, private to <see cref="Build"/>).</summary>
        private sealed class MessageMerge
        {
            private readonly List<KeyValuePair<string, PlanMessage>> _occurrences = new();

            public MessageMerge(string path, PlanMessage first)
            {
                RequestType = first.RequestType;
                TypeName = Naming.PayloadRecordName(first.RequestType);
                Shape = first.Payload;
                Record(path, first);
            }

            public string RequestType { get; }

            public string TypeName { get; }

            public PayloadShape Shape { get; private set; }

            public IReadOnlyList<KeyValuePair<string, PlanMessage>> Occurrences => _occurrences;

            /// <summary>The merged payload has more than <see cref="MaxPayloadProperties"/> properties: no record (AGEN021).</summary>
            public bool TooLarge { get; private set; }

            public void Add(string path, PlanMessage message, PlanFindings findings)
            {
                if (!TooLarge)
                {
                    bool conflict = false;
                    Shape = PayloadShapes.Unify(Shape, message.Payload, ref conflict);
                    if (conflict)
                    {
                        KeyValuePair<string, PlanMessage> first = _occurrences[0];
                        findings.Add(Descriptors.PayloadConflict, path, message.RequestTypeSpan, new[] { message.RequestType, $"differs in type from its example in '{findings.Show(first.Key)}'; the conflicting properties become JsonElement?" }, PlanFindings.At(first.Key, first.Value.RequestTypeSpan));
                    }
                }

                Record(path, message);
            }

            private void Record(string path, PlanMessage message)
            {
                _occurrences.Add(new KeyValuePair<string, PlanMessage>(path, message));
                if (!TooLarge && CountProperties(Shape, MaxPayloadProperties) > MaxPayloadProperties)
                {
                    TooLarge = true; // and stop merging: merging is quadratic in the keys
                }
            }

            /// <summary>Where each example names the request type.</summary>
            public List<KeyValuePair<string, SourceSpan>> Places()
            {
                var places = new List<KeyValuePair<string, SourceSpan>>(_occurrences.Count);
                foreach (KeyValuePair<string, PlanMessage> occurrence in _occurrences)
                {
                    places.Add(new KeyValuePair<string, SourceSpan>(occurrence.Key, occurrence.Value.RequestTypeSpan));
                }

                return places;
            }

            public MessageGroup ToGroup(IReadOnlyList<RecordSpec> records) => new(RequestType, TypeName, Shape, _occurrences.ToArray(), records);

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
        }
    }
}
