using AgentGen.Common;

namespace AgentGen.Parsing
{
    /// <summary>
    /// The one rule for where an agent file's frontmatter is: after an optional BOM, line 1 is a
    /// delimiter, and the YAML runs up to the next delimiter line. A delimiter line is <c>---</c>
    /// followed only by spaces and tabs (<c>----</c>, <c>---x</c> and <c>--- #</c> are not; other
    /// Unicode whitespace such as NBSP is not trimmed). The parser and the code fixes both split
    /// with <see cref="Split"/>, so a fix never edits YAML the parser would not read.
    /// </summary>
    internal static class Frontmatter
    {
        /// <summary>Where the frontmatter of <paramref name="text"/> is, or how it is missing.</summary>
        public static FrontmatterSplit Split(string text)
        {
            int open = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            int openEnd = TextLines.LineEnd(text, open);
            if (!IsDelimiter(text, open, openEnd))
            {
                return new FrontmatterSplit(FrontmatterState.None, open, openEnd, -1, -1, -1);
            }

            int yamlStart = TextLines.NextLine(text, openEnd);
            for (int lineStart = yamlStart; lineStart < text.Length;)
            {
                int lineEnd = TextLines.LineEnd(text, lineStart);
                if (IsDelimiter(text, lineStart, lineEnd))
                {
                    return new FrontmatterSplit(FrontmatterState.Closed, open, openEnd, yamlStart, lineStart, TextLines.NextLine(text, lineEnd));
                }

                lineStart = TextLines.NextLine(text, lineEnd);
            }

            return new FrontmatterSplit(FrontmatterState.Unclosed, open, openEnd, yamlStart, -1, -1);
        }

        /// <summary>
        /// The YAML, <c>text[yamlStart..yamlEnd)</c>, and where the body starts; false when line 1 is
        /// not a delimiter or no later line closes the frontmatter.
        /// </summary>
        public static bool TrySplit(string text, out int yamlStart, out int yamlEnd, out int bodyStart)
        {
            FrontmatterSplit split = Split(text);
            bool closed = split.State == FrontmatterState.Closed;
            yamlStart = closed ? split.YamlStart : 0;
            yamlEnd = closed ? split.YamlEnd : 0;
            bodyStart = closed ? split.BodyStart : 0;
            return closed;
        }

        /// <summary>Whether <c>text[start..end)</c> (one line, without its break) is <c>---</c> followed only by spaces and tabs.</summary>
        public static bool IsDelimiter(string text, int start, int end)
        {
            if (end - start < 3 || string.CompareOrdinal(text, start, "---", 0, 3) != 0)
            {
                return false;
            }

            for (int i = start + 3; i < end; i++)
            {
                if (text[i] != ' ' && text[i] != '\t')
                {
                    return false;
                }
            }

            return true;
        }
    }

    internal enum FrontmatterState
    {
        /// <summary>Line 1 (after a BOM) is not a delimiter.</summary>
        None,

        /// <summary>Line 1 opens the frontmatter, and no later line closes it.</summary>
        Unclosed,

        /// <summary>Opened on line 1 and closed by a later delimiter line.</summary>
        Closed,
    }

    /// <summary>
    /// The result of <see cref="Frontmatter.Split"/>: the first line is <c>text[OpenStart..OpenEnd)</c>
    /// (after a BOM); when <see cref="State"/> is <see cref="FrontmatterState.Closed"/> the YAML is
    /// <c>text[YamlStart..YamlEnd)</c>, <c>YamlEnd</c> is the start of the closing line, and the body
    /// starts at <c>BodyStart</c>. Offsets that do not apply are -1.
    /// </summary>
    internal readonly record struct FrontmatterSplit(FrontmatterState State, int OpenStart, int OpenEnd, int YamlStart, int YamlEnd, int BodyStart);
}
