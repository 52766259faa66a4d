using System;
using System.Collections.Generic;
using System.Linq;
using AgentGen.Common;
using AgentGen.Parsing;
using AgentGen.Shared;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace AgentGen.CodeFixes
{
    /// <summary>Text edits of an agent file's frontmatter that keep the author's style.</summary>
    internal static class AgentFileEdits
    {
        /// <summary>
        /// The edit that adds <paramref name="tool"/> to the <c>tools</c> of the agent named
        /// <paramref name="agentName"/>: appended to a comma string (<c>, X</c>), to a flow list
        /// (<c>[A, X]</c>), or as a new item of a block list with the same indentation. False when the
        /// file is not that agent, has no <c>tools</c> (it inherits every tool), already lists the
        /// tool, or writes <c>tools</c> in a form this edit does not handle (block scalars).
        /// </summary>
        public static bool TryAddTool(string text, string agentName, string tool, out TextChange change)
        {
            change = default;
            if (!TryReadFrontmatter(text, out YNode? root) || root is null)
            {
                return false;
            }

            YNode? name = Field(root, "name", out _);
            if (name is null || name.Kind != YKind.Scalar || !string.Equals(name.Value.Trim(), agentName, StringComparison.Ordinal))
            {
                return false;
            }

            YNode? value = Field(root, "tools", out YNode? key);
            if (value is null || key is null)
            {
                return false; // no 'tools': the agent inherits every tool
            }

            bool made;
            if (value.Kind == YKind.Scalar)
            {
                made = TryAddToScalar(text, key, value, tool, out change);
            }
            else if (value.Kind == YKind.Sequence)
            {
                foreach (YNode item in value.Items)
                {
                    if (item.Kind == YKind.Scalar && ListsTool(item.Value, tool))
                    {
                        return false;
                    }
                }

                made = value.IsFlow ? TryAddToFlowList(text, value, tool, out change) : TryAddToBlockList(text, value, tool, out change);
            }
            else
            {
                return false;
            }

            // Checked like every fix: 'tools' gains exactly this entry, every other value stays (FixCheck).
            return made && FixCheck.KeepsOtherValues(text, FixCheck.Apply(text, change), "tools", (before, after) => ToolsAre(after, FixCheck.ToolEntries(before), null, tool));
        }

        /// <summary>
        /// Whether the tool list <paramref name="after"/> is <paramref name="before"/> with the entry naming
        /// <paramref name="oldName"/> given <paramref name="newName"/> instead (one entry), or, when
        /// <paramref name="oldName"/> is null, with <paramref name="newName"/> added at the end.
        /// </summary>
        private static bool ToolsAre(YNode after, List<string>? before, string? oldName, string newName)
        {
            List<string>? now = FixCheck.ToolEntries(after);
            if (before is null || now is null)
            {
                return false;
            }

            if (oldName is null)
            {
                return now.Count == before.Count + 1 && now[now.Count - 1] == newName && now.GetRange(0, before.Count).SequenceEqual(before);
            }

            int changed = 0;
            for (int i = 0; i < before.Count && now.Count == before.Count; i++)
            {
                if (before[i] == now[i])
                {
                    continue;
                }

                int at = before[i].IndexOf(oldName, StringComparison.Ordinal);
                if (at < 0 || before[i].Substring(0, at) + newName + before[i].Substring(at + oldName.Length) != now[i])
                {
                    return false;
                }

                changed++;
            }

            return changed == 1;
        }

        private static bool TryAddToScalar(string text, YNode key, YNode value, string tool, out TextChange change)
        {
            change = default;
            if (value.IsNull)
            {
                if (value.End > value.Start && value.End <= text.Length)
                {
                    change = new TextChange(TextSpan.FromBounds(value.Start, value.End), tool); // tools: ~
                    return true;
                }

                // tools: (nothing) -> tools: X
                int colon = text.IndexOf(':', key.End);
                int lineEnd = TextLines.LineEnd(text, key.End);
                if (colon < 0 || colon >= lineEnd)
                {
                    return false;
                }

                change = new TextChange(new TextSpan(colon + 1, 0), " " + tool);
                return true;
            }

            if (ListsTool(value.Value, tool))
            {
                return false;
            }

            int end = Math.Min(value.End, text.Length);
            switch (value.Style)
            {
                case ScalarStyle.Plain:
                    while (end > value.Start && char.IsWhiteSpace(text[end - 1]))
                    {
                        end--;
                    }

                    change = new TextChange(new TextSpan(end, 0), ", " + tool);
                    return true;
                case ScalarStyle.SingleQuoted:
                case ScalarStyle.DoubleQuoted:
                    char quote = value.Style == ScalarStyle.SingleQuoted ? '\'' : '"';
                    if (end - 1 <= value.Start || text[end - 1] != quote)
                    {
                        return false;
                    }

                    change = new TextChange(new TextSpan(end - 1, 0), (value.Value.Trim().Length == 0 ? string.Empty : ", ") + tool);
                    return true;
                default:
                    return false; // literal or folded block scalar: leave it to the author
            }
        }

        private static bool TryAddToFlowList(string text, YNode list, string tool, out TextChange change)
        {
            change = default;
            if (list.Items.Count > 0)
            {
                YNode last = list.Items[list.Items.Count - 1];
                if (last.End <= last.Start || last.End > text.Length)
                {
                    return false;
                }

                change = new TextChange(new TextSpan(last.End, 0), ", " + tool);
                return true;
            }

            // An empty list: '[' then only blanks up to ']'.
            int close = list.Start < text.Length && text[list.Start] == '[' ? list.Start + 1 : -1;
            while (close > 0 && close < text.Length && (text[close] == ' ' || text[close] == '\t'))
            {
                close++;
            }

            if (close <= 0 || close >= text.Length || text[close] != ']')
            {
                return false;
            }

            change = new TextChange(new TextSpan(close, 0), tool);
            return true;
        }

        private static bool TryAddToBlockList(string text, YNode list, string tool, out TextChange change)
        {
            change = default;
            if (list.Items.Count == 0)
            {
                return false;
            }

            YNode last = list.Items[list.Items.Count - 1];
            int lineStart = TextLines.LineStart(text, last.Start);
            string prefix = text.Substring(lineStart, last.Start - lineStart);
            string trimmed = prefix.Trim();
            if (trimmed != "-")
            {
                return false; // e.g. an item continued on several lines
            }

            int lineEnd = TextLines.LineEnd(text, Math.Max(last.Start, last.End - 1));
            if (lineEnd >= text.Length)
            {
                return false; // the closing '---' always follows
            }

            string newline = text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? "\r\n" : text[lineEnd].ToString();
            int insertAt = TextLines.NextLine(text, lineEnd);
            change = new TextChange(new TextSpan(insertAt, 0), prefix + tool + newline);
            return true;
        }

        /// <summary>Whether a <c>tools</c> scalar (<c>A, B(x)</c>) already names <paramref name="tool"/>.</summary>
        private static bool ListsTool(string scalar, string tool)
        {
            foreach (string part in scalar.Split(','))
            {
                if (string.Equals(AgentToolRules.Canonicalize(part), AgentToolRules.Canonicalize(tool), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The edit that replaces the tool name in the <c>tools</c> entry at <paramref name="span"/>
        /// (a permission specifier after it is kept: <c>Task(x)</c> becomes <c>Agent(x)</c>).
        /// </summary>
        public static bool TryReplaceTool(string text, TextSpan span, string replacement, out TextChange change, out string oldName)
        {
            change = default;
            oldName = string.Empty;
            if (span.End > text.Length || span.IsEmpty || replacement.Length == 0)
            {
                return false;
            }

            string entry = text.Substring(span.Start, span.Length);
            string name = AgentToolRules.StripSpecifier(entry);
            if (name.Length == 0 || name.IndexOfAny(new[] { ',', '\n', '\r', '[', ']', '"', '\'' }) >= 0)
            {
                return false; // the span is not a single entry (e.g. a block scalar)
            }

            int offset = entry.IndexOf(name, StringComparison.Ordinal);
            if (offset < 0)
            {
                return false;
            }

            oldName = name;
            change = new TextChange(new TextSpan(span.Start + offset, name.Length), replacement);

            // Checked like every fix: the tool list holding the entry changes that entry only, every other value stays (FixCheck).
            string? field = FieldAt(text, span);
            return field is "tools" or "disallowedTools"
                && FixCheck.KeepsOtherValues(text, FixCheck.Apply(text, change), field, (before, after) => ToolsAre(after, FixCheck.ToolEntries(before), name, replacement));
        }

        /// <summary>The top-level field whose value holds <paramref name="span"/>, or null.</summary>
        private static string? FieldAt(string text, TextSpan span)
        {
            if (!TryReadFrontmatter(text, out YNode? root) || root is null)
            {
                return null;
            }

            foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
            {
                if (entry.Key.Kind == YKind.Scalar && entry.Value.Start <= span.Start && span.End <= Math.Max(entry.Value.End, entry.Value.Start))
                {
                    return entry.Key.Value;
                }
            }

            return null;
        }

        /// <summary>The frontmatter's YAML mapping, split by the parser's rule (<see cref="Frontmatter"/>).</summary>
        private static bool TryReadFrontmatter(string text, out YNode? root)
        {
            root = null;
            return Frontmatter.TrySplit(text, out int yamlStart, out int yamlEnd, out _)
                && YamlTree.TryRead(text, yamlStart, yamlEnd, out root, out _) && root is { Kind: YKind.Mapping };
        }

        private static YNode? Field(YNode root, string name, out YNode? key)
        {
            foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
            {
                if (entry.Key.Kind == YKind.Scalar && string.Equals(entry.Key.Value, name, StringComparison.Ordinal))
                {
                    key = entry.Key;
                    return entry.Value;
                }
            }

            key = null;
            return null;
        }
    }
}
