using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>Field readers for the optional Claude Code fields, driven by <see cref="FieldCatalog"/>: each field is read by the reader of its <see cref="FieldKind"/>, and choices come from the catalogue.</summary>
        private sealed partial class Session
        {
            private AgentOptionalFields ReadOptional(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                // In this order, so that diagnostics keep their order.
                return new AgentOptionalFields(
                    Color: (string?)ReadField(fields, "color"),
                    PermissionMode: (string?)ReadField(fields, "permissionMode"),
                    MaxTurns: (int?)ReadField(fields, "maxTurns"),
                    Skills: (EquatableArray<string>?)ReadField(fields, "skills"),
                    McpServers: (EquatableArray<string>?)ReadField(fields, "mcpServers"),
                    Hooks: (string?)ReadField(fields, "hooks"),
                    Memory: (string?)ReadField(fields, "memory"),
                    Background: (bool?)ReadField(fields, "background"),
                    OmitClaudeMd: (bool?)ReadField(fields, "omitClaudeMd"),
                    Effort: (string?)ReadField(fields, "effort"),
                    Isolation: (string?)ReadField(fields, "isolation"),
                    InitialPrompt: (string?)ReadField(fields, "initialPrompt"),
                    Experimental: (string?)ReadField(fields, "experimental"),
                    HooksJson: HooksAsJson(fields))
                {
                    McpServerEntries = McpServerJson,
                };
            }

            /// <summary>One optional field, read by the reader of its kind in <see cref="FieldCatalog"/>; null when absent or invalid.</summary>
            private object? ReadField(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!FieldCatalog.TryGet(field, out FieldInfo info))
                {
                    return null;
                }

                return info.Kind switch
                {
                    FieldKind.Choice => ReadChoice(fields, info),
                    FieldKind.Integer => ReadInt(fields, field),
                    FieldKind.Boolean => ReadBool(fields, field),
                    FieldKind.Text => ReadText(fields, field),
                    FieldKind.StringList => field == "skills" ? ReadSkills(fields) : ReadStringList(fields, field),
                    FieldKind.ServerList => ReadServers(fields, field),
                    FieldKind.Map => ReadMap(fields, field),
                    _ => null,
                };
            }

            /// <summary>The value of <paramref name="field"/>, unless it is absent or null (which every optional field reads as not set).</summary>
            private static bool TryGetValue(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field, out YNode value)
            {
                if (fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) && !entry.Value.IsNull)
                {
                    value = entry.Value;
                    return true;
                }

                value = null!;
                return false;
            }

            private string? ReadChoice(Dictionary<string, KeyValuePair<YNode, YNode>> fields, FieldInfo info)
            {
                string field = info.Name;
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                // effort also takes a whole number, as the Agent SDK's AgentDefinition.effort does
                // (docs/rules/AGEN016.md); the sub-agents page lists the names.
                if (field == "effort" && value.Kind == YKind.Scalar && value.Style == ScalarStyle.Plain
                    && int.TryParse(value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int level) && level >= 0)
                {
                    // The typed Effort property is an enum of the names: a number is kept in Metadata instead.
                    _metadata.Add(new KeyValue(field, value.Value));
                    return null;
                }

                if (value.Kind == YKind.Scalar)
                {
                    foreach (string choice in info.Choices)
                    {
                        if (string.Equals(choice, value.Value, StringComparison.Ordinal))
                        {
                            return choice;
                        }
                    }

                    string? suggestion = Suggestions.Closest(value.Value, info.Choices);
                    Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' is '{value.Value}'; allowed values: {string.Join(", ", info.Choices)}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
                    return null;
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be one of: {string.Join(", ", info.Choices)}");
                return null;
            }

            private int? ReadInt(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                if (value.Kind == YKind.Scalar && value.Style == ScalarStyle.Plain
                    && int.TryParse(value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0)
                {
                    return n;
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a positive whole number, not '{Clip(SpanText(value))}'");
                return null;
            }

            private bool? ReadBool(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                // Quoted "true"/"false" count too: Claude Code accepts booleans or strings
                // (docs/rules/AGEN016.md); warning on them would be a false alarm.
                if (value.Kind == YKind.Scalar && value.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                {
                    switch (value.Value)
                    {
                        case "true":
                        case "True":
                        case "TRUE":
                            return true;
                        case "false":
                        case "False":
                        case "FALSE":
                            return false;
                    }
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be true or false, not '{Clip(SpanText(value))}'");
                return null;
            }

            private string? ReadText(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                if (value.Kind == YKind.Scalar)
                {
                    return NormalizeNewlines(value.Value);
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be text");
                return null;
            }

            private EquatableArray<string>? ReadStringList(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                var items = new List<string>();
                if (value.Kind == YKind.Scalar)
                {
                    var raw = new List<KeyValuePair<string, SourceSpan>>();
                    SplitCommaScalar(value, raw);
                    foreach (KeyValuePair<string, SourceSpan> r in raw)
                    {
                        items.Add(r.Key);
                    }

                    return items.ToEquatableArray();
                }

                if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            items.Add(item.Value);
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), $"Each entry of '{field}' must be a name");
                        }
                    }

                    return items.ToEquatableArray();
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a list of names");
                return null;
            }

            private EquatableArray<string>? ReadServers(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                var names = new List<string>();
                if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            names.Add(item.Value);
                            NoteServerReference(item);
                        }
                        else if (item.Kind == YKind.Mapping && item.Entries.Count > 0 && item.Entries[0].Key.Kind == YKind.Scalar)
                        {
                            foreach (KeyValuePair<YNode, YNode> server in item.Entries)
                            {
                                names.Add(server.Key.Value);
                                NoteInlineServer(server.Key, server.Value);
                            }
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), "Each entry of 'mcpServers' must be a server name or a '{name: config}' map");
                        }
                    }

                    return names.ToEquatableArray();
                }

                if (value.Kind == YKind.Mapping)
                {
                    foreach (KeyValuePair<YNode, YNode> server in value.Entries)
                    {
                        names.Add(server.Key.Value);
                        NoteInlineServer(server.Key, server.Value);
                    }

                    return names.ToEquatableArray();
                }

                Report(Descriptors.InvalidFieldValue, Span(value), "'mcpServers' must be a list of server names or '{name: config}' maps");
                return null;
            }

            private string? ReadMap(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!TryGetValue(fields, field, out YNode value))
                {
                    return null;
                }

                if (value.Kind == YKind.Mapping)
                {
                    return SpanText(value);
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a map");
                return null;
            }

            /// <summary>The <c>hooks</c> map as JSON text for the runtime (<see cref="YamlJson"/>); null when absent or not a map (reported by <see cref="ReadMap"/>).</summary>
            private static string? HooksAsJson(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
                => TryGetValue(fields, "hooks", out YNode value) && value.Kind == YKind.Mapping ? YamlJson.ToJson(value) : null;

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
