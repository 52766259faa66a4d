using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Parsing;
using AgentGen.Shared;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// The one check every fix of an agent file passes before it is offered, in the light bulb and
    /// in Fix All: the fixed frontmatter is parsed again with the parser's own YAML reader, and every
    /// field must still hold the text its author wrote. When in doubt, the fix is not offered.
    /// <list type="bullet">
    /// <item><see cref="KeepsEveryValue"/> (AGEN002): the repaired field holds the intended text, and
    /// that text keeps every character of the lines it replaces (compared without blanks, quotes and
    /// backslashes, after the JSON-escape rule where it applies), so no word is cut or lost; the
    /// fields before it read the same text as before; the next field after it is one the dialect
    /// knows (a <c>user:</c> or <c>Context:</c> line never ends a value that runs on); any error
    /// left lies after it.</item>
    /// <item><see cref="KeepsOtherValues"/> (tool-name fixes, AGEN007/AGEN009/AGEN100): before and
    /// after both parse, with the same fields in the same order, each with the same value, except
    /// the edited tool list, whose entries change exactly as the fix says.</item>
    /// </list>
    /// </summary>
    internal static class FixCheck
    {
        /// <summary>
        /// Whether <paramref name="change"/>, the repair of the value <paramref name="extent"/> of
        /// <paramref name="before"/>, gives that field exactly <paramref name="intended"/> and keeps
        /// every other field.
        /// </summary>
        public static bool KeepsEveryValue(string before, TextChange change, ValueExtent extent, AgentDialect dialect, string intended)
        {
            if (change.NewText is null || !Frontmatter.TrySplit(before, out int beforeStart, out _, out _))
            {
                return false;
            }

            string after = Apply(before, change);
            if (!Frontmatter.TrySplit(after, out int start, out int end, out _) || start != beforeStart)
            {
                return false;
            }

            int valueEnd = change.Span.Start + change.NewText.Length;
            int parsedEnd = end;
            if (!YamlTree.TryRead(after, start, end, out YNode? root, out YamlError error))
            {
                // An error left after the repaired value (YAML reports one at a time): the text up to the value's end must parse.
                parsedEnd = TextLines.NextLine(after, TextLines.LineEnd(after, valueEnd));
                if (error.Offset < parsedEnd || !YamlTree.TryRead(after, start, parsedEnd, out root, out _))
                {
                    return false;
                }
            }

            if (root is not { Kind: YKind.Mapping })
            {
                return false;
            }

            bool found = false;
            foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
            {
                if (entry.Key.Start == extent.KeyStart)
                {
                    found = entry.Key.Kind == YKind.Scalar && entry.Key.Value == extent.Key
                        && entry.Value.Kind == YKind.Scalar && string.Equals(entry.Value.Value, intended, StringComparison.Ordinal);
                }
                else if (entry.Key.Start > extent.KeyStart && entry.Key.Start < valueEnd)
                {
                    return false; // a field inside the repaired value
                }
            }

            return found
                && SameCharacters(before.Substring(extent.ValueStart, extent.LastLineEnd - extent.ValueStart), intended)
                && NextFieldIsKnown(after, valueEnd, end, dialect);
        }

        /// <summary>
        /// Whether <paramref name="after"/> keeps every field of <paramref name="before"/> (both parse)
        /// and changes only the value of <paramref name="field"/>, as <paramref name="changedOk"/> accepts.
        /// </summary>
        public static bool KeepsOtherValues(string before, string after, string field, Func<YNode, YNode, bool> changedOk)
        {
            if (!TryRead(before, out YNode? a) || !TryRead(after, out YNode? b) || a!.Entries.Count != b!.Entries.Count)
            {
                return false;
            }

            bool changed = false;
            for (int i = 0; i < a.Entries.Count; i++)
            {
                KeyValuePair<YNode, YNode> x = a.Entries[i];
                KeyValuePair<YNode, YNode> y = b.Entries[i];
                if (!Same(x.Key, y.Key))
                {
                    return false;
                }

                if (!changed && x.Key.Kind == YKind.Scalar && x.Key.Value == field)
                {
                    changed = true; // the first 'field' is the one the parser reads
                    if (!changedOk(x.Value, y.Value))
                    {
                        return false;
                    }
                }
                else if (!Same(x.Value, y.Value))
                {
                    return false;
                }
            }

            return changed;
        }

        /// <summary>The entries of a tool list as written: the items of a list, or a string split on commas and blanks outside parentheses.</summary>
        public static List<string>? ToolEntries(YNode value)
        {
            var entries = new List<string>();
            if (value.Kind == YKind.Sequence)
            {
                foreach (YNode item in value.Items)
                {
                    if (item.Kind != YKind.Scalar)
                    {
                        return null;
                    }

                    entries.Add(item.Value.Trim());
                }

                return entries;
            }

            if (value.Kind != YKind.Scalar)
            {
                return null;
            }

            if (value.IsNull)
            {
                return entries;
            }

            int depth = 0;
            var current = new StringBuilder();
            foreach (char c in value.Value + ",")
            {
                depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                if (depth == 0 && (c == ',' || char.IsWhiteSpace(c)))
                {
                    if (current.Length > 0)
                    {
                        entries.Add(current.ToString());
                        current.Clear();
                    }

                    continue;
                }

                current.Append(c);
            }

            return entries;
        }

        /// <summary>
        /// Whether the intended value keeps every character of the text it replaces: both compared
        /// without blanks, line breaks, quotes and backslashes (what quoting and indenting change),
        /// and the source after the JSON-escape rule when it applies (<see cref="YamlText.JsonEscaped"/>).
        /// A broken block's <c>|</c> header is YAML's, not text.
        /// </summary>
        internal static bool SameCharacters(string source, string intended)
        {
            string s = source.TrimStart(' ', '\t');
            if (s.Length > 0 && s[0] == '|')
            {
                int i = 1;
                while (i < s.Length && (s[i] == '-' || s[i] == '+' || char.IsDigit(s[i])))
                {
                    i++;
                }

                s = s.Substring(i);
            }

            if (YamlText.JsonEscaped(s))
            {
                s = YamlText.DecodeJson(s);
            }

            return string.Equals(Significant(s), Significant(intended), StringComparison.Ordinal);
        }

        /// <summary>
        /// The characters of a value that quoting and indenting never change: <paramref name="s"/>
        /// without blanks, line breaks, quotes and backslashes. A cut word or a dropped line shows as a difference.
        /// </summary>
        private static string Significant(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                if (!char.IsWhiteSpace(c) && c != '"' && c != '\'' && c != '\\')
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        /// <summary>The first line after the repaired value that is not blank or a comment starts a field the dialect knows, or the frontmatter ends.</summary>
        private static bool NextFieldIsKnown(string after, int valueEnd, int yamlEnd, AgentDialect dialect)
        {
            int pos = TextLines.NextLine(after, TextLines.LineEnd(after, valueEnd));
            while (pos < yamlEnd)
            {
                int lineEnd = Math.Min(TextLines.LineEnd(after, pos), yamlEnd);
                string line = after.Substring(pos, lineEnd - pos);
                string trimmed = line.Trim();
                if (trimmed.Length > 0 && trimmed[0] != '#')
                {
                    string? name = ValueExtent.FieldName(after, pos, lineEnd);
                    return name is not null && ValueExtent.IsKnownField(name, dialect);
                }

                int next = TextLines.NextLine(after, lineEnd);
                if (next <= pos)
                {
                    break;
                }

                pos = next;
            }

            return true;
        }

        private static bool TryRead(string text, out YNode? root)
        {
            root = null;
            return Frontmatter.TrySplit(text, out int start, out int end, out _)
                && YamlTree.TryRead(text, start, end, out root, out _) && root is { Kind: YKind.Mapping };
        }

        /// <summary>Two nodes hold the same YAML data (kind, scalar text, items, entries), wherever they are.</summary>
        private static bool Same(YNode x, YNode y)
        {
            if (x.Kind != y.Kind || !string.Equals(x.Value, y.Value, StringComparison.Ordinal) || x.IsNull != y.IsNull
                || x.Items.Count != y.Items.Count || x.Entries.Count != y.Entries.Count)
            {
                return false;
            }

            for (int i = 0; i < x.Items.Count; i++)
            {
                if (!Same(x.Items[i], y.Items[i]))
                {
                    return false;
                }
            }

            for (int i = 0; i < x.Entries.Count; i++)
            {
                if (!Same(x.Entries[i].Key, y.Entries[i].Key) || !Same(x.Entries[i].Value, y.Entries[i].Value))
                {
                    return false;
                }
            }

            return true;
        }

        internal static string Apply(string text, TextChange change)
            => text.Substring(0, change.Span.Start) + change.NewText + text.Substring(change.Span.End);
    }
}
