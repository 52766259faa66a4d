using System.Text;

namespace AgentGen.Parsing
{
    internal static partial class JsonReader
    {
        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>JSON strings: the fast path without escapes, then escapes, <c>\u</c> code units and control characters.</summary>
        private sealed partial class Parser
        {
            private StringBuilder? _builder;

            /// <summary>
            /// Parses a string whose opening quote is at <paramref name="pos"/>; on success
            /// <paramref name="pos"/> is one past the closing quote.
            /// </summary>
            private string? ParseString(ref int pos)
            {
                int open = pos;
                int p = pos + 1;

                // Fast path: no escapes.
                while (p < _end)
                {
                    char c = _text[p];
                    if (c == '"')
                    {
                        pos = p + 1;
                        return _text.Substring(open + 1, p - open - 1);
                    }

                    if (c == '\\')
                    {
                        break;
                    }

                    if (c < 0x20)
                    {
                        Fail(p, "Control character " + Describe(c) + " must be escaped in a string");
                        return null;
                    }

                    p++;
                }

                if (p >= _end)
                {
                    Fail(open, "Unterminated string");
                    return null;
                }

                // Slow path: at least one escape at p.
                StringBuilder sb = _builder ??= new StringBuilder();
                sb.Clear();
                sb.Append(_text, open + 1, p - open - 1);
                while (p < _end)
                {
                    char c = _text[p];
                    if (c == '"')
                    {
                        pos = p + 1;
                        return sb.ToString();
                    }

                    if (c < 0x20)
                    {
                        Fail(p, "Control character " + Describe(c) + " must be escaped in a string");
                        return null;
                    }

                    if (c != '\\')
                    {
                        sb.Append(c);
                        p++;
                        continue;
                    }

                    int escape = p;
                    p++;
                    if (p >= _end)
                    {
                        break;
                    }

                    char e = _text[p];
                    switch (e)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case '/': sb.Append('/'); break;
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            {
                                int value = 0;
                                for (int k = 1; k <= 4; k++)
                                {
                                    int h = p + k < _end ? HexValue(_text[p + k]) : -1;
                                    if (h < 0)
                                    {
                                        Fail(escape, "Invalid \\u escape; expected 4 hex digits");
                                        return null;
                                    }

                                    value = (value << 4) | h;
                                }

                                sb.Append((char)value);
                                p += 4;
                                break;
                            }

                        default:
                            Fail(escape, e >= 0x20 && e < 0x7F
                                ? "Invalid escape sequence '\\" + e + "' in a string"
                                : "Invalid escape sequence: '\\' followed by " + Describe(e) + " in a string");
                            return null;
                    }

                    p++;
                }

                Fail(open, "Unterminated string");
                return null;
            }
        }
    }
}
