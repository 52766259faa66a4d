using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN001: line 1 is not '---', or the frontmatter is never closed.</summary>
public class FrontmatterRuleTests
{
    [Fact]
    public Task File_without_frontmatter_is_reported_on_line_1() => VerifyAsync(
        "notes.md",
        Lines("{|AGEN001:# Deploy Notes|}", "", "name: deploy-notes", "description: Not frontmatter."));

    [Fact]
    public Task Missing_frontmatter_message_says_line_1_must_be_dashes() => VerifyAsync(
        "notes.md",
        Lines("# Title", "name: notes-agent", "Some text."),
        Diagnostic("AGEN001").WithSpan(PathOf("notes.md"), 1, 1, 1, 8)
            .WithArguments("The file has no frontmatter: line 1 must be '---', followed by the YAML fields and a closing '---' (Claude Code ignores this file)"));

    [Fact]
    public Task Empty_file_is_documentation_and_gets_no_diagnostic() => VerifyAsync(
        "empty.md",
        string.Empty); // issue 10: no frontmatter at all is documentation, as Claude Code reads it

    [Fact]
    public Task Readme_without_frontmatter_is_documentation_and_gets_no_diagnostic() => VerifyAsync(
        "README.md",
        Lines("# Our agents", "", "Each file here is a Claude Code subagent.", "", "```yaml", "name: example", "description: shown in a fence, not a field", "```"));

    [Fact]
    public Task Text_that_starts_with_dashes_and_more_is_an_attempted_agent() => VerifyAsync(
        "squashed.md",
        Lines("{|AGEN001:---name: squashed|}", "description: d", "---"));

    [Fact]
    public Task Unclosed_frontmatter_points_at_the_opening_dashes() => VerifyAsync(
        "cache-tuner.md",
        Lines("{|AGEN001:---|}", "name: cache-tuner", "description: Reviews caches.", "", "# Cache Tuner", "Body."));

    [Fact]
    public Task Unclosed_frontmatter_message_says_to_close_it() => VerifyAsync(
        "cache-tuner.md",
        Lines("---", "name: cache-tuner", "description: Reviews caches."),
        Diagnostic("AGEN001").WithSpan(PathOf("cache-tuner.md"), 1, 1, 1, 4)
            .WithArguments("The frontmatter opened on line 1 is never closed: add a line '---' after the last field"));

    [Fact]
    public Task Indented_frontmatter_points_at_the_indented_dashes() => VerifyAsync(
        "flaky.md",
        Lines("  {|#0:---|}", "  name: flaky-test-hunter", "  description: Reruns tests.", "  ---", "Body."),
        Diagnostic("AGEN001").WithLocation(0)
            .WithArguments("The frontmatter's opening '---' is indented; it must be the very first line of the file, with nothing before it (Claude Code ignores this file)"));

    [Fact]
    public Task Frontmatter_after_a_blank_line_points_at_the_late_dashes() => VerifyAsync(
        "locale.md",
        Lines("", "{|#0:---|}", "name: locale-checker", "description: Finds literal strings.", "---", "Body."),
        Diagnostic("AGEN001").WithLocation(0)
            .WithArguments("The frontmatter's opening '---' is on line 2; it must be the very first line of the file, with nothing before it (Claude Code ignores this file)"));

    [Fact]
    public Task Frontmatter_after_several_blank_lines_names_its_line() => VerifyAsync(
        "locale.md",
        Lines("", "   ", "{|#0:---|}", "name: locale-checker", "description: Finds literal strings.", "---"),
        Diagnostic("AGEN001").WithLocation(0)
            .WithArguments("The frontmatter's opening '---' is on line 3; it must be the very first line of the file, with nothing before it (Claude Code ignores this file)"));

    [Fact]
    public Task Four_dashes_are_not_a_delimiter() => VerifyAsync(
        "dashes.md",
        Lines("{|AGEN001:----|}", "name: dashes", "description: Four dashes.", "----"));

    [Fact]
    public Task Dashes_after_text_are_not_a_late_frontmatter() => VerifyAsync(
        "late.md",
        Lines("{|AGEN001:Intro text|}", "---", "name: late", "description: After text.", "---"));

    [Fact]
    public Task Trailing_spaces_after_delimiters_are_accepted() => VerifyAsync(
        "spaces.md",
        Lines("---   ", "name: trailing-spaces", "description: Delimiters with trailing blanks.", "--- \t", "Body."));

    [Fact]
    public Task Closing_delimiter_at_end_of_file_without_newline_is_accepted() => VerifyAsync(
        "eof.md",
        "---\nname: no-final-newline\ndescription: Ends right after the closing dashes.\n---");

    [Fact]
    public Task Bom_and_crlf_frontmatter_is_accepted() => VerifyAsync(
        "crlf.md",
        "\uFEFF---\r\nname: crlf-agent\r\ndescription: Written on Windows.\r\ntools: Read\r\n---\r\nBody.\r\n");

    [Fact]
    public Task Bom_and_crlf_unclosed_frontmatter_points_at_the_dashes_after_the_bom() => VerifyAsync(
        "crlf.md",
        "\uFEFF{|AGEN001:---|}\r\nname: crlf-agent\r\ndescription: Written on Windows.\r\n\r\nBody.\r\n");
}
