using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;

namespace AgentGen.Parsing
{
    /// <summary>
    /// Where the value of one top-level field really ends, as its author meant it, in frontmatter
    /// that does not parse. Shared by the YAML-error explanation (AGEN002 messages) and the AGEN002
    /// code fix, so the message and the fix always agree on which lines belong to the value.
    /// <para>
    /// The common defect in published agent files is a <c>description</c> that runs on over lines
    /// that are not fields: example dialogues (<c>user: "..."</c>, <c>assistant: "..."</c>,
    /// <c>Context: ...</c>), <c>&lt;example&gt;</c> and <c>&lt;commentary&gt;</c> tags, plain prose.
    /// A line at column 0 ends the value when it starts a field the file's dialect knows (Claude
    /// Code's fields in <c>.claude/agents</c>, Copilot's in <c>*.agent.md</c>). A line
    /// <c>word: ...</c> with a name the dialect does not know (<c>user:</c>, <c>assistant:</c>,
    /// <c>Context:</c>) never ends a value that runs on: when the value shows it runs on (a line
    /// that is no field at all, a name that repeats as dialogue speakers do, a dialogue label, JSON
    /// <c>\n</c> escapes, or text ending in <c>:</c> just before the line), every line up to the
    /// next known field belongs to it. Otherwise it is a doubt (<see cref="IsAmbiguous"/>: one text
    /// or several fields?) and the code fix offers nothing.
    /// </para>
    /// </summary>
    internal sealed class ValueExtent
    {
        private ValueExtent(string key, int keyStart, int valueStart, int lastLineEnd, int fieldLine, int firstLine, int lastLine, int evidenceLine, bool ambiguous)
        {
            IsAmbiguous = ambiguous;
            Key = key;
            KeyStart = keyStart;
            ValueStart = valueStart;
            LastLineEnd = lastLineEnd;
            FieldLine = fieldLine;
            FirstLine = firstLine;
            LastLine = lastLine;
            EvidenceLine = evidenceLine;
        }

        /// <summary>The field's name.</summary>
        public string Key { get; }

        /// <summary>Offset of the field name (column 0).</summary>
        public int KeyStart { get; }

        /// <summary>Offset just after <c>key:</c>.</summary>
        public int ValueStart { get; }

        /// <summary>Offset of the end of the value's last line (before its line break).</summary>
        public int LastLineEnd { get; }

        /// <summary>1-based line of the field in the file.</summary>
        public int FieldLine { get; }

        /// <summary>0-based index of the field's line among the frontmatter lines.</summary>
        public int FirstLine { get; }

        /// <summary>0-based index of the value's last line among the frontmatter lines.</summary>
        public int LastLine { get; }

        /// <summary>0-based index of a line at column 0 that continues the value (no field, or a repeated name), or -1.</summary>
        public int EvidenceLine { get; }

        public bool IsMultiLine => LastLine > FirstLine;

        /// <summary>
        /// Lines <c>word: ...</c> with names the dialect does not know follow a broken value, and nothing
        /// shows whether they continue it or are fields of their own: no repair may choose.
        /// </summary>
        public bool IsAmbiguous { get; }

        /// <summary>Whether <paramref name="key"/> is a field the dialect knows (Claude Code's catalogue, or Copilot's fields).</summary>
        public static bool IsKnownField(string key, AgentDialect dialect)
            => dialect == AgentDialect.Copilot ? CopilotFields.IsModeled(key) || CopilotFields.IsKnown(key) : FieldCatalog.TryGet(key, out _);

        /// <summary>
        /// Labels of an example dialogue (<c>user: "..."</c>, <c>assistant: "..."</c>, <c>Context: ...</c>),
        /// which agent descriptions carry and no agent file has as a field.
        /// </summary>
        private static readonly HashSet<string> DialogueLabels = new(StringComparer.OrdinalIgnoreCase)
        {
            "user", "assistant", "human", "context", "example", "commentary",
        };

        /// <summary>The lines of <c>text[start..end)</c>: (start, end) of each, end before the line break.</summary>
        public static List<(int Start, int End)> Lines(string text, int start, int end)
        {
            var lines = new List<(int, int)>();
            int pos = start;
            while (pos < end)
            {
                int lineEnd = Math.Min(TextLines.LineEnd(text, pos), end);
                lines.Add((pos, lineEnd));
                int next = TextLines.NextLine(text, lineEnd);
                if (next <= pos)
                {
                    break;
                }

                pos = next;
            }

            return lines;
        }

