using System.Text;

namespace AgentGen.Parsing
{
    internal static partial class JsonReader
    {
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
                    if (p + 1 >= _end)
                    {
                        break;
                    }

                    if (!JsonEscape.TryRead(_text, escape, _end, out char decoded, out int length))
                    {
                        char e = _text[p + 1];
                        Fail(escape, e == 'u'
                            ? "Invalid \\u escape; expected 4 hex digits"
                            : e >= 0x20 && e < 0x7F
                                ? "Invalid escape sequence '\\" + e + "' in a string"
                                : "Invalid escape sequence: '\\' followed by " + Describe(e) + " in a string");
                        return null;
                    }

                    sb.Append(decoded);
                    p += length;
                }

                Fail(open, "Unterminated string");
                return null;
            }
        }
    }
}
