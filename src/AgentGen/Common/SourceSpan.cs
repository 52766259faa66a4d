using System;

namespace AgentGen.Common
{
    /// <summary>A range of characters in an agent file (offsets into the file's text).</summary>
    internal readonly record struct SourceSpan(int Start, int Length)
    {
        public int End => Start + Length;

        public static SourceSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));
    }
}
