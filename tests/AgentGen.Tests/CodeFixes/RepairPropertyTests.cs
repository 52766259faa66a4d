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

    private static readonly string[] Speakers = ["<example>", "user: ", "assistant: ", "Context: ", "<commentary>", "</commentary>", "Note - "];

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
            string after = AgentFileFixAllProvider.RepairAll("/p/a.md", text, CancellationToken.None, out int repairs);
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
        int broken = 0;
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

            lines.Add("</example>");
            bool indented = random.Next(3) == 0;
            string body = string.Join("\n", lines.Select(l => (indented ? "  " : string.Empty) + l));
            string text = "---\nname: prop-agent\ndescription: " + first + "\n" + body + "\ntools: Read\n---\nBody.\n";
            if (!AgentFileParser.Parse("/p/a.md", text).Diagnostics.Any(d => d.Descriptor.Id == "AGEN002"))
            {
                continue;
            }

            broken++;
            string after = AgentFileFixAllProvider.RepairAll("/p/a.md", text, CancellationToken.None, out _);
            AgentParseResult result = AgentFileParser.Parse("/p/a.md", after);
            Assert.True(result.Model is not null, "still broken: " + after + "\n" + string.Join("\n", result.Diagnostics.Select(d => d.Message)));
            Assert.Equal(first + "\n" + string.Join("\n", lines), result.Model!.Description);
        }

        output.WriteLine($"broken {broken}");
        Assert.True(broken >= 500, $"only {broken} generated values were broken");
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
                if (!FrontmatterRepair.TryRepair(text, d.Span.Start, out Microsoft.CodeAnalysis.Text.TextChange change, out _, out string value))
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
