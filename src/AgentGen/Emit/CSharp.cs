using System.Globalization;
using System.Text;

namespace AgentGen.Emit
{
    /// <summary>
    /// The one way text from an agent file reaches generated code. Every literal and doc comment
    /// is pure printable ASCII: quotes, backslashes, line breaks, NUL, lone surrogates and
    /// bidirectional controls all become escapes, so no input can end a literal or a comment early
    /// or reorder what a reviewer sees (Trojan Source).
    /// </summary>
    internal static class CSharp
    {
        /// <summary>A regular C# string literal, quotes included.</summary>
        public static string Literal(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            var sb = new StringBuilder(value.Length + (value.Length >> 3) + 2);
            AppendLiteral(sb, value);
            return sb.ToString();
        }

        /// <summary>
        /// Appends <see cref="Literal"/>'s text to <paramref name="sb"/> without an intermediate
        /// string (agent bodies run to tens of KB). Runs of characters that need no escape are
        /// copied in one call.
        /// </summary>
        public static void AppendLiteral(StringBuilder sb, string? value)
        {
            if (value is null)
            {
                sb.Append("null");
                return;
            }

            AppendLiteral(sb, value, 0, value.Length);
        }

        /// <summary><see cref="AppendLiteral(StringBuilder, string?)"/> of <c>value[start..start+length)</c>, without copying it out first.</summary>
        public static void AppendLiteral(StringBuilder sb, string value, int start, int length)
        {
            sb.Append('"');
            int run = start;
            int end = start + length;
            while (true)
            {
                int i = NextToEscape(value, run, end);
                sb.Append(value, run, i - run);
                if (i == end)
                {
                    break;
                }

                run = i + 1;
                char c = value[i];
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    case '\r':
                        sb.Append("\\r");
                        break;
                    case '\t':
                        sb.Append("\\t");
                        break;
                    case '\0':
                        sb.Append("\\0");
                        break;
                    default:
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        break;
                }
            }

            sb.Append('"');
        }

        /// <summary>
        /// The index of the first character of <c>value[start..end)</c> a literal must escape
        /// (anything but printable ASCII, a quote and a backslash), or <paramref name="end"/>.
        /// </summary>
        /// <remarks>
        /// One character at a time. A search of whole <c>Vector&lt;ushort&gt;</c> blocks was here
        /// and was taken out: cold generation of 200 agents (3 MB of agent files,
        /// eng/compile-bench/genprobe, best of 25, 2 cores, load average 4) took 16.0 and 22.5 ms with
        /// it and 16.1 and 22.8 ms without, the same allocation (docs/performance.md, "Plain code").
        /// </remarks>
        internal static int NextToEscape(string value, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
                {
                    return i;
                }
            }

            return end;
        }

        /// <summary>
        /// A string literal for an attribute argument. Attribute strings are stored as UTF-8 in
        /// metadata, where an unpaired surrogate cannot be represented (the compiler would store
        /// something that reads back as two U+FFFD); it is written as one U+FFFD instead, so the
        /// value read back is predictable. No file on disk holds one: the compiler decodes it as U+FFFD.
        /// </summary>
        public static string AttributeLiteral(string? value)
        {
            if (value is null)
            {
                return "null";
            }

            StringBuilder? sb = null;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb?.Append(c).Append(value[i + 1]);
                    i++;
                    continue;
                }

                if (char.IsSurrogate(c))
                {
                    sb ??= new StringBuilder(value, 0, i, value.Length);
                    sb.Append('\uFFFD');
                    continue;
                }

                sb?.Append(c);
            }

            return Literal(sb?.ToString() ?? value);
        }

        /// <summary>
        /// An identifier AgentGen built (letters, digits, <c>_</c>), written in printable ASCII: any
        /// other letter or digit as a <c>\uXXXX</c> escape, which C# reads as that character, so
        /// <c>Caf\u00E9Agent</c> declares <c>CaféAgent</c>. Mixed-script names (a Cyrillic <c>а</c>
        /// in a Latin name) stay visible in the generated file.
        /// </summary>
        public static string Identifier(string name)
        {
            StringBuilder? sb = null;
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')
                {
                    sb?.Append(c);
                    continue;
                }

                sb ??= new StringBuilder(name, 0, i, name.Length + 16);
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }

            return sb?.ToString() ?? name;
        }

        /// <summary>A dotted name (a namespace) with every part written by <see cref="Identifier"/>.</summary>
        public static string QualifiedName(string name)
        {
            string[] parts = name.Split('.');
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Identifier(parts[i]);
            }

            return string.Join(".", parts);
        }

        /// <summary>Text for an XML doc comment: markup escaped, anything outside printable ASCII as a character reference.</summary>
        public static string XmlText(string value)
        {
            var sb = new StringBuilder(value.Length);
            foreach (char c in value)
            {
                switch (c)
                {
                    case '&':
                        sb.Append("&amp;");
                        break;
                    case '<':
                        sb.Append("&lt;");
                        break;
                    case '>':
                        sb.Append("&gt;");
                        break;
                    default:
                        if (c >= 0x20 && c < 0x7F)
                        {
                            sb.Append(c);
                        }
                        else if (c == '\t')
                        {
                            sb.Append(' ');
                        }
                        else if (char.IsSurrogate(c) || c < 0x20 || c == 0xFFFE || c == 0xFFFF)
                        {
                            // Not representable in XML 1.0 one UTF-16 unit at a time: show a replacement character.
                            sb.Append("&#xFFFD;");
                        }
                        else
                        {
                            sb.Append("&#x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(';');
                        }

                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary><c>true</c> or <c>false</c>.</summary>
        public static string Bool(bool b) => b ? "true" : "false";

        /// <summary>A <c>string[]</c> creation of <paramref name="items"/> as literals (attribute literals when <paramref name="attribute"/>).</summary>
        public static string StringArray(System.Collections.Generic.IEnumerable<string> items, bool attribute = false)
        {
            var parts = new System.Collections.Generic.List<string>();
            foreach (string s in items)
            {
                parts.Add(attribute ? AttributeLiteral(s) : Literal(s));
            }

            return parts.Count == 0 ? "new string[0]" : "new string[] { " + string.Join(", ", parts) + " }";
        }

        /// <summary>Writes a multi-line <c>&lt;summary&gt;</c> for <paramref name="text"/>, one <c>///</c> line per input line.</summary>
        public static void WriteSummary(SourceWriter w, string text)
        {
            w.Line("/// <summary>");
            foreach (string line in SplitLines(text))
            {
                string escaped = XmlText(line).TrimEnd();
                w.Line(escaped.Length == 0 ? "///" : "/// " + escaped);
            }

            w.Line("/// </summary>");
        }

        /// <summary>Splits on every line terminator C# knows (CR, LF, CRLF, NEL, LS, PS).</summary>
        public static string[] SplitLines(string text)
        {
            var lines = new System.Collections.Generic.List<string>();
            int start = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    lines.Add(text.Substring(start, i - start));
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    start = i + 1;
                }
            }

            lines.Add(text.Substring(start));
            while (lines.Count > 1 && lines[lines.Count - 1].Trim().Length == 0)
            {
                lines.RemoveAt(lines.Count - 1);
            }

            return lines.ToArray();
        }
    }
}
