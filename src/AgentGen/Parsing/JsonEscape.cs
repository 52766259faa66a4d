namespace AgentGen.Parsing
{
    /// <summary>
    /// JSON string escapes (RFC 8259 §7): <c>\"</c> <c>\\</c> <c>\/</c> <c>\b</c> <c>\f</c> <c>\n</c>
    /// <c>\r</c> <c>\t</c> <c>\uXXXX</c>. The one decoder of them, used by the JSON reader (message
    /// payloads) and by the AGEN002 repair (a JSON string pasted into YAML).
    /// </summary>
    internal static class JsonEscape
    {
        /// <summary>
        /// Reads the escape whose backslash is at <paramref name="at"/> in <c>text[..end)</c>: the
        /// character it stands for and its length (2, or 6 for <c>\uXXXX</c>). False when it is none.
        /// </summary>
        public static bool TryRead(string text, int at, int end, out char value, out int length)
        {
            value = '\0';
            length = 0;
            if (at + 1 >= end || text[at] != '\\')
            {
                return false;
            }

            switch (text[at + 1])
            {
                case '"': value = '"'; break;
                case '\\': value = '\\'; break;
                case '/': value = '/'; break;
                case 'b': value = '\b'; break;
                case 'f': value = '\f'; break;
                case 'n': value = '\n'; break;
                case 'r': value = '\r'; break;
                case 't': value = '\t'; break;
                case 'u':
                    int code = 0;
                    for (int k = at + 2; k < at + 6; k++)
                    {
                        int h = k < end ? HexValue(text[k]) : -1;
                        if (h < 0)
                        {
                            return false;
                        }

                        code = (code << 4) | h;
                    }

                    value = (char)code;
                    length = 6;
                    return true;
                default:
                    return false;
            }

            length = 2;
            return true;
        }

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
    }
}
