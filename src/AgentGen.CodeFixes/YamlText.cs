using System;
using System.Text;

namespace AgentGen.CodeFixes
{
    /// <summary>Writes a value as YAML that reads back as exactly that value, and decodes JSON-escaped text pasted into YAML.</summary>
    internal static class YamlText
    {
        /// <summary>Two or more <c>\n</c>, and every backslash starts a JSON escape.</summary>
        internal static bool JsonEscaped(string s)
        {
            int newlines = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] != '\\')
                {
                    continue;
                }

                if (i + 1 >= s.Length)
                {
                    return false;
                }

                char e = s[i + 1];
                if (e == 'u')
                {
                    if (!IsHex4(s, i + 2))
                    {
                        return false;
                    }

                    i += 5;
                    continue;
                }

                if ("nrt\"\\/bf".IndexOf(e) < 0)
                {
                    return false;
                }

                newlines += e == 'n' ? 1 : 0;
                i++;
            }

            return newlines >= 2;
        }

        /// <summary>Decodes JSON escapes; a backslash that starts none is kept.</summary>
        internal static string DecodeJson(string s)
        {
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c != '\\' || i + 1 >= s.Length)
                {
                    sb.Append(c);
                    continue;
                }

                char e = s[i + 1];
                switch (e)
                {
                    case 'n': sb.Append('\n'); i++; break;
                    case 'r': i++; break; // \r\n in a pasted JSON string is one line break
                    case 't': sb.Append('\t'); i++; break;
                    case 'b': sb.Append('\b'); i++; break;
                    case 'f': sb.Append('\f'); i++; break;
                    case '"': case '\\': case '/': sb.Append(e); i++; break;
                    case 'u' when IsHex4(s, i + 2):
                        sb.Append((char)Convert.ToInt32(s.Substring(i + 2, 4), 16));
                        i += 5;
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }

        private static bool IsHex4(string s, int at)
        {
            if (at + 4 > s.Length)
            {
                return false;
            }

            for (int i = at; i < at + 4; i++)
            {
                if (!Uri.IsHexDigit(s[i]))
                {
                    return false;
                }
            }

            return true;
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
