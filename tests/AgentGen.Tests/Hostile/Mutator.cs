using System.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Makes mutants of agent files: byte flips, deleted/duplicated/swapped lines, inserted YAML
/// and JSON punctuation, splices from other files, repeated chunks, truncation. Mutant
/// <c>i</c> of seed <c>s</c> depends on nothing else, so any mutant can be rebuilt alone.
/// </summary>
public sealed class Mutator
{
    private static readonly string[] Tokens =
    {
        ":", ": ", "-", "- ", "[", "]", "{", "}", ",", "\"", "'", "|", ">", "&", "*", "!", "#", "`", "?", "%", "@",
        "\n", "\r\n", "\r", "\t", "  ", "\\", "\\u", "\\uD800", "---", "---\n", "...\n", "```", "```json\n", "\n```\n", "~~~",
        "&a ", "*a", "!!str ", "!!binary ", "? ", "%YAML 1.2\n", "\0", "\uFEFF", "\u202E", "\u2028", "\u0085", "\uD800", "\uDC00",
        "\"request_type\": ", "\"payload\": {", "\"requesting_agent\": \"x\"", "{\"request_type\":\"t\",\"payload\":{\"a\":1}}",
        "tools: ", "name: ", "description: ", "disallowedTools: ", "model: ", "mcp__", "__", "Bash(git:*)", "Task", "null", "~", "true", "1e999", "-0", "9999999999999999999",
        "\u00e9", "\u4e2d", "\U0001F600", "\u0130", "<", ">", "</summary>", "*/", "\"\"\"",
    };

    private readonly IReadOnlyList<string> _seeds;

    public Mutator(IReadOnlyList<string> seeds) => _seeds = seeds;

    /// <summary>The random source of mutant <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public static Random RandomFor(int seed, long index)
    {
        // SplitMix64 of (seed, index); System.Random with a seed is the same sequence on every .NET.
        unchecked
        {
            ulong z = ((ulong)(uint)seed << 32) ^ (ulong)index;
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return new Random((int)z);
        }
    }

    /// <summary>Mutant <paramref name="index"/>: its text, and whether it should be handed over as raw bytes (decoded as the compiler does).</summary>
    public (string Text, byte[]? Bytes, string Recipe) Mutant(int seed, long index)
    {
        Random r = RandomFor(seed, index);
        int seedFile = r.Next(_seeds.Count);
        string text = _seeds[seedFile];
        var recipe = new StringBuilder("seed-file ").Append(seedFile);
        int mutations = 1 + (int)Math.Min(7, -Math.Log(1 - r.NextDouble()) * 1.5);

        // A third of the mutants keep the frontmatter and mutate only the body (json blocks,
        // fences), so that many mutants still generate code and reach the emitter.
        string prefix = string.Empty;
        int close = text.IndexOf("\n---\n", Math.Min(3, text.Length), StringComparison.Ordinal);
        if (close > 0 && r.Next(3) == 0)
        {
            prefix = text.Substring(0, close + 5);
            text = text.Substring(close + 5);
            recipe.Append(", body only");
        }

        for (int m = 0; m < mutations; m++)
        {
            int kind = r.Next(100);
            recipe.Append(", ");
            if (kind < 25)
            {
                text = InsertToken(text, r, recipe);
            }
            else if (kind < 35)
            {
                text = FlipChar(text, r, recipe);
            }
            else if (kind < 45)
            {
                text = DeleteLine(text, r, recipe);
            }
            else if (kind < 55)
            {
                text = DuplicateLine(text, r, recipe);
            }
            else if (kind < 63)
            {
                text = SwapLines(text, r, recipe);
            }
            else if (kind < 70)
            {
                text = Truncate(text, r, recipe);
            }
            else if (kind < 78)
            {
                text = Splice(text, r, recipe);
            }
            else if (kind < 84)
            {
                text = RepeatChunk(text, r, recipe);
            }
            else if (kind < 90)
            {
                text = DeleteChunk(text, r, recipe);
            }
            else if (kind < 95)
            {
                text = ChangeIndent(text, r, recipe);
            }
            else
            {
                text = ChangeLineEndings(text, r, recipe);
            }
        }

        text = prefix + text;
        if (r.Next(8) == 0)
        {
            // Byte-level flips, decoded the way the compiler decodes a file.
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            int flips = 1 + r.Next(4);
            for (int i = 0; i < flips && bytes.Length > 0; i++)
            {
                int at = r.Next(bytes.Length);
                bytes[at] = r.Next(3) == 0 ? (byte)r.Next(256) : (byte)(bytes[at] ^ (1 << r.Next(8)));
            }

            recipe.Append(", ").Append(flips).Append(" byte flips");
            return (text, bytes, recipe.ToString());
        }

        return (text, null, recipe.ToString());
    }

