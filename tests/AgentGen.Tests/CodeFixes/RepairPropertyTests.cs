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
}
