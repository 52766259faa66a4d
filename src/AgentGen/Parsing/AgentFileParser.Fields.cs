using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>Field readers for the fields every agent has: <c>name</c>, <c>description</c> (AGEN003-AGEN005), <c>model</c> (AGEN013), and the fields the catalogue does not know (AGEN014, AGEN015; kept in Metadata).</summary>
        private sealed partial class Session
        {
            private string? ReadName(Dictionary<string, KeyValuePair<YNode, YNode>> fields, int pos, int firstLineEnd, out SourceSpan span)
            {
                span = SourceSpan.FromBounds(pos, firstLineEnd);
                if (IsCopilot)
                {
                    // Copilot: 'name' is an optional display name; the file name is the id (GitHub reference).
                    if (fields.TryGetValue("name", out KeyValuePair<YNode, YNode> named) && named.Value.Kind == YKind.Scalar && !named.Value.IsNull && named.Value.Value.Trim().Length > 0)
                    {
                        span = Span(named.Value);
                        return named.Value.Value.Trim();
                    }

                    return CopilotCatalog.NameFromPath(_path);
                }

                if (!fields.TryGetValue("name", out KeyValuePair<YNode, YNode> entry))
                {
                    Report(Descriptors.MissingRequiredField, span, "The frontmatter has no 'name': Claude Code skips an agent without one");
                    return null;
                }

                YNode value = entry.Value;
                span = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                if (value.Kind != YKind.Scalar || value.IsNull || value.Value.Trim().Length == 0)
                {
                    Report(Descriptors.MissingRequiredField, span, value.Kind == YKind.Scalar ? "'name' is empty: Claude Code skips an agent without a name" : "'name' must be a string");
                    return null;
                }

                string name = value.Value;
                if (name.IndexOf(':') >= 0)
                {
                    Report(Descriptors.InvalidName, span, name, "contains ':'");
                    return name;
                }

                if (name.StartsWith("-", StringComparison.Ordinal))
                {
                    Report(Descriptors.InvalidName, span, name, "starts with '-'");
                    return name;
                }

                // Sub-agents page (Oct 2026): a name longer than 256 characters is skipped.
                if (name.Length > MaxNameLength)
                {
                    Report(Descriptors.InvalidName, span, Clip(name), $"is {name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters long (at most {MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                    return name;
                }

                if (!IsKebab(name))
                {
                    string kebab = ToKebab(name);
                    Report(Descriptors.NameNotKebabCase, span, name, kebab.Length > 0 && kebab != name ? $" ('{kebab}')" : string.Empty);
                }

                return name;
            }

            private string? ReadDescription(Dictionary<string, KeyValuePair<YNode, YNode>> fields, int pos, int firstLineEnd)
            {
                if (!fields.TryGetValue("description", out KeyValuePair<YNode, YNode> entry))
                {
                    Report(Descriptors.MissingRequiredField, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter has no 'description': Claude Code needs it to decide when to use the agent");
                    return null;
                }

                YNode value = entry.Value;
                if (value.Kind != YKind.Scalar || value.IsNull || value.Value.Trim().Length == 0)
                {
                    var span = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                    Report(Descriptors.MissingRequiredField, span, value.Kind == YKind.Scalar ? "'description' is empty" : "'description' must be a string");
                    return null;
                }

                return NormalizeNewlines(value.Value);
            }

            private string? ReadModel(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                if (!fields.TryGetValue("model", out KeyValuePair<YNode, YNode> entry))
                {
                    return null;
                }

                YNode value = entry.Value;
                if (IsCopilot)
                {
                    // Copilot names its own models ("GPT-5 (copilot)"); VS Code also takes a prioritized list.
                    if (value.Kind == YKind.Scalar && !value.IsNull)
                    {
                        return value.Value;
                    }

                    if (value.Kind == YKind.Sequence && value.Items.Count > 0 && value.Items[0].Kind == YKind.Scalar && !value.Items[0].IsNull)
                    {
                        return value.Items[0].Value;
                    }

                    Report(Descriptors.InvalidFieldValue, value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value), "'model' must be a model name or a list of model names");
                    return null;
                }

                if (value.Kind != YKind.Scalar || value.IsNull)
                {
                    Report(Descriptors.InvalidFieldValue, value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value), "'model' must be a model alias (sonnet, opus, haiku, fable, inherit) or a full model id");
                    return null;
                }

                string model = value.Value;
                if (!ModelCatalog.IsKnown(model))
                {
                    var candidates = new List<string>(ModelCatalog.Aliases);
                    candidates.AddRange(ModelCatalog.ExampleIds);
                    string? suggestion = Suggestions.Closest(model, candidates);
                    Report(Descriptors.UnknownModel, Span(value), model, suggestion is null ? "; use sonnet, opus, haiku, fable, inherit, a full model id such as claude-opus-5-5, or any other value the --model flag takes" : $"; did you mean '{suggestion}'?");
                }

                return model;
            }

            private void ReadUnknownFields(YNode root)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
                {
                    YNode key = entry.Key;
                    if (key.Kind != YKind.Scalar || !seen.Add(key.Value))
                    {
                        continue;
                    }

                    YNode fieldValue = entry.Value;
                    string? suggestion;
                    if (IsCopilot)
                    {
                        if (CopilotFields.IsModeled(key.Value))
                        {
                            continue;
                        }

                        if (CopilotFields.IsKnown(key.Value))
                        {
                            // Known to Copilot or VS Code, not modeled: kept in Metadata without a diagnostic.
                            _metadata.Add(new KeyValue(key.Value, NormalizeNewlines(fieldValue.Kind == YKind.Scalar ? (fieldValue.IsNull ? string.Empty : fieldValue.Value) : SpanText(fieldValue))));
                            continue;
                        }

                        suggestion = CopilotFields.SuggestFor(key.Value);
                    }
                    else if (FieldCatalog.TryGet(key.Value, out _))
                    {
                        continue;
                    }
                    else
                    {
                        suggestion = key.Value == "cacheTtl" ? "experimental.cacheTtl" : FieldCatalog.SuggestFor(key.Value);
                    }

                    // What the file's own tool does with it: Claude Code ignores unknown fields (docs/catalogue.md,
                    // "Sources", S1); GitHub's and VS Code's references (S11, S12) list their fields and say nothing of
                    // others, so a Copilot file is told the field is not one of them rather than what Copilot does.
                    if (suggestion is not null)
                    {
                        string consequence = IsCopilot ? "'" + key.Value + "' is not a field GitHub Copilot or VS Code documents" : "Claude Code ignores '" + key.Value + "'";
                        _diagnostics.Add(new DiagnosticInfo(Descriptors.MisspelledField, Span(key), new[] { key.Value, suggestion, consequence }, SuggestionProps(suggestion)));
                    }
                    else
                    {
                        Report(Descriptors.UnknownField, Span(key), key.Value, IsCopilot ? "is not a field GitHub Copilot or VS Code documents" : "is ignored by Claude Code");
                    }

                    YNode value = entry.Value;
                    string text = value.Kind == YKind.Scalar ? (value.IsNull ? string.Empty : value.Value) : SpanText(value);
                    _metadata.Add(new KeyValue(key.Value, NormalizeNewlines(text)));
                }
            }

            /// <summary>
            /// The value's source text. A block collection loses the indentation it has in the file
            /// (its first line starts at the first key or '-'), so the text is YAML of its own.

            private static bool IsKebab(string name)
            {
                foreach (char c in name)
                {
                    if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
                    {
                        return false;
                    }
                }

                return true;
            }

            private static string ToKebab(string name)
            {
                var sb = new StringBuilder();
                char prev = '\0';
                foreach (char c in name)
                {
                    if (c is >= 'A' and <= 'Z')
                    {
                        if (sb.Length > 0 && prev is >= 'a' and <= 'z' or >= '0' and <= '9')
                        {
                            sb.Append('-');
                        }

                        sb.Append((char)(c + 32));
                    }
                    else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                    {
                        sb.Append(c);
                    }
                    else if (sb.Length > 0 && sb[sb.Length - 1] != '-')
                    {
                        sb.Append('-');
                    }

                    prev = c;
                }

                return sb.ToString().Trim('-');
            }
        }
    }
}
