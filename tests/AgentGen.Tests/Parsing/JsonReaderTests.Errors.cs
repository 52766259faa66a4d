using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using AgentGen.Parsing;

namespace AgentGen.Tests.Parsing
{
    /// <summary>Errors (offset and message), no throw on any input, and agreement with System.Text.Json on random mutations.</summary>
    public partial class JsonReaderTests
    {
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
