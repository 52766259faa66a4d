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

        /// <summary>A plain <c>null</c>, <c>~</c> or empty scalar.</summary>
        public bool IsNull => Kind == YKind.Scalar && Style == ScalarStyle.Plain
            && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");
    }

    /// <summary>What kind of YAML error a <see cref="YamlError"/> is: what the parser can say or offer about it.</summary>
    internal enum YamlErrorKind
    {
        /// <summary>Invalid YAML.</summary>
        Syntax,

        /// <summary>A limit of AgentGen's (depth, node count): AGEN021, not AGEN002.</summary>
        Limit,

        /// <summary>Quoting the plain value at the error fixes it (a first character YAML reserves).</summary>
        NeedsQuotes,

        /// <summary>A ': ' inside a plain scalar ("mapping values are not allowed here"); quoting fixes it too.</summary>
        ColonInPlainValue,
    }

    /// <summary>The first YAML error of a frontmatter: where, how long, YAML's message (lower case, no period), and its kind.</summary>
    internal readonly record struct YamlError(int Offset, int Length, string Message, YamlErrorKind Kind = YamlErrorKind.Syntax)
    {
        public bool IsLimit => Kind == YamlErrorKind.Limit;

        /// <summary>Quoting the plain value at the error fixes it (a ': ' inside it, or a first character YAML reserves).</summary>
        public bool NeedsQuotes => Kind is YamlErrorKind.NeedsQuotes or YamlErrorKind.ColonInPlainValue;

        /// <summary>The error is a ': ' inside a plain scalar.</summary>
        public bool IsColon => Kind == YamlErrorKind.ColonInPlainValue;
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
                                state.Error = new YamlError(evStart, 3, "the frontmatter holds more than one YAML document");
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
                            closed.End = CollectionEnd(text, closed, evStart, evEnd);
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
                state.Error = Describe(text, start, end, ex, OpenFlow(stack));
                return false;
            }
            catch (YamlReaderFailure)
            {
                // YamlDotNet fails this way on some malformed input (e.g. an unclosed '[' or '{'
                // followed by more lines; see MoveNext). It is still a YAML error in the file, not a
                // failure of AgentGen. Exceptions from AgentGen's own code are not caught here.
                YNode? flow = OpenFlow(stack);
                state.Error = flow is not null
                    ? UnclosedFlow(text, flow)
                    : new YamlError(Math.Min(Math.Max(lastOffset, LastOffset(stack, state, start)), Math.Max(start, end - 1)), 1, "syntax error (an invalid character, escape or structure)");
                return false;
            }

            bool Open(YNode node)
            {
                if (stack.Count >= MaxDepth)
                {
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter nests deeper than {MaxDepth} levels", YamlErrorKind.Limit);
                    return false;
                }

                if (++nodes > MaxNodes)
                {
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter has more than {MaxNodes} YAML nodes", YamlErrorKind.Limit);
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
                    state.Error = new YamlError(node.Start, 1, $"the frontmatter has more than {MaxNodes} YAML nodes", YamlErrorKind.Limit);
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

        /// <summary>
        /// Where a collection ends: after its closing bracket when it is a flow collection (YamlDotNet
        /// marks the bracket itself), after its last child when it is a block collection (YamlDotNet
        /// marks the next token, which may lie after blank lines and comments).
        /// </summary>
        private static int CollectionEnd(string text, YNode node, int evStart, int evEnd)
        {
            if (node.IsFlow)
            {
                char close = node.Kind == YKind.Sequence ? ']' : '}';
                return evStart < text.Length && text[evStart] == close ? evStart + 1 : Math.Max(node.Start, evEnd);
            }

            int end = node.Start;
            if (node.Kind == YKind.Sequence && node.Items.Count > 0)
            {
                end = Math.Max(end, node.Items[node.Items.Count - 1].End);
            }
            else if (node.Kind == YKind.Mapping && node.Entries.Count > 0)
            {
                KeyValuePair<YNode, YNode> last = node.Entries[node.Entries.Count - 1];
                end = Math.Max(end, Math.Max(last.Key.End, last.Value.End));
            }

            return end;
        }

        private static YNode? OpenFlow(Stack<YNode> stack)
        {
            YNode? outermost = null;
            foreach (YNode node in stack)
            {
                // Stack enumerates from the top: keep the outermost open flow collection.
                if (node.IsFlow)
                {
                    outermost = node;
                }
            }

            return outermost;
        }

        private static YamlError UnclosedFlow(string text, YNode flow)
        {
            bool list = flow.Kind == YKind.Sequence;
            return new YamlError(flow.Start, 1, list
                ? "the list opened with '[' is never closed with ']' (or the value needs quotes)"
                : "the map opened with '{' is never closed with '}' (or the value needs quotes)");
        }

        private static int LastOffset(Stack<YNode> stack, ReadState state, int start)
            => stack.Count > 0 ? stack.Peek().Start : state.Root?.Start ?? start;

        /// <summary>
        /// Turns YamlDotNet's exception into an error at the character that is actually wrong, with
        /// a message that says how to fix it. YamlDotNet's Start mark is sometimes the start of the
        /// token being scanned rather than the offending character (a tab, a bad escape), and at the
        /// end of the input for an unclosed flow collection.
        /// </summary>
        private static YamlError Describe(string text, int start, int end, YamlException ex, YNode? openFlow)
        {
            string raw = StripMarks(ex.Message);
            int at = Clamp(start + (int)Math.Max(0, ex.Start.Index), start, end);
            int atEnd = Clamp(start + (int)Math.Max(0, ex.End.Index), start, end);
            char c = at < end ? text[at] : '\0';

            if (Contains(raw, "found invalid mapping") || Contains(raw, "Mapping values are not allowed"))
            {
                return new YamlError(at, 1, "a plain value cannot contain ': '; quote the value", YamlErrorKind.ColonInPlainValue);
            }

            if (Contains(raw, "tab character"))
            {
                int tab = text.IndexOf('\t', at, Math.Max(0, Math.Min(end, atEnd + 1) - at));
                return new YamlError(tab >= 0 ? tab : at, 1, "a tab is used for indentation; YAML allows only spaces");
            }

            if (Contains(raw, "unknown escape character"))
            {
                int backslash = text.IndexOf('\\', atEnd, Math.Max(0, end - atEnd));
                int pos = backslash >= 0 ? backslash : atEnd;
                return new YamlError(pos, Math.Min(2, end - pos), "unknown escape sequence in a double-quoted value; write '\\\\' for a backslash, or use single quotes");
            }

            if (Contains(raw, "quoted scalar") && (c == '"' || c == '\''))
            {
                string quote = c == '"' ? "double quote (\")" : "single quote (')";
                return new YamlError(at, 1, $"the quoted value that starts here is never closed: add the closing {quote}");
            }

            if (openFlow is not null && IsAtEnd(text, at, end))
            {
                return UnclosedFlow(text, openFlow);
            }

            if (Contains(raw, "cannot start any token") || (Contains(raw, "did not find expected node content") && c is ',' or '%' or '@' or '`' or ']' or '}'))
            {
                return new YamlError(at, 1, $"a plain value cannot start with '{c}'; quote the value", YamlErrorKind.NeedsQuotes);
            }

            if (Contains(raw, "Block sequence entries are not allowed"))
            {
                return new YamlError(at, 1, "a '- ' list cannot start on the line of its field: put each item on a line of its own, or quote the value");
            }

            if (Contains(raw, "did not find expected key") && at > start && (text[at - 1] == '"' || text[at - 1] == '\''))
            {
                return new YamlError(at, 1, "text follows the closing quote of a quoted value: quote the whole value (inside '...' write '' for a single quote, inside \"...\" write \\\")");
            }

            if (Contains(raw, "did not find expected key") || Contains(raw, "did not find expected <document end>"))
            {
                return new YamlError(at, 1, "unexpected text here: a line must be a new 'field: value' or continue the value above it (check the quotes and the indentation)");
            }

            return new YamlError(at, 1, Humanize(raw));
        }

        private static bool Contains(string s, string part) => s.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        private static int Clamp(int value, int min, int max) => Math.Max(min, Math.Min(value, max));

        private static bool IsAtEnd(string text, int at, int end)
        {
            for (int i = at; i < end; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
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