    private static int Pos(string text, Random r) => text.Length == 0 ? 0 : r.Next(text.Length + 1);

    private static string InsertToken(string text, Random r, StringBuilder recipe)
    {
        string token = Tokens[r.Next(Tokens.Length)];
        if (r.Next(10) == 0)
        {
            token = string.Concat(Enumerable.Repeat(token, 1 + r.Next(200)));
        }

        int at = Pos(text, r);
        recipe.Append("insert@").Append(at);
        return text.Insert(at, token);
    }

    private static string FlipChar(string text, Random r, StringBuilder recipe)
    {
        if (text.Length == 0)
        {
            return text;
        }

        int at = r.Next(text.Length);
        char c = r.Next(4) switch
        {
            0 => (char)r.Next(0x20),
            1 => (char)r.Next(0x20, 0x7F),
            2 => (char)r.Next(0x80, 0x3000),
            _ => (char)r.Next(0xD800, 0x10000),
        };
        recipe.Append("flip@").Append(at);
        return text.Substring(0, at) + c + text.Substring(at + 1);
    }

    private static List<string> Lines(string text) => text.Split('\n').ToList();

    private static string DeleteLine(string text, Random r, StringBuilder recipe)
    {
        List<string> lines = Lines(text);
        int at = r.Next(lines.Count);
        lines.RemoveAt(at);
        recipe.Append("delete-line ").Append(at);
        return string.Join("\n", lines);
    }

    private static string DuplicateLine(string text, Random r, StringBuilder recipe)
    {
        List<string> lines = Lines(text);
        int at = r.Next(lines.Count);
        int copies = r.Next(10) == 0 ? 1 + r.Next(500) : 1;
        lines.InsertRange(at, Enumerable.Repeat(lines[at], copies));
        recipe.Append("duplicate-line ").Append(at).Append('x').Append(copies);
        return string.Join("\n", lines);
    }

    private static string SwapLines(string text, Random r, StringBuilder recipe)
    {
        List<string> lines = Lines(text);
        int a = r.Next(lines.Count);
        int b = r.Next(lines.Count);
        (lines[a], lines[b]) = (lines[b], lines[a]);
        recipe.Append("swap-lines ").Append(a).Append(',').Append(b);
        return string.Join("\n", lines);
    }

    private static string Truncate(string text, Random r, StringBuilder recipe)
    {
        int at = Pos(text, r);
        recipe.Append("truncate@").Append(at);
        return text.Substring(0, at);
    }

    private string Splice(string text, Random r, StringBuilder recipe)
    {
        string other = _seeds[r.Next(_seeds.Count)];
        int start = Pos(other, r);
        int length = Math.Min(other.Length - start, r.Next(400));
        int at = Pos(text, r);
        recipe.Append("splice@").Append(at);
        return text.Insert(at, other.Substring(start, length));
    }

    private static string RepeatChunk(string text, Random r, StringBuilder recipe)
    {
        int start = Pos(text, r);
        int length = Math.Min(text.Length - start, 1 + r.Next(40));
        string chunk = text.Substring(start, length);
        int times = 1 + r.Next(r.Next(5) == 0 ? 2_000 : 20);
        recipe.Append("repeat@").Append(start).Append('x').Append(times);
        return text.Insert(start, string.Concat(Enumerable.Repeat(chunk, times)));
    }

    private static string DeleteChunk(string text, Random r, StringBuilder recipe)
    {
        int start = Pos(text, r);
        int length = Math.Min(text.Length - start, r.Next(80));
        recipe.Append("delete@").Append(start);
        return text.Remove(start, length);
    }

    private static string ChangeIndent(string text, Random r, StringBuilder recipe)
    {
        List<string> lines = Lines(text);
        int at = r.Next(lines.Count);
        lines[at] = r.Next(2) == 0 ? new string(r.Next(2) == 0 ? ' ' : '\t', 1 + r.Next(8)) + lines[at] : lines[at].TrimStart();
        recipe.Append("indent ").Append(at);
        return string.Join("\n", lines);
    }

    private static string ChangeLineEndings(string text, Random r, StringBuilder recipe)
    {
        recipe.Append("line-endings");
        return r.Next(3) switch
        {
            0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => text.Replace("\n", "\r", StringComparison.Ordinal),
            _ => text.Replace("\r\n", "\n", StringComparison.Ordinal),
        };
    }
}
