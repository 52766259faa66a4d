using System;
using System.Text;
using AgentGen.Parsing;

namespace AgentGen.CodeFixes
{
    /// <summary>Writes a value as YAML that reads back as exactly that value, and decodes JSON-escaped text pasted into YAML.</summary>
    internal static class YamlText
    {
        /// <summary>Two or more <c>\n</c>, and every backslash starts a JSON escape (<see cref="JsonEscape"/>).</summary>
        internal static bool JsonEscaped(string s)
        {
            int newlines = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '\\')
                {
                    continue;
                }

                if (!JsonEscape.TryRead(s, i, s.Length, out char value, out int length))
                {
                    return false;
                }

                newlines += value == '\n' ? 1 : 0;
                i += length - 1;
            }

            return newlines >= 2;
        }

        /// <summary>Decodes JSON escapes (<see cref="JsonEscape"/>); a backslash that starts none is kept, and <c>\r</c> is dropped (<c>\r\n</c> in a pasted JSON string is one line break).</summary>
        internal static string DecodeJson(string s)
        {
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '\\' && JsonEscape.TryRead(s, i, s.Length, out char value, out int length))
                {
                    if (value != '\r')
                    {
                        sb.Append(value);
                    }

                    i += length - 1;
                    continue;
                }

                sb.Append(s[i]);
            }

            return sb.ToString();
        }

        /// <summary><c> |-</c> and the lines indented by two spaces (an indentation indicator when the first line starts with a space).</summary>
        internal static string Block(string value, string newline)
        {
            bool keep = value.EndsWith("\n", StringComparison.Ordinal);
            string body = keep ? value.Substring(0, value.Length - 1) : value;
            var sb = new StringBuilder(" |");
            if (body.Length > 0 && body[0] == ' ')
            {
                sb.Append('2');
            }

            sb.Append(keep ? string.Empty : "-");
            foreach (string line in body.Split('\n'))
            {
                sb.Append(newline);
                if (line.Length > 0)
                {
                    sb.Append("  ").Append(line);
                }
            }

            return sb.ToString();
        }

        /// <summary>A YAML double-quoted string holding exactly <paramref name="value"/>.</summary>
        internal static string DoubleQuoted(string value)
        {
            var sb = new StringBuilder(value.Length + 2).Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (IsPrintableAt(value, i, out int width))
                        {
                            sb.Append(value, i, width);
                            i += width - 1;
                        }
                        else
                        {
                            sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                        }

                        break;
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>Whether a literal block can hold <paramref name="value"/> (YAML's printable set, tabs and line breaks; no trailing blanks it would drop).</summary>
        internal static bool IsPrintable(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\n' || c == '\t')
                {
                    continue;
                }

                if (!IsPrintableAt(value, i, out int width))
                {
                    return false;
                }

                i += width - 1;
            }

            return true;
        }

        /// <summary>YAML 1.2 c-printable (without tab and line breaks), minus the BOM.</summary>
        private static bool IsPrintableAt(string s, int i, out int width)
        {
            width = 1;
            char c = s[i];
            if (char.IsHighSurrogate(c))
            {
                width = 2;
                return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            }

            return (c >= 0x20 && c <= 0x7E) || c == 0x85 || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
        }
    }
}
