using AgentGen.CodeFixes;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Parsing;

/// <summary>
/// The parser and the code fixes split frontmatter with one rule (<c>src/AgentGen/Parsing/Frontmatter.cs</c>):
/// for each candidate delimiter line, used as the opening and as the closing line, with LF and CRLF
/// and with and without a BOM, the parser reads an agent exactly when the add-tool fix (and the YAML
/// repair's split, and a skill file's name reader) find the frontmatter.
/// </summary>
public class FrontmatterAgreementTests
{
    /// <summary>A candidate delimiter line (without its break) and whether it is one.</summary>
    public static TheoryData<string, bool> Lines => new()
    {
        { "---", true },
        { "--- ", true },
        { "---\t", true },
        { "--- \t  ", true },
        { "----", false },
        { "---x", false },
        { "--- x", false },
        { "--- #", false },
        { " ---", false },
        { "--", false },
        { "---\u00A0", false }, // NBSP: string.TrimEnd() trims it, the parser does not (the code fix used TrimEnd)
        { "---\u2003", false }, // em space, likewise
        { "---\f", false },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parser_and_code_fix_agree_on_an_opening_line(string line, bool isDelimiter)
    {
        foreach (string text in Variants(line, "---"))
        {
            AssertAgree(text, isDelimiter);
            Assert.Equal(isDelimiter ? "a" : null, SkillFile.FrontmatterName(text));
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void Parser_and_code_fix_agree_on_a_closing_line(string line, bool isDelimiter)
    {
        foreach (string text in Variants("---", line))
        {
            AssertAgree(text, isDelimiter);
        }
    }

    [Theory]
    [MemberData(nameof(Lines))]
    public void The_delimiter_rule_is_the_parsers(string line, bool isDelimiter)
    {
        string text = "x\n" + line + "\ny";
        Assert.Equal(isDelimiter, Frontmatter.IsDelimiter(text, 2, 2 + line.Length));
    }

    [Fact]
    public void Split_reports_where_the_yaml_and_body_are()
    {
        string text = "\uFEFF--- \r\nname: a\r\n---\t\r\nBody\r\n";
        FrontmatterSplit split = Frontmatter.Split(text);
        Assert.Equal(FrontmatterState.Closed, split.State);
        Assert.Equal(1, split.OpenStart);
        Assert.Equal("--- ", text[split.OpenStart..split.OpenEnd]);
        Assert.Equal("name: a\r\n", text[split.YamlStart..split.YamlEnd]);
        Assert.Equal("Body\r\n", text[split.BodyStart..]);

        Assert.Equal(FrontmatterState.Unclosed, Frontmatter.Split("---\nname: a\n").State);
        Assert.Equal(FrontmatterState.None, Frontmatter.Split("# Title\n").State);
        Assert.Equal(FrontmatterState.None, Frontmatter.Split(string.Empty).State);
        Assert.True(Frontmatter.TrySplit("---\n---", out int yamlStart, out int yamlEnd, out int bodyStart));
        Assert.Equal((4, 4, 7), (yamlStart, yamlEnd, bodyStart));
    }

    private static IEnumerable<string> Variants(string open, string close)
    {
        foreach (string nl in new[] { "\n", "\r\n" })
        {
            string file = open + nl + "name: a" + nl + "description: The a agent." + nl + "tools: Bash" + nl + close + nl + "Work." + nl;
            yield return file;
            yield return "\uFEFF" + file;
        }
    }

    private static void AssertAgree(string text, bool isDelimiter)
    {
        string shown = text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\uFEFF", "<BOM>");

        AgentParseResult parsed = AgentFileParser.Parse("/project/.claude/agents/a.md", text);
        Assert.True(isDelimiter == parsed.Model is not null, "parser: " + shown);
        Assert.True(isDelimiter == Frontmatter.TrySplit(text, out _, out _, out _), "Frontmatter.TrySplit: " + shown);
        Assert.True(isDelimiter == FrontmatterRepair.Frontmatter(text, out _, out _), "FrontmatterRepair: " + shown);

        bool fixes = AgentFileEdits.TryAddTool(text, "a", "Read", out TextChange change);
        Assert.True(isDelimiter == fixes, "code fix: " + shown);
        if (fixes)
        {
            string fixedText = SourceText.From(text).WithChanges(change).ToString();
            AgentParseResult reparsed = AgentFileParser.Parse("/project/.claude/agents/a.md", fixedText);
            Assert.NotNull(reparsed.Model);
            Assert.Equal(new[] { "Bash", "Read" }, reparsed.Model!.Tools.ToArray());
            Assert.Equal("Work.\n", reparsed.Model.Instructions);
        }
    }
}
