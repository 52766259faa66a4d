using System.Globalization;
using System.Text;
using AgentGen.Emit;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentGen.Tests.Emit;

/// <summary>
/// CSharp.AppendLiteral copies runs of characters that need no escape in one call (NextToEscape
/// finds where a run ends): its output must be what a one-character-at-a-time escape gives, wherever
/// in the range the character to escape falls, and the compiler must read back exactly the range.
/// </summary>
public sealed class LiteralTests
{
    private static readonly char[] Specials = ['"', '\\', '\n', '\r', '\t', '\0', '\u001f', '\u007f', '\u0080', '\u00e9', '\u2028', '\u202e', '\ud83d', '\ude00', '\ufeff', '~', ' '];

    [Fact]
    public void Every_character_to_escape_is_found_at_every_position_of_a_range()
    {
        for (int length = 0; length <= 70; length++)
        {
            foreach (char special in Specials)
            {
                for (int at = 0; at < length; at++)
                {
                    var chars = new char[length];
                    for (int i = 0; i < length; i++)
                    {
                        chars[i] = (char)('a' + (i % 26));
                    }

                    chars[at] = special;
                    string value = new(chars);
                    Assert.Equal(Reference(value, 0, value.Length), Literal(value, 0, value.Length));
                    Assert.Equal(Array.FindIndex(chars, NeedsEscape) is var first and >= 0 ? first : length, CSharp.NextToEscape(value, 0, length));
                }
            }
        }
    }

    [Fact]
    public void A_range_of_a_longer_string_is_escaped_alone()
    {
        var random = new Random(20261201);
        for (int round = 0; round < 2000; round++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 300);
            for (int i = 0; i < length; i++)
            {
                text.Append(random.Next(10) == 0 ? Specials[random.Next(Specials.Length)] : (char)random.Next(0x20, 0x7F));
            }

            string value = text.ToString();
            int start = random.Next(0, value.Length + 1);
            int count = random.Next(0, value.Length - start + 1);
            string literal = Literal(value, start, count);
            Assert.Equal(Reference(value, start, count), literal);
            // And the compiler reads back exactly the range.
            var parsed = (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal);
            Assert.Equal(value.Substring(start, count), parsed.Token.ValueText);
        }
    }

    private static string Literal(string value, int start, int length)
    {
        var sb = new StringBuilder();
        CSharp.AppendLiteral(sb, value, start, length);
        return sb.ToString();
    }

    private static bool NeedsEscape(char c) => c < 0x20 || c >= 0x7F || c == '"' || c == '\\';

    /// <summary>The escape written out one character at a time.</summary>
    private static string Reference(string value, int start, int length)
    {
        var sb = new StringBuilder("\"");
        for (int i = start; i < start + length; i++)
        {
            char c = value[i];
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when NeedsEscape(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
