using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Shared;
using YamlDotNet.Core;
using static AgentGen.Common.TextLines;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>Tool-list reader: <c>tools</c> and <c>disallowedTools</c> as comma-, list- or space-separated entries with their spans; unknown, legacy, duplicate and overlapping tools (AGEN007-AGEN012); Copilot's tool names.</summary>
        private sealed partial class Session
        {
            private sealed class ToolList
            {
                public List<string> Names { get; } = new();

                public List<SourceSpan> Spans { get; } = new();

                /// <summary>
                /// The agent types of the <c>Agent(...)</c> / <c>Task(...)</c> entries, each once, in file order; null when
                /// delegation goes to any agent (no such entry, a bare <c>Agent</c>, or <c>*</c>). See IAgentRuntimeDefinition.AgentTypes.
                /// </summary>
                public List<string>? AgentTypes { get; private set; }

                private bool _anyAgentType;

                /// <summary>Records one <c>tools</c> entry of the Agent tool (<paramref name="entry"/> as written) or <c>*</c>.</summary>
                public void AddAgentEntry(string entry)
                {
                    int open = entry.IndexOf('(');
                    if (_anyAgentType || open < 0)
                    {
                        // Sub-agents page: a bare Agent (or every tool) allows every type, whatever else is listed.
                        _anyAgentType = true;
                        AgentTypes = null;
                        return;
                    }

                    // Several Agent(...) entries combine (sub-agents page; CHANGELOG 2.1.147, 2.1.186).
                    AgentTypes ??= new List<string>();
                    int close = entry.LastIndexOf(')');
                    string inner = close > open ? entry.Substring(open + 1, close - open - 1) : entry.Substring(open + 1);
                    foreach (string part in inner.Split(new[] { ',', ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
                    {
                        string type = part.Trim();
                        if (type.Length > 0 && !AgentTypes.Contains(type))
                        {
                            AgentTypes.Add(type);
                        }
                    }
                }

                public SourceSpan FieldSpan { get; set; }
            }

            private ToolList? ReadTools(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry))
                {
                    return null;
                }

                var list = new ToolList();
                YNode value = entry.Value;
                list.FieldSpan = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                var raw = new List<KeyValuePair<string, SourceSpan>>();
                if (value.Kind == YKind.Scalar)
                {
                    if (!value.IsNull)
                    {
                        SplitCommaScalar(value, raw);
                    }
                }
                else if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            // A list item may itself hold "A, B" (seen in the wild): split it too.
                            SplitCommaScalar(item, raw);
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), $"Each entry of '{field}' must be a tool name");
                        }
                    }
                }
                else
                {
                    Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a comma-separated string or a list of tool names");
                    return field == "tools" ? list : null;
                }

                if (raw.Count > MaxTools)
                {
                    Report(Descriptors.LimitExceeded, list.FieldSpan, string.Format(System.Globalization.CultureInfo.InvariantCulture, "'{0}' lists {1:N0} tools; AgentGen reads at most {2:N0}", field, raw.Count, MaxTools));
                    return field == "tools" ? list : null;
                }

                raw = ToolEntries.SplitOnSpaces(raw, IsKnownToolEntry);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var onlyWithSpecifier = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, SourceSpan> item in raw)
                {
                    string entryText = item.Key;
                    if (IsCopilot)
                    {
                        ReadCopilotTool(entryText, item.Value, field, list, seen);
                        continue;
                    }

                    string toolName = AgentToolRules.StripSpecifier(entryText);
                    NoteToolEntry(field, new KeyValuePair<string, SourceSpan>(toolName, item.Value));
                    if (toolName.Length == 0)
                    {
                        Report(Descriptors.InvalidFieldValue, item.Value, $"'{entryText}' in '{field}' names no tool");
                        continue;
                    }

                    bool hasSpecifier = entryText.IndexOf('(') >= 0;
                    string canonical = AgentToolRules.Canonicalize(toolName);

                    // Agent(worker, reviewer) in tools is not ignored: its types are the allowlist the runtime applies
                    // (sub-agents page, "Restrict which subagents can be spawned"; FIDELITY.md D10), so no AGEN008.
                    bool agentTypes = field == "tools" && canonical == "Agent";
                    if (hasSpecifier && !agentTypes)
                    {
                        Report(Descriptors.ToolSpecifierIgnored, item.Value, entryText, field == "tools" ? "'tools'" : "'disallowedTools'", toolName, field == "tools" ? "granted" : "removed");
                    }

                    if (toolName != "*")
                    {
                        CheckToolName(toolName, item.Value);
                    }

                    if (agentTypes || (field == "tools" && canonical == "*"))
                    {
                        list.AddAgentEntry(agentTypes ? entryText : "*");
                    }

                    if (!seen.Add(canonical))
                    {
                        // Two specifiers of one tool (Bash(git:*), Bash(npm:*)) are one AGEN008 each,
                        // not a duplicate; several Agent(...) entries combine (sub-agents page, 2.1.147).
                        if (!(hasSpecifier && onlyWithSpecifier.Contains(canonical)))
                        {
                            Report(Descriptors.DuplicateTool, item.Value, toolName, $"'{field}'");
                        }

                        if (!hasSpecifier)
                        {
                            onlyWithSpecifier.Remove(canonical);
                        }

                        continue;
                    }

                    if (hasSpecifier)
                    {
                        onlyWithSpecifier.Add(canonical);
                    }

                    list.Names.Add(toolName);
                    list.Spans.Add(item.Value);
                }

                if (field == "tools" && list.Names.Count == 0 && raw.Count == 0)
                {
                    Report(Descriptors.EmptyTools, list.FieldSpan);
                }

                return list;
            }

            /// <summary>Splits a scalar on commas, with the source span of each entry when the scalar maps 1:1 to its text.</summary>
            private void SplitCommaScalar(YNode scalar, List<KeyValuePair<string, SourceSpan>> into)
            {
                string value = scalar.Value;
                int contentStart = scalar.Start;
                if (scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted)
                {
                    contentStart++;
                }

                bool exact = scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                    && contentStart + value.Length <= _text.Length
                    && string.CompareOrdinal(_text, contentStart, value, 0, value.Length) == 0;

                int depth = 0;
                int partStart = 0;
                int searchFrom = scalar.Start;
                if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    searchFrom = NextLine(_text, LineEnd(_text, scalar.Start)); // skip the '|' or '>' header
                }

                for (int i = 0; i <= value.Length; i++)
                {
                    char c = i < value.Length ? value[i] : ',';
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && depth > 0)
                    {
                        depth--;
                    }
                    else if (c == ',' && depth == 0)
                    {
                        int s = partStart;
                        int e = i;
                        while (s < e && char.IsWhiteSpace(value[s]))
                        {
                            s++;
                        }

                        while (e > s && char.IsWhiteSpace(value[e - 1]))
                        {
                            e--;
                        }

                        if (e > s)
                        {
                            string part = value.Substring(s, e - s);
                            SourceSpan span;
                            if (exact)
                            {
                                span = SourceSpan.FromBounds(contentStart + s, contentStart + e);
                            }
                            else
                            {
                                // Folded, literal or escaped text: find the entry in the source, in order.
                                SourceSpan whole = Span(scalar);
                                int found = searchFrom < whole.End ? _text.IndexOf(part, searchFrom, whole.End - searchFrom, StringComparison.Ordinal) : -1;
                                if (found >= 0)
                                {
                                    span = new SourceSpan(found, part.Length);
                                    searchFrom = found + part.Length;
                                }
                                else
                                {
                                    span = whole;
                                }
                            }

                            into.Add(new KeyValuePair<string, SourceSpan>(part, span));
                        }

                        partStart = i + 1;
                    }
                }
            }

            private void CheckToolName(string toolName, SourceSpan span)
            {
                if (ToolCatalog.IsBuiltIn(toolName) || ToolCatalog.IsMcp(toolName) || IsExtraKnown(toolName))
                {
                    return;
                }

                if (ToolCatalog.IsLegacy(toolName, out LegacyTool legacy))
                {
                    _diagnostics.Add(new DiagnosticInfo(Descriptors.LegacyTool, span, new[] { toolName, legacy.Explanation }, legacy.Replacement is null ? null : SuggestionProps(legacy.Replacement)));
                    return;
                }

                string? suggestion = Suggestions.Closest(toolName, KnownToolNames());
                _diagnostics.Add(new DiagnosticInfo(
                    Descriptors.UnknownTool,
                    span,
                    new[] { toolName, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?" },
                    suggestion is null ? null : SuggestionProps(suggestion)));
            }

            private void CheckToolOverlap(ToolList? tools, ToolList? disallowed)
            {
                if (tools is null || disallowed is null)
                {
                    return;
                }

                // Quadratic, but both lists hold at most MaxTools entries.
                for (int i = 0; i < tools.Names.Count; i++)
                {
                    foreach (string d in disallowed.Names)
                    {
                        // Covers: an entry also overlaps a 'disallowedTools' wildcard of its server (mcp__s, mcp__s__*).
                        if (AgentToolRules.Covers(d, tools.Names[i]))
                        {
                            Report(Descriptors.ToolAllowedAndDisallowed, tools.Spans[i], tools.Names[i]);
                            break;
                        }
                    }
                }
            }

            /// <summary>A Copilot <c>tools</c> entry: its Claude Code names (CopilotCatalog), or AGEN007 (Copilot ignores it).</summary>
            private void ReadCopilotTool(string entryText, SourceSpan span, string field, ToolList list, HashSet<string> seen)
            {
                if (!CopilotCatalog.TryMap(entryText, out string[] names) && !IsExtraKnown(entryText))
                {
                    var candidates = new List<string>(CopilotCatalog.PrimaryAliases);
                    candidates.AddRange(CopilotCatalog.KnownNames());
                    string? suggestion = Suggestions.Closest(entryText, candidates, ignoreCase: true);
                    _diagnostics.Add(new DiagnosticInfo(
                        Descriptors.UnknownTool,
                        span,
                        new[] { entryText, "; GitHub Copilot ignores it" + (suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?") },
                        suggestion is null ? null : SuggestionProps(suggestion)));
                    return;
                }

                if (names.Length == 0)
                {
                    names = new[] { entryText.Trim() };
                }

                bool added = false;
                foreach (string n in names)
                {
                    if (seen.Add(n))
                    {
                        list.Names.Add(n);
                        list.Spans.Add(span);
                        added = true;
                    }
                }

                if (!added)
                {
                    Report(Descriptors.DuplicateTool, span, entryText, $"'{field}'");
                }
            }

            /// <summary>Whether one part of a space-separated entry names a tool this dialect knows.</summary>
            private bool IsKnownToolEntry(string entry)
            {
                if (IsCopilot)
                {
                    return CopilotCatalog.TryMap(entry, out _) || IsExtraKnown(entry);
                }

                string name = AgentToolRules.StripSpecifier(entry);
                return name == "*" || ToolCatalog.IsBuiltIn(name) || ToolCatalog.IsMcp(name) || ToolCatalog.IsLegacy(name, out _) || IsExtraKnown(name);
            }
        }
    }
}
