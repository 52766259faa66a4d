using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentGen.Parsing
{
    internal enum YKind
    {
        Scalar,
        Sequence,
        Mapping,
        Alias,
    }

    /// <summary>
    /// A YAML node with its offsets in the agent file. Built from YamlDotNet's event parser, so
    /// aliases are never expanded (no "billion laughs") and nesting is bounded before any
    /// recursion could happen.
    /// </summary>
    internal sealed class YNode
    {
        private static readonly List<YNode> NoItems = new();
        private static readonly List<KeyValuePair<YNode, YNode>> NoEntries = new();

        public YNode(YKind kind, int start, string value, ScalarStyle style, bool isFlow)
        {
            Kind = kind;
            Start = start;
            End = start;
            Value = value;
            Style = style;
            IsFlow = isFlow;
            Items = kind == YKind.Sequence ? new List<YNode>() : NoItems;
            Entries = kind == YKind.Mapping ? new List<KeyValuePair<YNode, YNode>>() : NoEntries;
        }

        public YKind Kind { get; }

        public int Start { get; }

        public int End { get; set; }

        /// <summary>Scalar value, or alias name.</summary>
        public string Value { get; }

        public ScalarStyle Style { get; }

        public bool IsFlow { get; }

        public List<YNode> Items { get; }

        public List<KeyValuePair<YNode, YNode>> Entries { get; }

        public bool IsScalar => Kind == YKind.Scalar;

        /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar.</summary>
        public bool IsNull => Kind == YKind.Scalar && Style == ScalarStyle.Plain
            && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");
    }

    internal readonly struct YamlError
    {
        public YamlError(int offset, int length, string message, bool isLimit, bool unquotedColon)
        {
            Offset = offset;
            Length = length;
            Message = message;
            IsLimit = isLimit;
            UnquotedColon = unquotedColon;
        }

        public int Offset { get; }

        public int Length { get; }

        public string Message { get; }

        public bool IsLimit { get; }

        /// <summary>The error is a ': ' inside a plain scalar ("mapping values are not allowed here").</summary>
        public bool UnquotedColon { get; }
    }

    internal static class YamlTree
    {
        public const int MaxDepth = 64;
        /// <summary>Scalars, aliases and collections in one frontmatter (a real one has well under 100).</summary>
        public const int MaxNodes = 10_000;

        /// <summary>Reads the single YAML document in text[start..end). Never throws.</summary>
        public static bool TryRead(string text, int start, int end, out YNode? root, out YamlError error)
        {
            var state = new ReadState();
            bool ok = Read(text, start, end, state);
            root = state.Root;
            error = state.Error;
            return ok;
        }

        private sealed class ReadState
        {
            public YNode? Root;
            public YamlError Error;
        }

        private static bool Read(string text, int start, int end, ReadState state)
        {
            var stack = new Stack<YNode>();
            var pendingKey = new Stack<YNode?>();
            int nodes = 0;
            int documents = 0;
            int lastOffset = start;
            try
            {
                var parser = new Parser(new StringReader(text.Substring(start, end - start)));
                while (MoveNext(parser))
                {
                    ParsingEvent ev = parser.Current!;
                    int evStart = start + (int)ev.Start.Index;
                    int evEnd = start + (int)ev.End.Index;
                    lastOffset = evEnd;
                    switch (ev)
                    {
                        case DocumentStart ds:
                            documents++;
                            if (documents > 1)
                            {
                                state.Error = new YamlError(evStart, 3, "the frontmatter holds more than one YAML document", false, false);
                                return false;
                            }

                            break;
                        case Scalar s:
                            if (!Add(new YNode(YKind.Scalar, evStart, s.Value, s.Style, false) { End = evEnd }))
                            {
                                return false;
                            }

                            break;
                        case AnchorAlias a:
                            if (!Add(new YNode(YKind.Alias, evStart, a.Value.Value, ScalarStyle.Any, false) { End = evEnd }))
                            {
                                return false;
                            }

                            break;
                        case SequenceStart ss:
                        {
                            var node = new YNode(YKind.Sequence, evStart, string.Empty, ScalarStyle.Any, ss.Style == SequenceStyle.Flow);
                            if (!Open(node))
                            {
                                return false;
                            }

                            break;
                        }

                        case MappingStart ms:
                        {
                            var node = new YNode(YKind.Mapping, evStart, string.Empty, ScalarStyle.Any, ms.Style == MappingStyle.Flow);
                            if (!Open(node))
                            {
                                return false;
                            }

                            break;
                        }

                        case SequenceEnd:
                        case MappingEnd:
                        {
                            YNode closed = stack.Pop();
                            pendingKey.Pop();
                            closed.End = Math.Max(closed.Start, evEnd);
                            if (!Add(closed))
                            {
                                return false;
                            }

                            break;
                        }
                    }
                }

                return true;
            }
            catch (YamlException ex)
            {
                int offset = start + (int)Math.Max(0, Math.Min(ex.Start.Index, end - start));
                string message = StripMarks(ex.Message);
                bool colon = message.IndexOf("Mapping values are not allowed", StringComparison.OrdinalIgnoreCase) >= 0;
                state.Error = new YamlError(offset, 1, colon ? "a plain value cannot contain ': '; quote the value" : Humanize(message), false, colon);
                return false;
            }
            catch (YamlReaderFailure)
            {
                // YamlDotNet itself failed on bad input (see MoveNext): still invalid YAML, after the last event read.
                state.Error = new YamlError(Math.Min(lastOffset, Math.Max(start, end - 1)), 1, "the YAML reader could not continue after this point (an invalid character, escape or structure)", false, false);
                return false;
            }

            bool Open(YNode node)
            {
                if (stack.Count >= MaxDepth)
                {
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter nests deeper than {MaxDepth} levels", true, false);
                    return false;
                }

                if (++nodes > MaxNodes)
                {
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter has more than {MaxNodes} YAML nodes", true, false);
                    return false;
                }

                stack.Push(node);
                pendingKey.Push(null);
                return true;
            }

            bool Add(YNode node)
            {
                if (node.Kind is YKind.Scalar or YKind.Alias && ++nodes > MaxNodes)
                {
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter has more than {MaxNodes} YAML nodes", true, false);
                    return false;
                }

                if (stack.Count == 0)
                {
                    state.Root ??= node;
                    return true;
                }

                YNode parent = stack.Peek();
                if (parent.Kind == YKind.Sequence)
                {
                    parent.Items.Add(node);
                }
                else
                {
                    YNode? key = pendingKey.Pop();
                    if (key is null)
                    {
                        pendingKey.Push(node);
                    }
                    else
                    {
                        parent.Entries.Add(new KeyValuePair<YNode, YNode>(key, node));
                        pendingKey.Push(null);
                    }
                }

                return true;
            }
        }

        /// <summary>
        /// YamlDotNet's MoveNext. On some invalid input YamlDotNet 16.3 throws something other than
        /// a YamlException: InvalidOperationException from Scanner.ScanPlainScalar (an unclosed flow
        /// mapping inside a block mapping), ArgumentOutOfRangeException for the escapes
        /// "\uDFFF\uD800". Those are its bugs, not ours: they become a YAML error. Exceptions from
        /// AgentGen's own code are not caught here (the parser's guard reports them as AGEN099).
        /// </summary>
        private static bool MoveNext(Parser parser)
        {
            try
            {
                return parser.MoveNext();
            }
            catch (YamlException)
            {
                throw;
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or FormatException or OverflowException or InvalidCastException or KeyNotFoundException)
            {
                throw new YamlReaderFailure(ex);
            }
        }

        private sealed class YamlReaderFailure : Exception
        {
            public YamlReaderFailure(Exception inner)
                : base(inner.Message, inner)
            {
            }
        }

        /// <summary>YamlDotNet prefixes messages with "(Line: 1, Col: 2, Idx: 3) - (Line: ...): ".</summary>
        private static string StripMarks(string message)
        {
            if (message.StartsWith("(Line:", StringComparison.Ordinal))
            {
                int dash = message.IndexOf(") - (", StringComparison.Ordinal);
                int colon = dash >= 0 ? message.IndexOf("): ", dash + 5, StringComparison.Ordinal) : -1;
                if (colon >= 0)
                {
                    return message.Substring(colon + 3);
                }
            }

            return message;
        }

        private static string Humanize(string message)
        {
            string m = message.Trim();
            if (m.EndsWith(".", StringComparison.Ordinal))
            {
                m = m.Substring(0, m.Length - 1);
            }

            return m.Length == 0 ? "syntax error" : char.ToLowerInvariant(m[0]) + m.Substring(1);
        }
    }
}
