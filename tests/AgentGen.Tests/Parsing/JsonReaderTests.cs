using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using AgentGen.Parsing;

namespace AgentGen.Tests.Parsing
{
    public class JsonReaderTests
    {
        private static JsonNode Parse(string text)
        {
            bool ok = JsonReader.TryParse(text, 0, text.Length, out JsonNode? root, out JsonError error);
            Assert.True(ok, "Expected success but got: " + error);
            Assert.NotNull(root);
            Assert.Equal(string.Empty, error.Message);
            return root!;
        }

        private static JsonError Fail(string text) => Fail(text, 0, text.Length);

        private static JsonError Fail(string text, int start, int end)
        {
            bool ok = JsonReader.TryParse(text, start, end, out JsonNode? root, out JsonError error);
            Assert.False(ok, "Expected failure for: " + text);
            Assert.Null(root);
            Assert.False(string.IsNullOrEmpty(error.Message));
            return error;
        }

        private static string Span(string text, int start, int end) => text.Substring(start, end - start);

        // ---------------------------------------------------------------- valid documents

        [Fact]
        public void NestedDocument_HasExpectedShape()
        {
            const string text = "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\",\"f\":[]},\"g\":{}}";
            JsonNode root = Parse(text);

            Assert.Equal(JsonKind.Object, root.Kind);
            Assert.Equal(0, root.Start);
            Assert.Equal(text.Length, root.End);
            Assert.Null(root.Text);
            Assert.Empty(root.Items);
            Assert.Equal(new[] { "a", "b", "c", "g" }, root.Properties.Select(p => p.Name).ToArray());

            JsonNode a = root.Properties[0].Value;
            Assert.Equal(JsonKind.Number, a.Kind);
            Assert.Equal("1", a.Text);

            JsonNode b = root.Properties[1].Value;
            Assert.Equal(JsonKind.Array, b.Kind);
            Assert.Empty(b.Properties);
            Assert.Equal(new[] { JsonKind.True, JsonKind.False, JsonKind.Null }, b.Items.Select(i => i.Kind).ToArray());
            Assert.All(b.Items, i => Assert.Null(i.Text));

            JsonNode c = root.Properties[2].Value;
            Assert.Equal(JsonKind.Object, c.Kind);
            Assert.Equal("d", c.Properties[0].Name);
            Assert.Equal(JsonKind.String, c.Properties[0].Value.Kind);
            Assert.Equal("e", c.Properties[0].Value.Text);
            Assert.Equal(JsonKind.Array, c.Properties[1].Value.Kind);
            Assert.Empty(c.Properties[1].Value.Items);

            JsonNode g = root.Properties[3].Value;
            Assert.Equal(JsonKind.Object, g.Kind);
            Assert.Empty(g.Properties);
        }

