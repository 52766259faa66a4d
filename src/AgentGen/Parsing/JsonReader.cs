using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AgentGen.Parsing
{
    /// <summary>The kind of a <see cref="JsonNode"/>.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>One parsed JSON value with its source span.</summary>
    internal sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];
        private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

        internal JsonNode(
            JsonKind kind,
            int start,
            int end,
            string? text,
            IReadOnlyList<JsonProperty>? properties,
            IReadOnlyList<JsonNode>? items)
        {
            Kind = kind;
            Start = start;
            End = end;
            Text = text;
            Properties = properties ?? NoProperties;
            Items = items ?? NoItems;
        }

        /// <summary>What kind of value this is.</summary>
        public JsonKind Kind { get; }

        /// <summary>Offset of the first char of the value in the parsed string.</summary>
        public int Start { get; }

        /// <summary>Offset one past the last char of the value.</summary>
        public int End { get; }

        /// <summary>String: the unescaped value; Number: the raw number text; otherwise null.</summary>
        public string? Text { get; }

        /// <summary>Object only: the members in file order, duplicates kept; otherwise empty.</summary>
        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>Array only: the items in file order; otherwise empty.</summary>
        public IReadOnlyList<JsonNode> Items { get; }

        /// <summary>A short description for debugging.</summary>
        public override string ToString() => Kind + " [" + Start + ".." + End + ")" + (Text is null ? "" : " " + Text);
    }

    /// <summary>One member of a JSON object.</summary>
    internal readonly struct JsonProperty
    {
        public JsonProperty(string name, int nameStart, int nameEnd, JsonNode value)
        {
            Name = name;
            NameStart = nameStart;
            NameEnd = nameEnd;
            Value = value;
        }

        /// <summary>The unescaped property name.</summary>
        public string Name { get; }

        /// <summary>Offset of the opening quote of the name.</summary>
        public int NameStart { get; }

        /// <summary>Offset one past the closing quote of the name.</summary>
        public int NameEnd { get; }

        /// <summary>The property value.</summary>
        public JsonNode Value { get; }
    }

    /// <summary>A JSON syntax error.</summary>
    internal readonly struct JsonError
    {
        private readonly string? _message;

        public JsonError(int offset, string message)
        {
            Offset = offset;
            _message = message;
        }

        /// <summary>Offset into the parsed string where the problem is.</summary>
        public int Offset { get; }

        /// <summary>A short human-readable message (empty for <c>default</c>).</summary>
        public string Message => _message ?? string.Empty;

        public override string ToString() => "(" + Offset + ") " + Message;
    }

    /// <summary>
    /// A small strict RFC 8259 JSON parser with source offsets. It never throws and never
    /// recurses deeper than <see cref="MaxDepth"/> + 1 frames.
    /// </summary>
    internal static class JsonReader
    {
        /// <summary>The deepest nesting of objects/arrays that is accepted.</summary>
        public const int MaxDepth = 64;

        /// <summary>
        /// Parses exactly one JSON value in <c>text[start..end)</c>; whitespace around it is allowed.
        /// </summary>
        public static bool TryParse(string text, int start, int end, out JsonNode? root, out JsonError error)
        {
            root = null;
            if (text is null)
            {
                error = new JsonError(0, "No text to parse");
                return false;
            }

            if (start < 0 || start > text.Length || end < start || end > text.Length)
            {
                error = new JsonError(start < 0 ? 0 : Math.Min(start, text.Length), "Invalid range to parse");
                return false;
            }

            var parser = new Parser(text, end);
            int pos = parser.SkipWhitespace(start);
            if (pos >= end)
            {
                error = new JsonError(end, "Expected a JSON value but the input is empty");
                return false;
            }

            JsonNode? value = parser.ParseValue(ref pos, 0);
            if (value is null)
            {
                error = parser.Error;
                return false;
            }

            pos = parser.SkipWhitespace(pos);
            if (pos < end)
            {
                error = new JsonError(pos, "Unexpected character " + Describe(text[pos]) + " after the JSON value");
                return false;
            }

            root = value;
            error = default;
            return true;
        }

        internal static string Describe(char c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return "'" + c + "'";
            }

            return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
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

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private sealed class Parser
        {
            private readonly string _text;
            private readonly int _end;
            private StringBuilder? _builder;

            public Parser(string text, int end)
            {
                _text = text;
                _end = end;
            }

            public JsonError Error { get; private set; }

            public int SkipWhitespace(int pos)
            {
                while (pos < _end)
                {
                    char c = _text[pos];
                    if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                    {
                        break;
                    }

                    pos++;
                }

                return pos;
            }

            private JsonNode? Fail(int offset, string message)
            {
                Error = new JsonError(offset, message);
                return null;
            }

            /// <summary>
            /// Parses a value at <paramref name="pos"/> (which must be at a non-whitespace char or the end).
            /// <paramref name="depth"/> is the number of enclosing containers.
            /// </summary>
            public JsonNode? ParseValue(ref int pos, int depth)
            {
                if (pos >= _end)
                {
                    return Fail(_end, "Unexpected end of input; expected a JSON value");
                }

                char c = _text[pos];
                switch (c)
                {
                    case '{':
                        return ParseObject(ref pos, depth + 1);
                    case '[':
                        return ParseArray(ref pos, depth + 1);
                    case '"':
                        {
                            int begin = pos;
                            string? s = ParseString(ref pos);
                            return s is null ? null : new JsonNode(JsonKind.String, begin, pos, s, null, null);
                        }

                    case 't':
                        return ParseLiteral(ref pos, "true", JsonKind.True);
                    case 'f':
                        return ParseLiteral(ref pos, "false", JsonKind.False);
                    case 'n':
                        return ParseLiteral(ref pos, "null", JsonKind.Null);
                    case '-':
                    case '0':
                    case '1':
                    case '2':
                    case '3':
                    case '4':
                    case '5':
                    case '6':
                    case '7':
                    case '8':
                    case '9':
                        return ParseNumber(ref pos);
                    case '\'':
                        return Fail(pos, "Strings must use double quotes, not single quotes");
                    case '/':
                        return Fail(pos, "Comments are not allowed in JSON");
                    default:
                        return Fail(pos, "Expected a JSON value but found " + Describe(c));
                }
            }

            private JsonNode? ParseObject(ref int pos, int depth)
            {
                int begin = pos;
                if (depth > MaxDepth)
                {
                    return Fail(pos, "Nesting is deeper than " + MaxDepth + " levels");
                }

                pos = SkipWhitespace(pos + 1);
                List<JsonProperty>? props = null;
                if (pos < _end && _text[pos] == '}')
                {
                    pos++;
                    return new JsonNode(JsonKind.Object, begin, pos, null, null, null);
                }

                while (true)
                {
                    if (pos >= _end)
                    {
                        return Fail(_end, "Unterminated object; expected a property name or '}'");
                    }

                    char c = _text[pos];
                    if (c != '"')
                    {
                        if (c == '}' && props is not null)
                        {
                            return Fail(pos, "Trailing comma is not allowed before '}'");
                        }

                        if (c == '\'')
                        {
                            return Fail(pos, "Property names must use double quotes, not single quotes");
                        }

                        if (c == '/')
                        {
                            return Fail(pos, "Comments are not allowed in JSON");
                        }

                        return Fail(pos, "Expected a property name in double quotes but found " + Describe(c));
                    }

                    int nameStart = pos;
                    string? name = ParseString(ref pos);
                    if (name is null)
                    {
                        return null;
                    }

                    int nameEnd = pos;
                    pos = SkipWhitespace(pos);
                    if (pos >= _end)
                    {
                        return Fail(_end, "Unexpected end of input; expected ':' after a property name");
                    }

                    if (_text[pos] != ':')
                    {
                        return Fail(pos, "Expected ':' after a property name but found " + Describe(_text[pos]));
                    }

                    pos = SkipWhitespace(pos + 1);
                    JsonNode? value = ParseValue(ref pos, depth);
                    if (value is null)
                    {
                        return null;
                    }

                    props ??= new List<JsonProperty>();
                    props.Add(new JsonProperty(name, nameStart, nameEnd, value));

                    pos = SkipWhitespace(pos);
                    if (pos >= _end)
                    {
                        return Fail(_end, "Unterminated object; expected ',' or '}' after a property value");
                    }

                    c = _text[pos];
                    if (c == '}')
                    {
                        pos++;
                        return new JsonNode(JsonKind.Object, begin, pos, null, props, null);
                    }

                    if (c != ',')
                    {
                        return Fail(pos, "Expected ',' or '}' after a property value but found " + Describe(c));
                    }

                    pos = SkipWhitespace(pos + 1);
                }
            }

            private JsonNode? ParseArray(ref int pos, int depth)
            {
                int begin = pos;
                if (depth > MaxDepth)
                {
                    return Fail(pos, "Nesting is deeper than " + MaxDepth + " levels");
                }

                pos = SkipWhitespace(pos + 1);
                if (pos < _end && _text[pos] == ']')
                {
                    pos++;
                    return new JsonNode(JsonKind.Array, begin, pos, null, null, null);
                }

                var items = new List<JsonNode>();
                while (true)
                {
                    if (pos < _end && _text[pos] == ']' && items.Count > 0)
                    {
                        return Fail(pos, "Trailing comma is not allowed before ']'");
                    }

                    if (pos < _end && _text[pos] == ',')
                    {
                        return Fail(pos, "Expected an array item but found ','");
                    }

                    if (pos >= _end)
                    {
                        return Fail(_end, "Unterminated array; expected an array item or ']'");
                    }

                    JsonNode? item = ParseValue(ref pos, depth);
                    if (item is null)
                    {
                        return null;
                    }

                    items.Add(item);
                    pos = SkipWhitespace(pos);
                    if (pos >= _end)
                    {
                        return Fail(_end, "Unterminated array; expected ',' or ']' after an array item");
                    }

                    char c = _text[pos];
                    if (c == ']')
                    {
                        pos++;
                        return new JsonNode(JsonKind.Array, begin, pos, null, null, items);
                    }

                    if (c != ',')
                    {
                        return Fail(pos, "Expected ',' or ']' after an array item but found " + Describe(c));
                    }

                    pos = SkipWhitespace(pos + 1);
                }
            }

            private JsonNode? ParseLiteral(ref int pos, string literal, JsonKind kind)
            {
                int begin = pos;
                int i = 0;
                while (i < literal.Length && pos + i < _end && _text[pos + i] == literal[i])
                {
                    i++;
                }

                if (i < literal.Length)
                {
                    return Fail(begin, "Invalid literal; expected '" + literal + "'");
                }

                pos += literal.Length;
                return new JsonNode(kind, begin, pos, null, null, null);
            }

            private JsonNode? ParseNumber(ref int pos)
            {
                int begin = pos;
                int p = pos;
                if (_text[p] == '-')
                {
                    p++;
                    if (p >= _end || !IsDigit(_text[p]))
                    {
                        return Fail(p, "Expected a digit after '-'");
                    }
                }

                if (_text[p] == '0')
                {
                    p++;
                    if (p < _end && IsDigit(_text[p]))
                    {
                        return Fail(p - 1, "Leading zeros are not allowed in numbers");
                    }
                }
                else
                {
                    while (p < _end && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                if (p < _end && _text[p] == '.')
                {
                    p++;
                    if (p >= _end || !IsDigit(_text[p]))
                    {
                        return Fail(p, "Expected a digit after the decimal point");
                    }

                    while (p < _end && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                if (p < _end && (_text[p] == 'e' || _text[p] == 'E'))
                {
                    p++;
                    if (p < _end && (_text[p] == '+' || _text[p] == '-'))
                    {
                        p++;
                    }

                    if (p >= _end || !IsDigit(_text[p]))
                    {
                        return Fail(p, "Expected a digit in the exponent");
                    }

                    while (p < _end && IsDigit(_text[p]))
                    {
                        p++;
                    }
                }

                pos = p;
                return new JsonNode(JsonKind.Number, begin, p, _text.Substring(begin, p - begin), null, null);
            }

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
