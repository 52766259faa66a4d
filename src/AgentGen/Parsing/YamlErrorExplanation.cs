using System;
using System.Collections.Generic;
using AgentGen.Catalog;

namespace AgentGen.Parsing
{
    /// <summary>
    /// AGEN002 messages for the defects YAML's own message hides: a value that runs on over lines
    /// that are not fields, text after a closing quote, and a field "repeated" by such lines (an
    /// example dialogue's <c>user:</c> lines). Which lines belong to the value comes from
    /// <see cref="ValueExtent"/>, the rule the AGEN002 code fix uses too, so a message that names a
    /// repair describes the fix offered.
    /// </summary>
    internal static class YamlErrorExplanation
    {
        /// <summary>A message for the YAML error at <paramref name="offset"/>, or null to keep YAML's.</summary>
        public static string? Explain(string text, int yamlStart, int yamlEnd, int offset, AgentDialect dialect)
        {
            if (!ValueExtent.TryFind(text, yamlStart, yamlEnd, offset, dialect, out ValueExtent? extent) || extent is null)
            {
                return null;
            }

            List<(int Start, int End)> lines = ValueExtent.Lines(text, yamlStart, yamlEnd);
            if (extent.IsMultiLine && extent.EvidenceLine >= 0)
            {
                int first = FirstColumnZeroLine(text, lines, extent);
                return $"the value of '{extent.Key}' (line {extent.FieldLine}) runs on over lines that are not fields "
                    + $"(line {extent.FieldLine + (first - extent.FirstLine)}: '{Clip(text.Substring(lines[first].Start, lines[first].End - lines[first].Start))}'), "
                    + $"which YAML reads as new fields; write the value as a block (`{extent.Key}: |` with all its lines indented)";
            }

            string raw = text.Substring(extent.ValueStart, lines[extent.FirstLine].End - extent.ValueStart).Trim(' ', '\t');
            if (raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && !extent.IsMultiLine)
            {
                char q = raw[0];
                int close = ClosingQuote(raw);
                if (close > 0 && close < raw.Length - 1)
                {
                    int rawStart = extent.ValueStart;
                    while (text[rawStart] == ' ' || text[rawStart] == '\t')
                    {
                        rawStart++;
                    }

                    int column = rawStart - lines[extent.FirstLine].Start + close + 1;
                    string escape = q == '"' ? "write \\\" for each quote inside" : "write '' for each quote inside";
                    return raw[raw.Length - 1] == q
                        ? $"the value of '{extent.Key}' contains the quote {q} (column {column}) that also encloses it, so the value ends there; {escape}"
                        : $"text follows the closing quote of the value of '{extent.Key}' (column {column}); put the whole value, quotes included, in double quotes, or remove the quotes";
                }
            }

            return null;
        }

        /// <summary>
        /// The message for a field that appears twice. When the repeated name sits in lines that run on
        /// from another field's value (<c>user:</c>, <c>assistant:</c> in an example dialogue), it says so.
        /// </summary>
        public static string RepeatedField(string text, int yamlStart, int yamlEnd, int keyStart, string key, AgentDialect dialect)
        {
            string plain = $"the field '{key}' appears more than once";
            if (ValueExtent.IsKnownField(key, dialect)
                || !ValueExtent.TryFind(text, yamlStart, yamlEnd, keyStart, dialect, out ValueExtent? extent) || extent is null
                || extent.KeyStart == keyStart || !extent.IsMultiLine)
            {
                return plain;
            }

            int lastLine = extent.FieldLine + (extent.LastLine - extent.FirstLine);
            return plain + $": lines {extent.FieldLine + 1}-{lastLine} read as fields but continue the value of '{extent.Key}' (line {extent.FieldLine}), "
                + $"as an example dialogue does; write that value as a block (`{extent.Key}: |` with all its lines indented)";
        }

        private static int FirstColumnZeroLine(string text, List<(int Start, int End)> lines, ValueExtent extent)
        {
            for (int i = extent.FirstLine + 1; i <= extent.LastLine; i++)
            {
                (int s, int e) = lines[i];
                if (s < e && text[s] != ' ' && text[s] != '\t' && text[s] != '#')
                {
                    return i;
                }
            }

            return extent.EvidenceLine;
        }

        /// <summary>Index of the quote that closes the quoted string starting at 0, or -1.</summary>
        internal static int ClosingQuote(string s)
        {
            char q = s[0];
            for (int i = 1; i < s.Length; i++)
            {
                if (q == '"' && s[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (s[i] == q)
                {
                    if (q == '\'' && i + 1 < s.Length && s[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        private static string Clip(string s)
        {
            s = s.Trim();
            return s.Length <= 40 ? s : s.Substring(0, 40) + "...";
        }
    }
}