        [Theory]
        [InlineData("\"x\"", "String")]
        [InlineData("123", "Number")]
        [InlineData("true", "True")]
        [InlineData("false", "False")]
        [InlineData("null", "Null")]
        [InlineData("[]", "Array")]
        [InlineData("{}", "Object")]
        [InlineData(" \t\r\n null \t\r\n ", "Null")]
        public void TopLevelScalarsAndContainers(string text, string kind)
        {
            JsonNode root = Parse(text);
            Assert.Equal(kind, root.Kind.ToString());
            Assert.Equal(text.Trim(), Span(text, root.Start, root.End));
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-0")]
        [InlineData("7")]
        [InlineData("-42")]
        [InlineData("1.5")]
        [InlineData("-1.5e10")]
        [InlineData("1E+2")]
        [InlineData("1e-2")]
        [InlineData("0.0001")]
        [InlineData("0e0")]
        [InlineData("-0.0E-0")]
        [InlineData("6.02214076e23")]
        [InlineData("123456789012345678901234567890123456789")]
        public void Numbers_KeepRawText(string number)
        {
            string text = "[ " + number + " ]";
            JsonNode item = Parse(text).Items.Single();
            Assert.Equal(JsonKind.Number, item.Kind);
            Assert.Equal(number, item.Text);
            Assert.Equal(2, item.Start);
            Assert.Equal(2 + number.Length, item.End);
        }

        [Fact]
        public void SimpleEscapes_AreUnescaped()
        {
            JsonNode s = Parse("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"");
            Assert.Equal("a\"b\\c/d\be\ff\ng\rh\ti", s.Text);
        }

        [Fact]
        public void UnicodeEscapes_AreDecoded()
        {
            Assert.Equal("A\u00e9\u4e2d", Parse("\"\\u0041\\u00e9\\u4E2D\"").Text);
            Assert.Equal("\U0001F600", Parse("\"\\uD83D\\uDE00\"").Text);
            Assert.Equal("\u0000", Parse("\"\\u0000\"").Text);
        }

        [Fact]
        public void LoneSurrogateEscape_IsProducedAsIs()
        {
            Assert.Equal("x\uD800y", Parse("\"x\\uD800y\"").Text);
            Assert.Equal("\uDC00", Parse("\"\\udc00\"").Text);
        }

        [Fact]
        public void RawUnicode_IsKept()
        {
            const string value = "caf\u00e9 \u4e2d\u6587 \U0001F600 \u00a0";
            JsonNode s = Parse("\"" + value + "\"");
            Assert.Equal(value, s.Text);
        }

        [Fact]
        public void EscapesMixedWithRawText()
        {
            JsonNode root = Parse("{\"k\\u0065y\":\"line1\\nline2 \\\"q\\\" end\"}");
            Assert.Equal("key", root.Properties[0].Name);
            Assert.Equal("line1\nline2 \"q\" end", root.Properties[0].Value.Text);
        }

        [Fact]
        public void EmptyStringAndEmptyName()
        {
            JsonNode root = Parse("{\"\":\"\"}");
            Assert.Equal(string.Empty, root.Properties[0].Name);
            Assert.Equal(string.Empty, root.Properties[0].Value.Text);
        }

        [Fact]
        public void DuplicateProperties_AreKeptInOrder()
        {
            JsonNode root = Parse("{\"a\":1,\"b\":2,\"a\":3}");
            Assert.Equal(3, root.Properties.Count);
            Assert.Equal("a", root.Properties[0].Name);
            Assert.Equal("1", root.Properties[0].Value.Text);
            Assert.Equal("a", root.Properties[2].Name);
            Assert.Equal("3", root.Properties[2].Value.Text);
        }

        [Fact]
        public void Offsets_OfPropertiesAndValues()
        {
            const string text = "  {\"name\" : \"x\\ty\", \"list\": [1, 22, {\"q\":null}]}  ";
            JsonNode root = Parse(text);
            Assert.Equal(2, root.Start);
            Assert.Equal(text.Length - 2, root.End);

            JsonProperty name = root.Properties[0];
            Assert.Equal(3, name.NameStart);
            Assert.Equal(9, name.NameEnd);
            Assert.Equal("\"name\"", Span(text, name.NameStart, name.NameEnd));
            Assert.Equal("\"x\\ty\"", Span(text, name.Value.Start, name.Value.End));
            Assert.Equal("x\ty", name.Value.Text);

            JsonProperty list = root.Properties[1];
            Assert.Equal("\"list\"", Span(text, list.NameStart, list.NameEnd));
            Assert.Equal("[1, 22, {\"q\":null}]", Span(text, list.Value.Start, list.Value.End));
            Assert.Equal("1", Span(text, list.Value.Items[0].Start, list.Value.Items[0].End));
            Assert.Equal("22", Span(text, list.Value.Items[1].Start, list.Value.Items[1].End));
            JsonNode inner = list.Value.Items[2];
            Assert.Equal("{\"q\":null}", Span(text, inner.Start, inner.End));
            Assert.Equal("null", Span(text, inner.Properties[0].Value.Start, inner.Properties[0].Value.End));
        }

        [Fact]
        public void SubRange_IsParsedWithAbsoluteOffsets()
        {
            const string text = "xx [1, \"a\"] yy";
            Assert.True(JsonReader.TryParse(text, 2, 12, out JsonNode? root, out _));
            Assert.Equal(3, root!.Start);
            Assert.Equal(11, root.End);
            Assert.Equal(4, root.Items[0].Start);
            Assert.Equal(7, root.Items[1].Start);
            Assert.Equal(10, root.Items[1].End);
        }

        [Fact]
        public void SubRange_EndIsAHardLimit()
        {
            // The closing bracket lies just beyond `end`.
            JsonError e = Fail("[1,2]", 0, 4);
            Assert.Equal(4, e.Offset);
            Assert.Contains("Unterminated array", e.Message);

            // A number is not extended past `end`.
            Assert.True(JsonReader.TryParse("12345", 0, 3, out JsonNode? n, out _));
            Assert.Equal("123", n!.Text);

            // A string's closing quote beyond `end` does not count.
            JsonError s = Fail("\"abc\"", 0, 4);
            Assert.Equal(0, s.Offset);
            Assert.Equal("Unterminated string", s.Message);

            // A literal cut by `end`.
            Assert.Equal(0, Fail("true", 0, 3).Offset);
        }

        [Fact]
        public void MaxDepth_IsAccepted()
        {
            int n = JsonReader.MaxDepth;
            JsonNode root = Parse(new string('[', n) + new string(']', n));
            int depth = 1;
            while (root.Items.Count > 0)
            {
                root = root.Items[0];
                depth++;
            }

            Assert.Equal(n, depth);

            var sb = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                sb.Append("{\"a\":");
            }

            sb.Append("1");
            sb.Append('}', n);
            Parse(sb.ToString());
        }

        [Fact]
        public void MaxDepthPlusOne_IsAnError()
        {
            int n = JsonReader.MaxDepth + 1;
            JsonError e = Fail(new string('[', n) + new string(']', n));
            Assert.Equal(JsonReader.MaxDepth, e.Offset);
            Assert.Equal("Nesting is deeper than 64 levels", e.Message);

            string mixed = string.Concat(Enumerable.Repeat("[{\"k\":", 40)) + "0" + string.Concat(Enumerable.Repeat("}]", 40));
            JsonError m = Fail(mixed);
            Assert.Equal("Nesting is deeper than 64 levels", m.Message);
            Assert.Equal(6 * 32, m.Offset); // the 65th container is the '[' of the 33rd "[{\"k\":" group
        }

        [Fact]
        public void TenThousandNestedArrays_FailWithoutCrashing()
        {
            string open = new string('[', 10000);
            Assert.Equal("Nesting is deeper than 64 levels", Fail(open).Message);
            JsonError e = Fail(open + new string(']', 10000));
            Assert.Equal(64, e.Offset);
        }

        [Fact]
        public void TenThousandNestedObjects_FailWithoutCrashing()
        {
            string open = string.Concat(Enumerable.Repeat("{\"a\":", 10000));
            JsonError e = Fail(open + "1" + new string('}', 10000));
            Assert.Equal("Nesting is deeper than 64 levels", e.Message);
            Assert.Equal(5 * 64, e.Offset);

            // Unclosed, with empty names and whitespace.
            JsonError unclosed = Fail(string.Concat(Enumerable.Repeat("{ \"\" : ", 10000)));
            Assert.Equal("Nesting is deeper than 64 levels", unclosed.Message);
            Assert.Equal(7 * 64, unclosed.Offset);

            // A bare run of '{' fails at the second one: a property name is expected there.
            JsonError braces = Fail(new string('{', 10000));
            Assert.Equal(1, braces.Offset);
        }

        [Fact]
        public void DeepNesting_OnASmallStack_DoesNotOverflow()
        {
            // 64 frames of recursion must fit comfortably even in a small thread stack.
            string text = new string('[', 100000);
            bool ok = true;
            JsonError error = default;
            var thread = new Thread(() => ok = JsonReader.TryParse(text, 0, text.Length, out _, out error), 128 * 1024);
            thread.Start();
            thread.Join();
            Assert.False(ok);
            Assert.Equal("Nesting is deeper than 64 levels", error.Message);
        }

        // ---------------------------------------------------------------- errors

        [Theory]
        [InlineData("", 0, "Expected a JSON value but the input is empty")]
        [InlineData("   \r\n\t", 6, "Expected a JSON value but the input is empty")]
        [InlineData("{", 1, "Unterminated object; expected a property name or '}'")]
        [InlineData("{\"a\"", 4, "Unexpected end of input; expected ':' after a property name")]
        [InlineData("{\"a\" 1}", 5, "Expected ':' after a property name but found '1'")]
        [InlineData("{\"a\":", 5, "Unexpected end of input; expected a JSON value")]
        [InlineData("{\"a\":}", 5, "Expected a JSON value but found '}'")]
        [InlineData("{\"a\":1", 6, "Unterminated object; expected ',' or '}' after a property value")]
        [InlineData("{\"a\":1 \"b\":2}", 7, "Expected ',' or '}' after a property value but found '\"'")]
        [InlineData("{\"a\":1]", 6, "Expected ',' or '}' after a property value but found ']'")]
        [InlineData("{\"a\":1,}", 7, "Trailing comma is not allowed before '}'")]
        [InlineData("{\"a\":1,", 7, "Unterminated object; expected a property name or '}'")]
        [InlineData("{,}", 1, "Expected a property name in double quotes but found ','")]
        [InlineData("{a:1}", 1, "Expected a property name in double quotes but found 'a'")]
        [InlineData("{'a':1}", 1, "Property names must use double quotes, not single quotes")]
        [InlineData("{1:1}", 1, "Expected a property name in double quotes but found '1'")]
        [InlineData("[", 1, "Unterminated array; expected an array item or ']'")]
        [InlineData("[1", 2, "Unterminated array; expected ',' or ']' after an array item")]
        [InlineData("[1,", 3, "Unterminated array; expected an array item or ']'")]
        [InlineData("[1,]", 3, "Trailing comma is not allowed before ']'")]
        [InlineData("[1 2]", 3, "Expected ',' or ']' after an array item but found '2'")]
        [InlineData("[1}", 2, "Expected ',' or ']' after an array item but found '}'")]
        [InlineData("[,1]", 1, "Expected an array item but found ','")]
        [InlineData("[1,,2]", 3, "Expected an array item but found ','")]
        [InlineData("'a'", 0, "Strings must use double quotes, not single quotes")]
        [InlineData("// c\n1", 0, "Comments are not allowed in JSON")]
        [InlineData("[1,/* c */2]", 3, "Comments are not allowed in JSON")]
        [InlineData("{/* c */}", 1, "Comments are not allowed in JSON")]
        [InlineData("[1]/*x*/", 3, "Unexpected character '/' after the JSON value")]
        [InlineData("1 2", 2, "Unexpected character '2' after the JSON value")]
        [InlineData("{} x", 3, "Unexpected character 'x' after the JSON value")]
        [InlineData("truex", 4, "Unexpected character 'x' after the JSON value")]
        [InlineData("\"abc", 0, "Unterminated string")]
        [InlineData("[\"abc\\\"]", 1, "Unterminated string")]
        [InlineData("\"abc\\", 0, "Unterminated string")]
        [InlineData("\"a\\qb\"", 2, "Invalid escape sequence '\\q' in a string")]
        [InlineData("\"a\\'b\"", 2, "Invalid escape sequence '\\'' in a string")]
        [InlineData("\"\\u12G4\"", 1, "Invalid \\u escape; expected 4 hex digits")]
        [InlineData("\"\\u12\"", 1, "Invalid \\u escape; expected 4 hex digits")]
        [InlineData("\"\\u12", 1, "Invalid \\u escape; expected 4 hex digits")]
        [InlineData("\"\\U0041\"", 1, "Invalid escape sequence '\\U' in a string")]
        [InlineData("\"a\nb\"", 2, "Control character U+000A must be escaped in a string")]
        [InlineData("\"a\tb\"", 2, "Control character U+0009 must be escaped in a string")]
        [InlineData("\"\\n\u0001\"", 3, "Control character U+0001 must be escaped in a string")]
        [InlineData("\"\u0000\"", 1, "Control character U+0000 must be escaped in a string")]
        [InlineData("01", 0, "Leading zeros are not allowed in numbers")]
        [InlineData("-01", 1, "Leading zeros are not allowed in numbers")]
        [InlineData("[00]", 1, "Leading zeros are not allowed in numbers")]
        [InlineData("-", 1, "Expected a digit after '-'")]
        [InlineData("-a", 1, "Expected a digit after '-'")]
        [InlineData("- 1", 1, "Expected a digit after '-'")]
        [InlineData("1.", 2, "Expected a digit after the decimal point")]
        [InlineData("1.e5", 2, "Expected a digit after the decimal point")]
        [InlineData("1e", 2, "Expected a digit in the exponent")]
        [InlineData("1e+", 3, "Expected a digit in the exponent")]
        [InlineData("[1E-x]", 4, "Expected a digit in the exponent")]
        [InlineData(".5", 0, "Expected a JSON value but found '.'")]
        [InlineData("+1", 0, "Expected a JSON value but found '+'")]
        [InlineData("1.5.5", 3, "Unexpected character '.' after the JSON value")]
        [InlineData("0x1F", 1, "Unexpected character 'x' after the JSON value")]
        [InlineData("tru", 0, "Invalid literal; expected 'true'")]
        [InlineData("nul", 0, "Invalid literal; expected 'null'")]
        [InlineData("[fals]", 1, "Invalid literal; expected 'false'")]
        [InlineData("True", 0, "Expected a JSON value but found 'T'")]
        [InlineData("NaN", 0, "Expected a JSON value but found 'N'")]
        [InlineData("undefined", 0, "Expected a JSON value but found 'u'")]
        [InlineData("1\u00a0", 1, "Unexpected character U+00A0 after the JSON value")]
        [InlineData("\ufeff{}", 0, "Expected a JSON value but found U+FEFF")]
        public void Errors_HaveOffsetAndMessage(string text, int offset, string message)
        {
            JsonError e = Fail(text);
            Assert.Equal(message, e.Message);
            Assert.Equal(offset, e.Offset);
        }

        [Fact]
        public void InvalidArguments_DoNotThrow()
        {
            Assert.False(JsonReader.TryParse(null!, 0, 0, out JsonNode? root, out JsonError e));
            Assert.Null(root);
            Assert.NotEmpty(e.Message);

            Assert.False(JsonReader.TryParse("[]", -1, 2, out _, out _));
            Assert.False(JsonReader.TryParse("[]", 0, 3, out _, out _));
            Assert.False(JsonReader.TryParse("[]", 2, 1, out _, out _));
            Assert.False(JsonReader.TryParse("[]", 5, 5, out _, out _));
            Assert.False(JsonReader.TryParse("[]", 2, 2, out _, out JsonError empty));
            Assert.Equal(2, empty.Offset);
        }

        [Fact]
        public void DefaultError_HasEmptyMessage()
        {
            JsonError e = default;
            Assert.Equal(string.Empty, e.Message);
            Assert.Equal(0, e.Offset);
        }

        // ---------------------------------------------------------------- robustness

        [Fact]
        public void EveryPrefixOfAValidDocument_FailsGracefully()
        {
            const string doc = "{\"a\":[1,-2.5e+3,true,false,null,\"s\\u00e9\\n\"],\"b\":{\"c\":{}}}";
            Parse(doc);
            for (int len = 0; len < doc.Length; len++)
            {
                string prefix = doc.Substring(0, len);
                Assert.False(JsonReader.TryParse(prefix, 0, prefix.Length, out _, out JsonError e));
                Assert.InRange(e.Offset, 0, prefix.Length);
                Assert.NotEmpty(e.Message);

                // The same prefix as a range inside the full text must give the same answer.
                Assert.False(JsonReader.TryParse(doc, 0, len, out _, out JsonError e2));
                Assert.Equal(e.Offset, e2.Offset);
                Assert.Equal(e.Message, e2.Message);
            }
        }

        [Fact]
        public void RandomMutations_AgreeWithSystemTextJson()
        {
            var random = new Random(12345);
            const string alphabet = "{}[]\",:0123456789-+.eE \n\ttrufalsn\\/abu'x";
            int valid = 0;
            for (int iteration = 0; iteration < 20000; iteration++)
            {
                var sb = new StringBuilder();
                WriteRandomValue(sb, random, 0);
                int mutations = random.Next(0, 3);
                for (int m = 0; m < mutations && sb.Length > 0; m++)
                {
                    int at = random.Next(sb.Length);
                    switch (random.Next(3))
                    {
                        case 0: sb.Remove(at, 1); break;
                        case 1: sb.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        default: sb[at] = alphabet[random.Next(alphabet.Length)]; break;
                    }
                }

                string text = sb.ToString();
                bool ours = JsonReader.TryParse(text, 0, text.Length, out JsonNode? root, out JsonError error);
                System.Text.Json.JsonDocument? reference = null;
                try
                {
                    reference = System.Text.Json.JsonDocument.Parse(text);
                }
                catch (System.Text.Json.JsonException)
                {
                }

                using (reference)
                {
                    Assert.True(ours == (reference is not null), $"Disagreement on <{text}>: ours={ours} ({error})");
                    if (ours)
                    {
                        valid++;
                        AssertSame(text, root!, reference!.RootElement);
                    }
                    else
                    {
                        Assert.InRange(error.Offset, 0, text.Length);
                    }
                }
            }

            Assert.True(valid > 1000, "too few valid samples: " + valid);
        }

        [Fact]
        public void RandomGarbage_NeverThrows()
        {
            var random = new Random(777);
            const string alphabet = "{}[]\"\\,:0-1eE.tfn u\r\n\t\u0001\uD800\uDC00\u00e9/";
            for (int iteration = 0; iteration < 20000; iteration++)
            {
                int length = random.Next(0, 40);
                var chars = new char[length];
                for (int i = 0; i < length; i++)
                {
                    chars[i] = alphabet[random.Next(alphabet.Length)];
                }

                string text = new string(chars);
                int start = random.Next(0, length + 1);
                int end = random.Next(start, length + 1);
                bool ok = JsonReader.TryParse(text, start, end, out JsonNode? root, out JsonError error);
                if (ok)
                {
                    Assert.NotNull(root);
                    Assert.InRange(root!.Start, start, end);
                    Assert.InRange(root.End, root.Start + 1, end);
                }
                else
                {
                    Assert.Null(root);
                    Assert.InRange(error.Offset, start, end);
                    Assert.NotEmpty(error.Message);
                }
            }
        }

        [Fact]
        public void LargeFlatDocuments_Parse()
        {
            var sb = new StringBuilder("[");
            for (int i = 0; i < 100000; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append("{\"id\":").Append(i).Append(",\"name\":\"item\\t").Append(i).Append("\"}");
            }

            sb.Append(']');
            JsonNode root = Parse(sb.ToString());
            Assert.Equal(100000, root.Items.Count);
            Assert.Equal("item\t99999", root.Items[99999].Properties[1].Value.Text);

            string longString = "\"" + new string('a', 1000000) + "\"";
            Assert.Equal(1000000, Parse(longString).Text!.Length);
        }

        private static void WriteRandomValue(StringBuilder sb, Random random, int depth)
        {
            int choice = random.Next(depth > 4 ? 6 : 8);
            switch (choice)
            {
                case 0: sb.Append("true"); break;
                case 1: sb.Append("false"); break;
                case 2: sb.Append("null"); break;
                case 3:
                    {
                        string[] numbers = { "0", "-0", "12", "-3.25", "1e5", "2E-3", "0.5e+10", "123456789" };
                        sb.Append(numbers[random.Next(numbers.Length)]);
                        break;
                    }

                case 4:
                case 5:
                    {
                        string[] strings = { "\"\"", "\"abc\"", "\"a\\nb\"", "\"\\u0041\\u00e9\"", "\"q\\\"q\"", "\"\\\\\"", "\"\\/\"", "\"\u00e9t\u00e9\"" };
                        sb.Append(strings[random.Next(strings.Length)]);
                        break;
                    }

                case 6:
                    {
                        sb.Append('[');
                        int count = random.Next(4);
                        for (int i = 0; i < count; i++)
                        {
                            if (i > 0)
                            {
                                sb.Append(random.Next(4) == 0 ? ", " : ",");
                            }

                            WriteRandomValue(sb, random, depth + 1);
                        }

                        sb.Append(']');
                        break;
                    }

                default:
                    {
                        sb.Append('{');
                        int count = random.Next(4);
                        for (int i = 0; i < count; i++)
                        {
                            if (i > 0)
                            {
                                sb.Append(',');
                            }

                            sb.Append(random.Next(3) == 0 ? "\"k\"" : "\"key" + i + "\"");
                            sb.Append(random.Next(3) == 0 ? " : " : ":");
                            WriteRandomValue(sb, random, depth + 1);
                        }

                        sb.Append('}');
                        break;
                    }
            }
        }

        private static void AssertSame(string text, JsonNode node, System.Text.Json.JsonElement element)
        {
            switch (element.ValueKind)
            {
                case System.Text.Json.JsonValueKind.Object:
                    {
                        Assert.Equal(JsonKind.Object, node.Kind);
                        List<System.Text.Json.JsonProperty> props = element.EnumerateObject().ToList();
                        Assert.Equal(props.Count, node.Properties.Count);
                        for (int i = 0; i < props.Count; i++)
                        {
                            Assert.Equal(props[i].Name, node.Properties[i].Name);
                            Assert.Equal('"', text[node.Properties[i].NameStart]);
                            Assert.Equal('"', text[node.Properties[i].NameEnd - 1]);
                            AssertSame(text, node.Properties[i].Value, props[i].Value);
                        }

                        break;
                    }

                case System.Text.Json.JsonValueKind.Array:
                    {
                        Assert.Equal(JsonKind.Array, node.Kind);
                        List<System.Text.Json.JsonElement> items = element.EnumerateArray().ToList();
                        Assert.Equal(items.Count, node.Items.Count);
                        for (int i = 0; i < items.Count; i++)
                        {
                            AssertSame(text, node.Items[i], items[i]);
                        }

                        break;
                    }

                case System.Text.Json.JsonValueKind.String:
                    Assert.Equal(JsonKind.String, node.Kind);
                    Assert.Equal(element.GetString(), node.Text);
                    break;
                case System.Text.Json.JsonValueKind.Number:
                    Assert.Equal(JsonKind.Number, node.Kind);
                    Assert.Equal(element.GetRawText(), node.Text);
                    break;
                case System.Text.Json.JsonValueKind.True:
                    Assert.Equal(JsonKind.True, node.Kind);
                    break;
                case System.Text.Json.JsonValueKind.False:
                    Assert.Equal(JsonKind.False, node.Kind);
                    break;
                default:
                    Assert.Equal(JsonKind.Null, node.Kind);
                    break;
            }

            // Every node's span is exactly its source text.
            Assert.Equal(element.GetRawText(), text.Substring(node.Start, node.End - node.Start));
        }
    }
}
