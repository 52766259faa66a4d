using AgentGen.CodeFixes;
using AgentGen.Parsing;

namespace AgentGen.Tests.Parsing;

/// <summary>The one JSON-escape decoder (<see cref="JsonEscape"/>) gives the JSON reader and the AGEN002 repair the same text.</summary>
public class JsonEscapeTests
{
    [Theory]
    [InlineData("\\\"", '"', 2)]
    [InlineData("\\\\", '\\', 2)]
    [InlineData("\\/", '/', 2)]
    [InlineData("\\b", '\b', 2)]
    [InlineData("\\f", '\f', 2)]
    [InlineData("\\n", '\n', 2)]
    [InlineData("\\r", '\r', 2)]
    [InlineData("\\t", '\t', 2)]
    [InlineData("\\u00e9", 'é', 6)]
    [InlineData("\\u2014x", '—', 6)]
    public void Every_json_escape_is_read(string text, char value, int length)
    {
        Assert.True(JsonEscape.TryRead(text, 0, text.Length, out char read, out int n));
        Assert.Equal(value, read);
        Assert.Equal(length, n);
    }

    [Theory]
    [InlineData("\\d")]
    [InlineData("\\u12")]
    [InlineData("\\u12g4")]
    [InlineData("\\")]
    [InlineData("x")]
    public void Anything_else_is_no_escape(string text)
        => Assert.False(JsonEscape.TryRead(text, 0, text.Length, out _, out _));

    [Fact]
    public void The_reader_and_the_repair_decode_alike()
    {
        const string escaped = "Line one\\nLine \\\"two\\\"\\t\\u00e9 \\\\ a\\/b\\n";
        Assert.True(JsonReader.TryParse("\"" + escaped + "\"", 0, escaped.Length + 2, out JsonNode? node, out _));
        Assert.True(YamlText.JsonEscaped(escaped));
        Assert.Equal(node!.Text, YamlText.DecodeJson(escaped));
        Assert.Equal("Line one\nLine \"two\"\té \\ a/b\n", YamlText.DecodeJson(escaped));
    }
}
