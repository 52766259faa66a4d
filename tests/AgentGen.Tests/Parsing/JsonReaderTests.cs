using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using AgentGen.Parsing;

namespace AgentGen.Tests.Parsing
{
    /// <summary>Valid documents, offsets and depth limits; errors and random inputs are in JsonReaderTests.Errors.cs.</summary>
    public partial class JsonReaderTests
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
    }
}
