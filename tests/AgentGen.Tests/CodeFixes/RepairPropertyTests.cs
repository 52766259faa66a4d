using System.Text;
using AgentGen.CodeFixes;
using AgentGen.Parsing;
using Xunit.Abstractions;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// Property: whatever characters a broken value holds (quotes, backslashes, ' #', ': ', tabs,
/// non-ASCII), the AGEN002 repair makes the file parse and the parsed value equals the text written.
/// </summary>
public class RepairPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Fragments =
    [
        "Use when", ": ", " #", "#1", " # not a comment", "\"", "'", "\\", "C:\\src\\app", "\\d+", "\t", "é", "日本語", "🙂", "—",
        "[x]", "{y}", "&ref", "*star", "!tag", "%", "@user", "`code`", "?", ",", "|", ">", "- ", "a", "word", "two words", " ", "::", "key: value",
        "\"quoted\"", "'single'", "''", "\\\"", "\u00A0", "ß", "Ω",
    ];

    /// <summary>
    /// Continuation lines. "Note: " looks like a field and is no dialogue label: alone after a value, nothing shows
    /// whether it continues it (no fix). Before issue 27 every generated value also got a closing
    /// '&lt;/example&gt;' line, so a value continued only by lines that look like fields was never generated.
    /// </summary>
    private static readonly string[] Speakers = ["<example>", "user: ", "assistant: ", "Context: ", "<commentary>", "</commentary>", "Note - ", "Note: "];

    private static string RandomText(Random random, int maxFragments)
    {
        var sb = new StringBuilder();
        int n = random.Next(1, maxFragments + 1);
        for (int i = 0; i < n; i++)
        {
            sb.Append(Fragments[random.Next(Fragments.Length)]);
        }

        return sb.ToString();
    }

    /// <summary>A value as an author writes it on one line: no leading or trailing blanks, not starting with a quote, '#', '|' or '>' (those read as YAML syntax).</summary>
    private static string OneLineValue(Random random)
    {
        while (true)
        {
            string s = RandomText(random, 8).Trim(' ', '\t', '\u00A0');
            if (s.Length > 0 && "\"'#|>".IndexOf(s[0]) < 0)
            {
                return s;
            }
        }
    }

    [Fact]
    public void One_line_values_keep_every_character()
    {
        var random = new Random(20261201);
        int broken = 0, repaired = 0;
        for (int i = 0; i < 3000; i++)
        {
            string value = OneLineValue(random);
            string text = "---\nname: prop-agent\ndescription: " + value + "\nmodel: sonnet\n---\nBody.\n";
            if (!AgentFileParser.Parse("/p/a.md", text).Diagnostics.Any(d => d.Descriptor.Id == "AGEN002"))
            {
                continue;
            }

            broken++;
            string after = AgentFileFixAllProvider.RepairAll("/p/a.md", text, AgentGen.Catalog.AgentDialect.Claude, CancellationToken.None, out int repairs);
            AgentParseResult result = AgentFileParser.Parse("/p/a.md", after);
            Assert.True(repairs > 0, "no repair for: " + value);
            Assert.True(result.Model is not null, "still broken: " + after + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.Message)));
            Assert.Equal(value, result.Model!.Description);
            repaired++;
        }

        output.WriteLine($"broken {broken}, repaired {repaired}");
        Assert.True(broken >= 500, $"only {broken} generated values were broken");
    }

    [Fact]
    public void Values_that_run_on_over_lines_keep_every_line()
    {
        var random = new Random(7);
        int broken = 0, untouched = 0;
        for (int i = 0; i < 1500; i++)
        {
            string first = OneLineValue(random);
            var lines = new List<string>();
            int n = random.Next(1, 6);
            for (int j = 0; j < n; j++)
            {
                string line = Speakers[random.Next(Speakers.Length)] + RandomText(random, 5);
                lines.Add(line.TrimEnd(' ', '\t'));
            }

            if (random.Next(2) == 0)
            {
                lines.Add("</example>");
            }

            bool indented = random.Next(3) == 0;
            string body = string.Join("\n", lines.Select(l => (indented ? "  " : string.Empty) + l));
            string text = "---\nname: prop-agent\ndescription: " + first + "\n" + body + "\ntools: Read\n---\nBody.\n";
            if (!AgentFileParser.Parse("/p/a.md", text).Diagnostics.Any(d => d.Descriptor.Id == "AGEN002"))
            {
                continue;
            }

            broken++;
            string after = AgentFileFixAllProvider.RepairAll("/p/a.md", text, AgentGen.Catalog.AgentDialect.Claude, CancellationToken.None, out int repairs);
            if (repairs == 0)
            {
                // Only a doubt: 'Note: ...' lines alone at column 0 after the value.
                Assert.True(!indented && lines.All(l => l.StartsWith("Note: ", StringComparison.Ordinal)), "no fix for:\n" + text);
                untouched++;
                continue;
            }

            AgentParseResult result = AgentFileParser.Parse("/p/a.md", after);
            Assert.True(result.Model is not null, "still broken: " + after + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.Message)));
            Assert.Equal(first + "\n" + string.Join("\n", lines), result.Model!.Description);
            Assert.Empty(result.Model.Metadata.ToArray()); // no continuation line became a field
        }

        output.WriteLine($"broken {broken}, no fix offered {untouched}");
        Assert.True(broken >= 500, $"only {broken} generated values were broken");
    }

    /// <summary>Continuation lines an example dialogue has: labels that look like fields, tags, prose, bullets.</summary>
    private static readonly string[] LineKinds = ["user: ", "assistant: ", "Context: ", "Human: ", "Note: ", "<example>", "</example>", "<commentary>", "Prose ", "- "];

    /// <summary>Text for a line: no backslash, no blank at either end, nothing YAML reads before the text (the oracle stays exact).</summary>
    private static string LineText(Random random)
    {
        string[] parts = ["word", "two words", ": ", "\"quoted\"", "'single'", " #1", "é", "—", "🙂", "a: b", "x:", "[x]", "{y}", "?", "ok"];
        var sb = new StringBuilder();
        int n = random.Next(1, 5);
        for (int i = 0; i < n; i++)
        {
            sb.Append(parts[random.Next(parts.Length)]);
        }

        return sb.ToString().Trim();
    }

    /// <summary>
    /// Property (issue 27): a description that runs on over continuation lines that look like fields
    /// (<c>user: "..."</c>, <c>assistant:</c>, <c>Context:</c>), written either with real line breaks or
    /// as a JSON-style string with <c>\n</c> escapes that an editor broke at some lines, often right after
    /// a word ending in <c>:</c> next to an escape. Whatever is repaired keeps the whole text, and no
    /// continuation line ever becomes a field; when in doubt nothing is offered.
    /// </summary>
    [Fact]
    public void Run_on_values_with_field_like_lines_and_escapes_keep_every_value()
    {
        var random = new Random(27);
        int broken = 0, repaired = 0, untouched = 0;
        for (int i = 0; i < 2000; i++)
        {
            bool json = random.Next(2) == 0;
            var lines = new List<string> { "Use " + LineText(random) + (random.Next(3) switch { 0 => " Examples:", 1 => ":", _ => string.Empty }) };
            if (json)
            {
                lines.Add(string.Empty); // 'Examples:\n\n': a word ending in ':' next to two escapes
            }

            int n = random.Next(1, 7);
            for (int j = 0; j < n; j++)
            {
                string kind = LineKinds[random.Next(LineKinds.Length)];
                lines.Add(kind.EndsWith(' ') ? (kind + LineText(random)).TrimEnd() : kind);
            }

            var sb = new StringBuilder("---\nname: prop-agent\ndescription: ").Append(lines[0]);
            var raw = new StringBuilder(lines[0]);
            int realBreaks = 0, escapes = 0;
            for (int j = 1; j < lines.Count; j++)
            {
                // JSON mode: '\n' escapes, broken by a real line break before some lines (at least one that looks like a field).
                bool real = !json || (random.Next(3) == 0 && lines[j].Length > 0) || (realBreaks == 0 && j == lines.Count - 1 && lines[j].Length > 0);
                realBreaks += real ? 1 : 0;
                escapes += real ? 0 : 1;
                sb.Append(real ? "\n" : "\\n").Append(lines[j]);
                raw.Append(real ? "\n" : "\\n").Append(lines[j]);
            }

            // The documented rule: two or more '\n' (and no other backslash) make it a pasted JSON string, decoded; else kept as written.
            string expected = escapes >= 2 ? string.Join("\n", lines) : raw.ToString();
            string text = sb.Append("\ncolor: orange\ntools: Read, Grep\n---\nBody.\n").ToString();
            if (!AgentFileParser.Parse("/p/a.md", text).Diagnostics.Any(d => d.Descriptor.Id == "AGEN002"))
            {
                continue;
            }

            broken++;
            string after = AgentFileFixAllProvider.RepairAll("/p/a.md", text, AgentGen.Catalog.AgentDialect.Claude, CancellationToken.None, out int repairs);
            AgentParseResult result = AgentFileParser.Parse("/p/a.md", after);
            if (repairs == 0)
            {
                // Only a doubt: every line after the first is 'Note: ...' (no dialogue label, no tag, no prose, no escape).
                Assert.True(!json && !lines[0].EndsWith(':') && lines.Skip(1).All(l => l.StartsWith("Note: ", StringComparison.Ordinal)), "no fix for:\n" + text);
                untouched++;
                continue;
            }

            Assert.True(result.Model is not null, "repaired but still broken:\n" + text + "\n=>\n" + after + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.Message)));
            Assert.Equal(expected, result.Model!.Description);
            Assert.Equal(["Read", "Grep"], result.Model.Tools.ToArray());
            Assert.Empty(result.Model.Metadata.ToArray()); // no continuation line became a field of its own
            repaired++;
        }

        output.WriteLine($"broken {broken}, repaired with every value kept {repaired}, no fix offered {untouched}");
        Assert.True(broken >= 1000, $"only {broken} generated files were broken");
        Assert.True(repaired >= broken * 9 / 10 && untouched > 0, $"{repaired} of {broken} repaired, {untouched} not");
    }

    private static readonly string[] AnyLine =
    [
        "description: ", "name: x", "tools: Read", "model: sonnet", "  ", "\t", "- item", "  - item", "user: ", "<example>", "#", "# c", "|", ">-", "[", "{", "\"", "'",
        ": ", "key:", "  indented: value", "\r", "...", "? ", "&a ", "*a", "!!str ", "%", "@", "é", "\\", " #", "---x",
    ];

    /// <summary>Whatever the frontmatter, the repair never throws, and a repair it offers gives the field the value it promised.</summary>
    [Fact]
    public void Repair_of_arbitrary_frontmatter_never_throws_and_keeps_its_promise()
    {
        var random = new Random(99);
        int offered = 0;
        for (int i = 0; i < 3000; i++)
        {
            var sb = new StringBuilder("---\n");
            int lines = random.Next(1, 7);
            for (int j = 0; j < lines; j++)
            {
                int parts = random.Next(1, 4);
                for (int p = 0; p < parts; p++)
                {
                    sb.Append(AnyLine[random.Next(AnyLine.Length)]);
                }

                sb.Append(random.Next(5) == 0 ? "\r\n" : "\n");
            }

            string text = sb.Append("---\nBody.\n").ToString();
            foreach (AgentGen.Diagnostics.DiagnosticInfo d in AgentFileParser.Parse("/p/a.md", text).Diagnostics.Where(d => d.Descriptor.Id == "AGEN002"))
            {
                if (!FrontmatterRepair.TryRepair(text, d.Span.Start, AgentGen.Catalog.AgentDialect.Claude, out Microsoft.CodeAnalysis.Text.TextChange change, out _, out string value))
                {
                    continue;
                }

                offered++;
                string repaired = text.Substring(0, change.Span.Start) + change.NewText + text.Substring(change.Span.End);
                Assert.True(FrontmatterRepair.Frontmatter(repaired, out int start, out int end), repaired);
                int valueEnd = change.Span.Start + change.NewText!.Length;
                Assert.True(YamlTree.TryRead(repaired, start, end, out _, out YamlError error) || error.Offset >= valueEnd, text + "\n=>\n" + repaired);
                Assert.False(string.IsNullOrEmpty(value));
            }
        }

        output.WriteLine($"repairs offered: {offered}");
        Assert.True(offered > 100, $"only {offered} repairs offered");
    }
}
