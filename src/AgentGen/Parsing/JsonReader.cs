using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AgentGen.Parsing
{
    /// <summary>
    /// A small strict RFC 8259 JSON parser with source offsets. It never throws and never
    /// recurses deeper than <see cref="MaxDepth"/> + 1 frames.
    /// </summary>
    internal static partial class JsonReader
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

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private sealed partial class Parser
        {
            private readonly string _text;
            private readonly int _end;

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
                    case '{' or '[' when depth + 1 > MaxDepth:
                        return Fail(pos, "Nesting is deeper than " + MaxDepth + " levels");
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
                    case '-' or (>= '0' and <= '9'):
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

                    if (!TryReadSeparator(ref pos, '}', "a property value", "object", out bool closed))
                    {
                        return null;
                    }

                    if (closed)
                    {
                        return new JsonNode(JsonKind.Object, begin, pos, null, props, null);
                    }
                }
            }

            private JsonNode? ParseArray(ref int pos, int depth)
            {
                int begin = pos;
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
                    if (!TryReadSeparator(ref pos, ']', "an array item", "array", out bool closed))
                    {
                        return null;
                    }

                    if (closed)
                    {
                        return new JsonNode(JsonKind.Array, begin, pos, null, null, items);
                    }
                }
            }

            /// <summary>
            /// After an object's member or an array's item: <paramref name="close"/> ends the container
            /// (<paramref name="closed"/>, <paramref name="pos"/> past it), ',' continues
            /// (<paramref name="pos"/> at the next token); anything else is an error.
            /// </summary>
            private bool TryReadSeparator(ref int pos, char close, string after, string container, out bool closed)
            {
                closed = false;
                pos = SkipWhitespace(pos);
                if (pos >= _end)
                {
                    Fail(_end, "Unterminated " + container + "; expected ',' or '" + close + "' after " + after);
                    return false;
                }

                char c = _text[pos];
                if (c == close)
                {
                    pos++;
                    closed = true;
                    return true;
                }

                if (c != ',')
                {
                    Fail(pos, "Expected ',' or '" + close + "' after " + after + " but found " + Describe(c));
                    return false;
                }

                pos = SkipWhitespace(pos + 1);
                return true;
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

            private int SkipDigits(int p)
            {
                while (p < _end && IsDigit(_text[p]))
                {
                    p++;
                }

                return p;
            }

            private JsonNode? ParseNumber(ref int pos)
            {
                int begin = pos;
                int p = _text[pos] == '-' ? pos + 1 : pos;
                if (p >= _end || !IsDigit(_text[p]))
                {
                    return Fail(p, "Expected a digit after '-'");
                }

                if (_text[p] == '0')
                {
                    if (++p < _end && IsDigit(_text[p]))
                    {
                        return Fail(p - 1, "Leading zeros are not allowed in numbers");
                    }
                }
                else
                {
                    p = SkipDigits(p);
                }

                if (p < _end && _text[p] == '.')
                {
                    if (++p >= _end || !IsDigit(_text[p]))
                    {
                        return Fail(p, "Expected a digit after the decimal point");
                    }

                    p = SkipDigits(p);
                }

                if (p < _end && (_text[p] == 'e' || _text[p] == 'E'))
                {
                    if (++p < _end && (_text[p] == '+' || _text[p] == '-'))
                    {
                        p++;
                    }

                    if (p >= _end || !IsDigit(_text[p]))
                    {
                        return Fail(p, "Expected a digit in the exponent");
                    }

                    p = SkipDigits(p);
                }

                pos = p;
                return new JsonNode(JsonKind.Number, begin, p, _text.Substring(begin, p - begin), null, null);
            }
        }
    }
}
