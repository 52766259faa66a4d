using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>
    /// The AGEN002 repair: rewrites the value of the field that holds a YAML error so that it parses
    /// and its value is exactly the text the author wrote. The value's extent (which lines belong to
    /// it) comes from <see cref="ValueExtent"/>, the same rule the AGEN002 message uses.
    /// <list type="bullet">
    /// <item>A value on one line becomes a double-quoted string; <c>\</c> and <c>"</c> are escaped, so
    /// <c> #</c>, <c>: </c>, quotes, backslashes, tabs and non-ASCII text are all kept.</item>
    /// <item>A value that runs on over more lines becomes a literal block (<c>|-</c>, two-space
    /// indentation, no trailing line break), ending at the next field the file's dialect knows
    /// (<c>user:</c>, <c>assistant:</c>, <c>Context:</c> lines never end it): its lines keep their
    /// text and their relative indentation; the indentation they share is YAML's, not the text's.
    /// When <c>word:</c> lines follow a broken value and nothing shows whether they continue it,
    /// no fix is offered (<see cref="ValueExtent.IsAmbiguous"/>).</item>
    /// <item>Literal <c>\n</c> escapes (a JSON string pasted into YAML): when a value (all its
    /// lines, for one that runs on) holds two or more <c>\n</c> and every backslash in it starts a
    /// JSON escape, the escapes are decoded and <c>\n</c> becomes a line break (so the value
    /// becomes a block). Otherwise backslashes are kept as written (a path such as <c>C:\new</c>
    /// is not changed).</item>
    /// <item>Text after a closing quote: when the value starts and ends with the same quote, the
    /// outer quotes are the author's delimiters and the inner quotes are text; otherwise every
    /// character, quotes included, is the value.</item>
    /// </list>
    /// Every repair is checked before it is offered (<see cref="FixCheck.KeepsEveryValue"/>): the
    /// repaired frontmatter is parsed again, the field's value must equal the intended text and keep
    /// every character of the lines it replaces, and the field after it must be a known one, or no
    /// fix is offered.
    /// </summary>
    internal static class FrontmatterRepair
    {
        /// <summary>Fields whose value is always text (never a list or map), so an unparsable first character is text too.</summary>
        private static readonly HashSet<string> TextFields = new(StringComparer.Ordinal)
        {
            "name", "description", "model", "initialPrompt", "argument-hint", "target", "color",
        };

        /// <summary>
        /// The edit that repairs the value holding <paramref name="errorOffset"/>, the value it will
        /// have, and the code action's title. False when no repair keeps the text exactly.
        /// </summary>
        public static bool TryRepair(string text, int errorOffset, AgentDialect dialect, out TextChange change, out string title, out string value)
        {
            change = default;
            title = string.Empty;
            value = string.Empty;
            if (!Frontmatter(text, out int yamlStart, out int yamlEnd) || errorOffset < yamlStart || errorOffset > yamlEnd
                || !ValueExtent.TryFind(text, yamlStart, yamlEnd, errorOffset, dialect, out ValueExtent? extent) || extent is null
                || extent.IsAmbiguous)
            {
                return false;
            }

            List<(int Start, int End)> lines = ValueExtent.Lines(text, yamlStart, yamlEnd);
            string first = text.Substring(extent.ValueStart, lines[extent.FirstLine].End - extent.ValueStart).Trim(' ', '\t');
            var rest = new List<string>();
            for (int i = extent.FirstLine + 1; i <= extent.LastLine; i++)
            {
                rest.Add(text.Substring(lines[i].Start, lines[i].End - lines[i].Start).TrimEnd(' ', '\t'));
            }

            bool textField = TextFields.Contains(extent.Key);
            if (first.Length > 0 && "[{&*!".IndexOf(first[0]) >= 0 && !textField)
            {
                return false; // a list, map, anchor, alias or tag: not text to rewrite
            }

            if (first.Length == 0 && !textField && LooksStructured(rest))
            {
                return false; // 'hooks:' with an indented map, 'tools:' with '- ' items
            }

            foreach (string line in rest)
            {
                string t = line.TrimStart(' ', '\t');
                string? name = t.Length < line.Length ? ValueExtent.FieldName(t, 0, t.Length) : null;
                if (name is not null && ValueExtent.IsKnownField(name, dialect))
                {
                    return false; // '  model: x' under a value: a field indented by mistake, or text? The author must say.
                }
            }

            string? intended;
            string kind;
            if (first.Length > 0 && first[0] is '|' or '>')
            {
                intended = first[0] == '|' ? BlockValue(first, rest) : null; // a folded block would change meaning
                kind = "block";
            }
            else if (rest.Count == 0)
            {
                intended = OneLineValue(first, out kind);
            }
            else
            {
                intended = MultiLineValue(first, rest);
                kind = "block";
            }

            if (intended is null || intended.Length == 0)
            {
                return false;
            }

            string newline = NewLine(text);
            string rendered = intended.IndexOf('\n') >= 0 && YamlText.IsPrintable(intended) ? YamlText.Block(intended, newline) : " " + YamlText.DoubleQuoted(intended);
            change = new TextChange(TextSpan.FromBounds(extent.ValueStart, extent.LastLineEnd), rendered);
            if (!FixCheck.KeepsEveryValue(text, change, extent, dialect, intended))
            {
                return false;
            }

            value = intended;
            title = rendered.StartsWith(" |", StringComparison.Ordinal)
                ? $"Write '{extent.Key}' as a block (|) holding all its lines"
                : kind == "quotes" ? $"Escape the quotes inside '{extent.Key}'" : $"Put the value of '{extent.Key}' in double quotes";
            return true;
        }

        /// <summary>The text of a one-line value as its author meant it.</summary>
        private static string? OneLineValue(string raw, out string kind)
        {
            kind = "quote";
            if (raw.Length == 0)
            {
                return null;
            }

            char q = raw[0];
            if (raw.Length >= 2 && (q == '"' || q == '\'') && raw[raw.Length - 1] == q)
            {
                // "Reviews the "fast" path": the outer quotes delimit the value, the inner ones are text.
                string inner = raw.Substring(1, raw.Length - 2);
                kind = "quotes";
                if (q == '\'')
                {
                    return inner.Replace("''", "'");
                }

                return YamlText.JsonEscaped(inner) ? YamlText.DecodeJson(inner) : inner.Replace("\\\"", "\"").Replace("\\\\", "\\");
            }

            return YamlText.JsonEscaped(raw) ? YamlText.DecodeJson(raw) : raw;
        }

        /// <summary>The text of a value whose first line is <paramref name="first"/> and which runs on over <paramref name="rest"/>.</summary>
        private static string? MultiLineValue(string first, List<string> rest)
        {
            List<string> body = Dedent(rest);
            string head = first;
            if (first.Length >= 2 && (first[0] == '"' || first[0] == '\'') && first[first.Length - 1] == first[0] && YamlErrorExplanation.ClosingQuote(first) == first.Length - 1)
            {
                head = Unquote(first); // a complete quoted first line: its quotes are YAML's
            }
            else if (first.Length >= 1 && (first[0] == '"' || first[0] == '\''))
            {
                // A quoted value that runs over lines with stray quotes inside: strip the outer pair when it closes on the last line.
                int lastIndex = body.Count - 1;
                while (lastIndex >= 0 && body[lastIndex].Length == 0)
                {
                    lastIndex--;
                }

                if (lastIndex >= 0 && body[lastIndex].EndsWith(first[0].ToString(), StringComparison.Ordinal))
                {
                    head = first.Substring(1);
                    body[lastIndex] = body[lastIndex].Substring(0, body[lastIndex].Length - 1);
                }
            }

            var sb = new StringBuilder(head);
            foreach (string line in body)
            {
                sb.Append('\n').Append(line);
            }

            string joined = sb.ToString();
            if (ReferenceEquals(head, first) && (first.Length == 0 || (first[0] != '"' && first[0] != '\'')) && YamlText.JsonEscaped(joined))
            {
                joined = YamlText.DecodeJson(joined); // a JSON string whose line breaks an editor made real: the run-on text, decoded as a whole
            }

            return joined.Trim('\n');
        }

        /// <summary>A broken <c>|</c> block (some lines not indented): its lines, with its chomping.</summary>
        private static string? BlockValue(string header, List<string> rest)
        {
            int i = 1;
            char chomp = ' ';
            while (i < header.Length && (header[i] == '-' || header[i] == '+' || char.IsDigit(header[i])))
            {
                if (header[i] is '-' or '+')
                {
                    chomp = header[i];
                }

                i++;
            }

            if (header.Substring(i).Trim().Length > 0 && header.Substring(i).TrimStart()[0] != '#')
            {
                return null;
            }

            string joined = string.Join("\n", Dedent(rest)).Trim('\n');
            return joined.Length == 0 ? null : chomp == '-' ? joined : joined + "\n";
        }

        /// <summary>
        /// Removes the value's indentation (that of its first non-blank line, which YAML reads as
        /// syntax) from each line; deeper indentation is the author's and is kept.
        /// </summary>
        private static List<string> Dedent(List<string> lines)
        {
            int indent = -1;
            foreach (string line in lines)
            {
                if (line.Length > 0)
                {
                    indent = Leading(line);
                    break;
                }
            }

            var result = new List<string>(lines.Count);
            foreach (string line in lines)
            {
                result.Add(line.Length == 0 ? string.Empty : line.Substring(Math.Min(Math.Max(indent, 0), Leading(line))));
            }

            return result;
        }

        private static int Leading(string line)
        {
            int n = 0;
            while (n < line.Length && line[n] == ' ')
            {
                n++;
            }

            return n;
        }

        private static bool LooksStructured(List<string> rest)
        {
            foreach (string line in rest)
            {
                string t = line.Trim();
                if (t.Length == 0 || t[0] == '#')
                {
                    continue;
                }

                return line[0] == ' ' && (t.StartsWith("- ", StringComparison.Ordinal) || t == "-" || ValueExtent.FieldName(t, 0, t.Length) is not null)
                    || line[0] == '-';
            }

            return false;
        }

        /// <summary>The value of a complete quoted string, read by YAML itself; the text as written when YAML cannot read it alone.</summary>
        private static string Unquote(string s)
        {
            string line = "x: " + s + "\n";
            return YamlTree.TryRead(line, 0, line.Length, out YNode? root, out _) && root is { Kind: YKind.Mapping } && root.Entries.Count == 1
                && root.Entries[0].Value.Kind == YKind.Scalar
                ? root.Entries[0].Value.Value
                : s;
        }

        /// <summary>The frontmatter's YAML, <c>text[yamlStart..yamlEnd)</c>, split the way the parser splits it.</summary>
        internal static bool Frontmatter(string text, out int yamlStart, out int yamlEnd)
            => Parsing.Frontmatter.TrySplit(text, out yamlStart, out yamlEnd, out _);

        private static string NewLine(string text)
        {
            int lf = text.IndexOf('\n');
            return lf > 0 && text[lf - 1] == '\r' ? "\r\n" : "\n";
        }
    }
}
