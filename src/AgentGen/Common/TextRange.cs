using System;

namespace AgentGen.Common
{
    /// <summary>
    /// The end of a string from <see cref="Start"/> on, compared by its characters: an agent's body
    /// is most of its file, and the model keeps the file's own string with the body's offset instead
    /// of a copy (the copies were a fifth of what a cold run allocated; docs/performance.md). The
    /// emitter writes the range straight into its output.
    /// </summary>
    internal readonly struct TextRange : IEquatable<TextRange>
    {
        public static readonly TextRange Empty = new(string.Empty, 0);

        private readonly string? _source;

        /// <param name="source">The whole text.</param>
        /// <param name="start">Where the range starts; clamped to the text's length.</param>
        public TextRange(string source, int start)
        {
            _source = source ?? string.Empty;
            Start = start < 0 ? 0 : start > _source.Length ? _source.Length : start;
        }

        /// <summary>The string the range is the end of.</summary>
        public string Source => _source ?? string.Empty;

        public int Start { get; }

        public int Length => Source.Length - Start;

        public bool Equals(TextRange other)
            => Length == other.Length && string.CompareOrdinal(Source, Start, other.Source, other.Start, Length) == 0;

        public override bool Equals(object? obj) => obj is TextRange other && Equals(other);

        public override int GetHashCode()
        {
            // FNV-1a over the characters: equal ranges of different strings hash alike.
            string s = Source;
            uint hash = 2166136261;
            for (int i = Start; i < s.Length; i++)
            {
                hash = (hash ^ s[i]) * 16777619;
            }

            return (int)hash;
        }

        /// <summary>The range as a string of its own (a copy unless it is the whole text).</summary>
        public override string ToString() => Start == 0 ? Source : Source.Substring(Start);
    }
}
