using AgentGen.Catalog;
using AgentGen.CodeFixes;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// The one check every agent-file fix passes (<see cref="FixCheck"/>), fed the wrong repairs issue 27
/// found, built by hand so the check is tested apart from the extent rule that makes real repairs.
/// </summary>
public class FixCheckTests
{
    private const string Shape =
        "---\nname: review-digest\ndescription: Weekly digest. Examples:\\n\\n<example>\\nContext: Friday triage\nuser: \"Forty new reviews\"\\nassistant: \"Sorting them: crashes first\"\\n</example>\ncolor: orange\ntools: Read\n---\nDigest.\n";

    private const string Intended = "Weekly digest. Examples:\n\n<example>\nContext: Friday triage\nuser: \"Forty new reviews\"\nassistant: \"Sorting them: crashes first\"\n</example>";

    private static ValueExtent ExtentOfDescription(string text) => Extent(text, text.IndexOf("Context: ", StringComparison.Ordinal) + 7, AgentDialect.Claude);

    /// <summary>The extent of the value that holds the error at <paramref name="error"/>.</summary>
    private static ValueExtent Extent(string text, int error, AgentDialect dialect)
    {
        Assert.True(Frontmatter.TrySplit(text, out int start, out int end, out _));
        Assert.True(ValueExtent.TryFind(text, start, end, error, dialect, out ValueExtent? extent));
        return extent!;
    }

    private static TextChange Block(string text, ValueExtent extent, int lastLineEnd, string value)
        => new(TextSpan.FromBounds(extent.ValueStart, lastLineEnd), " |-\n  " + value.Replace("\n", "\n  ").Replace("\n  \n", "\n\n"));

    [Fact]
    public void The_whole_run_on_value_passes()
    {
        ValueExtent extent = ExtentOfDescription(Shape);
        Assert.False(extent.IsAmbiguous);
        Assert.True(FixCheck.KeepsEveryValue(Shape, Block(Shape, extent, extent.LastLineEnd, Intended), extent, AgentDialect.Claude, Intended));
    }

    [Fact]
    public void A_block_that_stops_at_a_user_line_is_refused()
    {
        // The repair issue 27 found: the block ends before 'user:', which then reads as a field of its own.
        ValueExtent extent = ExtentOfDescription(Shape);
        int firstLineEnd = Shape.IndexOf('\n', extent.ValueStart);
        string cut = "Weekly digest. Examples:\n\n<example>\nContext: Friday triage";
        Assert.False(FixCheck.KeepsEveryValue(Shape, Block(Shape, extent, firstLineEnd, cut), extent, AgentDialect.Claude, cut));
    }

    [Fact]
    public void A_value_missing_characters_is_refused_even_when_it_reads_back_as_promised()
    {
        // The text ends '... Exampl': the repaired file parses and holds the promised value, but 'es:' is gone.
        ValueExtent extent = ExtentOfDescription(Shape);
        string truncated = Intended.Replace("Examples:", "Exampl", StringComparison.Ordinal);
        Assert.False(FixCheck.KeepsEveryValue(Shape, Block(Shape, extent, extent.LastLineEnd, truncated), extent, AgentDialect.Claude, truncated));
    }

    [Fact]
    public void A_known_field_of_the_other_dialect_does_not_end_a_run_on_value()
    {
        // 'target' is Copilot's: in a Claude Code file it is a line of the value, in a Copilot file a field.
        string text = "---\nname: a\ndescription: Plans releases. Examples:\nuser: \"Ship 2.1\"\ntarget: vscode\nmodel: sonnet\n---\nPlan.\n";
        int error = text.IndexOf("Examples:", StringComparison.Ordinal) + 8;
        Assert.Equal(text.IndexOf("target: vscode", StringComparison.Ordinal) + "target: vscode".Length, Extent(text, error, AgentDialect.Claude).LastLineEnd);
        Assert.Equal(text.IndexOf("user: \"Ship 2.1\"", StringComparison.Ordinal) + "user: \"Ship 2.1\"".Length, Extent(text, error, AgentDialect.Copilot).LastLineEnd);
    }

    [Fact]
    public void Word_lines_after_a_broken_value_with_no_sign_of_running_on_are_a_doubt()
    {
        // 'author: Jane' may be a field or a line of the description: no fix chooses.
        string text = "---\nname: a\ndescription: Reviews code. Use when: a PR opens\nauthor: Jane\nmodel: sonnet\n---\nReview.\n";
        int error = text.IndexOf("when:", StringComparison.Ordinal) + 4;
        Assert.True(Extent(text, error, AgentDialect.Claude).IsAmbiguous);
        Assert.False(FrontmatterRepair.TryRepair(text, error, AgentDialect.Claude, out _, out _, out _));
    }

    [Fact]
    public void A_tool_edit_that_changes_another_value_is_refused()
    {
        string before = "---\nname: a\ndescription: Reviews code.\ntools: Read, Gerp\n---\nR.\n";
        string onlyTools = before.Replace("Gerp", "Grep", StringComparison.Ordinal);
        string alsoDescription = onlyTools.Replace("Reviews code.", "Reviews code", StringComparison.Ordinal);
        static bool ToolsChanged(YNode x, YNode y) => FixCheck.ToolEntries(y)!.SequenceEqual(["Read", "Grep"]);
        Assert.True(FixCheck.KeepsOtherValues(before, onlyTools, "tools", ToolsChanged));
        Assert.False(FixCheck.KeepsOtherValues(before, alsoDescription, "tools", ToolsChanged));
        Assert.False(FixCheck.KeepsOtherValues(before, onlyTools.Replace("tools: Read, Grep\n", "tools: Read, Grep\nmodel: opus\n", StringComparison.Ordinal), "tools", ToolsChanged));
    }

    [Fact]
    public void Tool_replacement_checks_its_own_edit()
    {
        string text = "---\nname: a\ndescription: A.\ntools: Read, Gerp, Glob\n---\nA.\n";
        int at = text.IndexOf("Gerp", StringComparison.Ordinal);
        Assert.True(AgentFileEdits.TryReplaceTool(text, new TextSpan(at, 4), "Grep", out TextChange change, out string old));
        Assert.Equal("Gerp", old);
        Assert.Equal("---\nname: a\ndescription: A.\ntools: Read, Grep, Glob\n---\nA.\n", FixCheck.Apply(text, change));

        // A span outside the tool lists (here: part of the description) is refused.
        int d = text.IndexOf("A.", StringComparison.Ordinal);
        Assert.False(AgentFileEdits.TryReplaceTool(text, new TextSpan(d, 1), "B", out _, out _));
    }
}
