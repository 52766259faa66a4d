using System.Collections.Generic;

namespace AgentGen.Parsing
{
    /// <summary>A CommonMark fenced code block found by <see cref="MarkdownFences.Scan"/>.</summary>
    internal readonly struct FencedBlock
    {
        public FencedBlock(string info, int fenceStart, int infoStart, int contentStart, int contentEnd, bool closed)
        {
            Info = info;
            FenceStart = fenceStart;
            InfoStart = infoStart;
            ContentStart = contentStart;
            ContentEnd = contentEnd;
            Closed = closed;
        }

        /// <summary>First word of the info string, as written (e.g. "json", "yaml", or "").</summary>
        public string Info { get; }

        /// <summary>Offset of the opening fence line's first char (including its indentation).</summary>
        public int FenceStart { get; }

        /// <summary>
        /// Offset of <see cref="Info"/> in the text; when the info string is empty, the offset right
        /// after the fence characters (where an info string would be inserted).
        /// </summary>
        public int InfoStart { get; }

        /// <summary>Offset of the first char of the line after the opening fence (the scanned end if there is none).</summary>
        public int ContentStart { get; }

        /// <summary>Offset of the start of the closing fence line, or the scanned end when unclosed.</summary>
        public int ContentEnd { get; }

        /// <summary>Whether a closing fence was found.</summary>
        public bool Closed { get; }

        public override string ToString() =>
            "```" + Info + " fence@" + FenceStart + " content[" + ContentStart + ".." + ContentEnd + ")" + (Closed ? "" : " unclosed");
    }

    /// <summary>Finds top-level CommonMark fenced code blocks in a Markdown body. Linear time, never throws.</summary>
    internal static class MarkdownFences
    {
        private static readonly char[] LineBreaks = { '\n', '\r' };

        /// <summary>Scans <c>text[start..end)</c>. Lines end in \n, \r\n or \r.</summary>
        public static List<FencedBlock> Scan(string text, int start, int end)
        {
            var blocks = new List<FencedBlock>();
            if (text is null)
            {
                return blocks;
            }

            if (start < 0)
            {
                start = 0;
            }

            if (end > text.Length)
            {
                end = text.Length;
            }

            if (start >= end)
            {
                return blocks;
            }

            bool inBlock = false;
            char fenceChar = '\0';
            int fenceLength = 0;
            int fenceStart = 0;
            int infoStart = 0;
            int contentStart = 0;
            string info = string.Empty;

            int lineStart = start;
            while (lineStart < end)
            {
                // Find the end of this line and the start of the next one (IndexOfAny is vectorized:
                // the body is most of an agent file, and this scan was a sixth of its parse).
                int lineEnd = text.IndexOfAny(LineBreaks, lineStart, end - lineStart);
                if (lineEnd < 0)
                {
                    lineEnd = end;
                }

                int next = lineEnd;
                if (next < end)
                {
                    next = text[next] == '\r' && next + 1 < end && text[next + 1] == '\n' ? next + 2 : next + 1;
                }

                // Up to three spaces of indentation (a tab is 4 columns, so it disqualifies).
                int p = lineStart;
                while (p < lineEnd && p - lineStart < 3 && text[p] == ' ')
                {
                    p++;
                }

                char c = p < lineEnd ? text[p] : '\0';
                if (!inBlock)
                {
                    if (c == '`' || c == '~')
                    {
                        int runStart = p;
                        while (p < lineEnd && text[p] == c)
                        {
                            p++;
                        }

                        int runLength = p - runStart;
                        if (runLength >= 3 && (c == '~' || text.IndexOf('`', p, lineEnd - p) < 0))
                        {
                            int afterRun = p;
                            while (p < lineEnd && (text[p] == ' ' || text[p] == '\t'))
                            {
                                p++;
                            }

                            int wordStart = p;
                            while (p < lineEnd && text[p] != ' ' && text[p] != '\t')
                            {
                                p++;
                            }

                            inBlock = true;
                            fenceChar = c;
                            fenceLength = runLength;
                            fenceStart = lineStart;
                            if (p > wordStart)
                            {
                                info = text.Substring(wordStart, p - wordStart);
                                infoStart = wordStart;
                            }
                            else
                            {
                                info = string.Empty;
                                infoStart = afterRun;
                            }

                            contentStart = next;
                        }
                    }
                }
                else if (c == fenceChar)
                {
                    int runStart = p;
                    while (p < lineEnd && text[p] == fenceChar)
                    {
                        p++;
                    }

                    if (p - runStart >= fenceLength)
                    {
                        while (p < lineEnd && (text[p] == ' ' || text[p] == '\t'))
                        {
                            p++;
                        }

                        if (p == lineEnd)
                        {
                            blocks.Add(new FencedBlock(info, fenceStart, infoStart, contentStart, lineStart, closed: true));
                            inBlock = false;
                        }
                    }
                }

                if (next <= lineStart)
                {
                    break; // cannot happen; guards against an endless loop
                }

                lineStart = next;
            }

            if (inBlock)
            {
                blocks.Add(new FencedBlock(info, fenceStart, infoStart, contentStart, end, closed: false));
            }

            return blocks;
        }
    }
}
