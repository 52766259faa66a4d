using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Shared;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    /// <summary>
    /// The parser's rules that follow Claude Code's and Copilot's documented behaviour (issue 10):
    /// Copilot tools, space-separated tool lists, specifier wording, skills entries,
    /// <c>experimental.cacheTtl</c>. Kept apart from the YAML reading in AgentFileParser.cs.
    /// </summary>
    internal static partial class AgentFileParser
    {
        private sealed partial class Session
        {
            /// <summary>What AGEN008 says happens to a tool listed with a specifier.</summary>
            private static string SpecifierEffect(string field, string tool)
            {
                if (field == "tools" && tool == "Agent")
                {
                    // Sub-agents page: Agent(worker, researcher) is an allowlist of the types the agent
                    // may spawn when it runs as the main thread (claude --agent); in a subagent "any
                    // type list inside the parentheses is ignored".
                    return "granted when it runs as a subagent (the types in parentheses are only an allowlist when it runs as the main agent, with claude --agent)";
                }

                return field == "tools" ? "granted" : "removed";
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

            /// <summary><c>skills</c>, remembering where each entry is written (AGEN022).</summary>
            private EquatableArray<string>? ReadSkills(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                EquatableArray<string>? skills = ReadStringList(fields, "skills");
                if (skills is null || !fields.TryGetValue("skills", out KeyValuePair<YNode, YNode> entry))
                {
                    return skills;
                }

                YNode value = entry.Value;
                if (value.Kind == YKind.Scalar)
                {
                    SplitCommaScalar(value, _skillEntries);
                }
                else
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            _skillEntries.Add(new KeyValuePair<string, SourceSpan>(item.Value, Span(item)));
                        }
                    }
                }

                return skills;
            }

            /// <summary>
            /// <c>experimental.cacheTtl</c>: only <c>5m</c> and <c>1h</c> (sub-agents page, v2.1.248+: any
            /// other value is ignored). A top-level <c>cacheTtl</c> is AGEN014 (ReadUnknownFields).
            /// </summary>
            private void CheckExperimental(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                if (!fields.TryGetValue("experimental", out KeyValuePair<YNode, YNode> entry) || entry.Value.Kind != YKind.Mapping)
                {
                    return;
                }

                foreach (KeyValuePair<YNode, YNode> e in entry.Value.Entries)
                {
                    if (e.Key.Kind == YKind.Scalar && e.Key.Value == "cacheTtl"
                        && !(e.Value.Kind == YKind.Scalar && (e.Value.Value == "5m" || e.Value.Value == "1h")))
                    {
                        Report(Descriptors.InvalidFieldValue, Span(e.Value.IsNull ? e.Key : e.Value), $"'experimental.cacheTtl' is '{Clip(SpanText(e.Value))}'; allowed values: 5m, 1h (Claude Code ignores any other value)");
                    }
                }
            }
        }
    }
}