        /// <summary>
        /// The field name when the line <c>text[start..end)</c> is <c>name:</c> at column 0 followed by
        /// a blank or the line end; else null.
        /// </summary>
        public static string? FieldName(string text, int start, int end)
        {
            int i = start;
            if (i >= end || !(char.IsLetter(text[i]) || text[i] == '_'))
            {
                return null;
            }

            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '-' || text[i] == '.'))
            {
                i++;
            }

            if (i >= end || text[i] != ':' || (i + 1 < end && text[i + 1] != ' ' && text[i + 1] != '\t'))
            {
                return null;
            }

            return text.Substring(start, i - start);
        }

        /// <summary>
        /// The value that holds <paramref name="errorOffset"/> in the frontmatter
        /// <c>text[yamlStart..yamlEnd)</c>. False when the offset is not under a top-level field.
        /// </summary>
        public static bool TryFind(string text, int yamlStart, int yamlEnd, int errorOffset, AgentDialect dialect, out ValueExtent? extent)
        {
            extent = null;
            List<(int Start, int End)> lines = Lines(text, yamlStart, yamlEnd);
            int errorLine = -1;
            for (int i = 0; i < lines.Count; i++)
            {
                if (errorOffset >= lines[i].Start && (errorOffset <= lines[i].End || i == lines.Count - 1 || errorOffset < lines[i + 1].Start))
                {
                    errorLine = i;
                    break;
                }
            }

            if (errorLine < 0)
            {
                return false;
            }

            // The last known field at or above the error (or, failing that, the first field-like line).
            int k = -1;
            int previous = -1;
            int firstFieldLike = -1;
            for (int i = 0; i <= errorLine; i++)
            {
                string? name = FieldName(text, lines[i].Start, lines[i].End);
                if (name is null)
                {
                    continue;
                }

                if (firstFieldLike < 0)
                {
                    firstFieldLike = i;
                }

                if (IsKnownField(name, dialect))
                {
                    previous = k;
                    k = i;
                }
            }

            if (k < 0)
            {
                k = firstFieldLike;
            }

            if (k < 0)
            {
                return false;
            }

            int next = lines.Count;
            for (int i = k + 1; i < lines.Count; i++)
            {
                string? name = FieldName(text, lines[i].Start, lines[i].End);
                if (name is not null && IsKnownField(name, dialect))
                {
                    next = i;
                    break;
                }
            }

            // YAML sometimes reports a run-on value at the next field ("while scanning a simple key"):
            // when the error is on a field's own line and the value above it runs on, that value is wrong.
            if (errorLine == k && previous >= 0 && Evidence(text, lines, previous, k) >= 0)
            {
                next = k;
                k = previous;
            }

            int evidence = Evidence(text, lines, k, next);
            if (errorLine > k && errorLine < next && FieldName(text, lines[errorLine].Start, lines[errorLine].End) is null
                && lines[errorLine].End > lines[errorLine].Start && text[lines[errorLine].Start] != ' ' && text[lines[errorLine].Start] != '\t')
            {
                evidence = Math.Max(evidence, errorLine);
            }

            int firstWordLine = -1;
            for (int i = k + 1; i < next && firstWordLine < 0; i++)
            {
                firstWordLine = FieldName(text, lines[i].Start, lines[i].End) is not null ? i : -1;
            }

            int last = k;
            int field = k;
            bool ambiguous = false;
            if (evidence >= 0)
            {
                // The value runs on: a line that is not a known field never ends it, so every line up to the next known field is its text.
                last = next - 1;
            }
            else if (firstWordLine >= 0)
            {
                // 'word: ...' lines follow and nothing shows whether the value runs on over them or they are
                // fields of their own (even when the value above parses alone: 'Fine.' then 'author: Jane: Doe'
                // may be one text or two fields): a doubt, no repair chooses.
                ambiguous = true;
            }

            // The value also takes the indented (or blank) lines that follow its last line.
            for (int i = last + 1; i < next; i++)
            {
                (int s, int e) = lines[i];
                if (s < e && text[s] != ' ' && text[s] != '\t')
                {
                    break;
                }

                last = i;
            }

            // ... but not trailing blank lines or comments.
            while (last > field && IsBlankOrComment(text, lines[last].Start, lines[last].End))
            {
                last--;
            }

            string key = FieldName(text, lines[field].Start, lines[field].End)!;
            int lineNumber = 1;
            for (int i = 0; i < lines[field].Start; i++)
            {
                if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                {
                    lineNumber++;
                }
            }

            extent = new ValueExtent(key, lines[field].Start, lines[field].Start + key.Length + 1, lines[last].End, lineNumber, field, last, evidence, ambiguous);
            return true;
        }

        /// <summary>
        /// The last line at column 0 between the field on line <paramref name="k"/> and the next known
        /// field that shows the value runs on, or -1: a line that is no field, the last of a repeated
        /// name, a dialogue label (<c>user:</c>), a <c>word:</c> line after text ending in <c>:</c>
        /// or a <c>\n</c> escape (<c>Examples:</c>), or a <c>word:</c> line in a value written with JSON <c>\n</c> escapes (a
        /// pasted string whose line breaks an editor made real).
        /// </summary>
        private static int Evidence(string text, List<(int Start, int End)> lines, int k, int next)
        {
            int evidence = -1;
            bool hasScalar = HasValueOnItsLine(text, lines[k].Start, lines[k].End);
            bool escaped = CountEscapedNewlines(text, lines[k].Start, lines[k].End) >= 2;
            bool colonBefore = EndsWithColon(text, text.IndexOf(':', lines[k].Start, lines[k].End - lines[k].Start) + 1, lines[k].End);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var repeated = new HashSet<string>(StringComparer.Ordinal);
            for (int i = k + 1; i < next; i++)
            {
                (int s, int e) = lines[i];
                if (s >= e || text[s] == '#' || IsBlankOrComment(text, s, e))
                {
                    continue;
                }

                if (text[s] == ' ' || text[s] == '\t')
                {
                    colonBefore = EndsWithColon(text, s, e);
                    continue;
                }

                string? name = FieldName(text, s, e);
                if (name is null)
                {
                    if (hasScalar || !(text[s] == '-' && (s + 1 >= e || text[s + 1] == ' ')))
                    {
                        evidence = i; // prose, a tag, a '- ' bullet after a text value, ...
                    }
                }
                else
                {
                    if (!seen.Add(name))
                    {
                        repeated.Add(name);
                    }

                    if (hasScalar && (DialogueLabels.Contains(name) || colonBefore || escaped || CountEscapedNewlines(text, s, e) > 0))
                    {
                        evidence = i; // 'user: "..."', a line after 'Examples:', a line of a pasted JSON string
                    }
                }

                colonBefore = EndsWithColon(text, s, e);
            }

            for (int i = next - 1; i > k && repeated.Count > 0; i--)
            {
                string? name = FieldName(text, lines[i].Start, lines[i].End);
                if (name is not null && repeated.Contains(name))
                {
                    return Math.Max(evidence, i);
                }
            }

            return evidence;
        }

        /// <summary>Whether the field line <c>key: value</c> has a value after the colon (not only blanks or a comment).</summary>
        private static bool HasValueOnItsLine(string text, int start, int end)
        {
            int colon = text.IndexOf(':', start, end - start);
            for (int i = colon + 1; colon >= 0 && i < end; i++)
            {
                if (text[i] == '#')
                {
                    return false;
                }

                if (text[i] != ' ' && text[i] != '\t')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many literal <c>\n</c> (a backslash, then n) <c>text[start..end)</c> holds.</summary>
        private static int CountEscapedNewlines(string text, int start, int end)
        {
            int n = 0;
            for (int i = start; i + 1 < end; i++)
            {
                if (text[i] == '\\')
                {
                    n += text[i + 1] == 'n' ? 1 : 0;
                    i++;
                }
            }

            return n;
        }

        /// <summary>Whether the text of <c>text[start..end)</c> ends with <c>:</c> or a <c>\n</c> escape (blanks aside): it announces more text.</summary>
        private static bool EndsWithColon(string text, int start, int end)
        {
            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            return end - 1 > start && (text[end - 1] == ':' || (text[end - 1] == 'n' && text[end - 2] == '\\'));
        }

        private static bool IsBlankOrComment(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] == '#')
                {
                    return true;
                }

                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
