using System;

namespace AgentGen.Common
{
    /// <summary>
    /// Line scanning over a file's text. A line ends at <c>\n</c>, <c>\r</c> or <c>\r\n</c>; the
    /// parser, its readers and the code fixes all split lines with these, so they agree on offsets.
    /// </summary>
    internal static class TextLines
    {
        /// <summary>The offset of the line break (or the end of the text) of the line holding <paramref name="pos"/>.</summary>
        public static int LineEnd(string text, int pos)
        {
            int i = pos;
            while (i < text.Length && text[i] != '\n' && text[i] != '\r')
            {
                i++;
            }

            return i;
        }

        /// <summary>The offset of the first character of the line holding <paramref name="pos"/>.</summary>
        public static int LineStart(string text, int pos)
        {
            int i = Math.Min(pos, text.Length);
            while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r')
            {
                i--;
            }

            return i;
        }

        /// <summary>The start of the line after the break at <paramref name="lineEnd"/> (a <c>\r\n</c> counts as one break).</summary>
        public static int NextLine(string text, int lineEnd)
        {
            if (lineEnd >= text.Length)
            {
                return text.Length;
            }

            return text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;
        }
    }
}
