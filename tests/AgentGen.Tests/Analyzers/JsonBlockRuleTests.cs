using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN017: a ```json block in the body is not valid JSON.</summary>
public class JsonBlockRuleTests
{
    private static string WithBody(params string[] body)
    {
        var lines = new List<string> { "---", "name: coupon-validator", "description: Checks discount codes.", "---", "# Coupon Validator", "" };
        lines.AddRange(body);
        return Lines(lines.ToArray());
    }

    [Fact]
    public Task Trailing_comma_is_reported_at_the_closing_brace() => VerifyAsync(
        "coupon.md",
        WithBody("```json", "{", "  \"request_type\": \"validate_coupon\",", "  \"payload\": {", "    \"code\": \"SPRING25\",", "  {|#0:}|}", "}", "```"),
        Diagnostic("AGEN017").WithLocation(0).WithArguments("Trailing comma is not allowed before '}'"));

    [Fact]
    public Task Missing_comma_is_reported_at_the_next_member() => VerifyAsync(
        "coupon.md",
        WithBody("```json", "{ \"a\": 1 {|AGEN017:\"|}b\": 2 }", "```"));

    [Fact]
    public Task Single_quotes_are_reported() => VerifyAsync(
        "coupon.md",
        WithBody("```json", "{ {|AGEN017:'|}a': 1 }", "```"));

    [Fact]
    public Task Nesting_beyond_the_depth_limit_is_reported_at_the_first_bracket_too_deep() => VerifyAsync(
        "deep.md",
        WithBody("```json", "{ \"payload\": " + new string('[', 63) + "{|#0:[|}" + new string('[', 10) + new string(']', 74) + " }", "```"),
        Diagnostic("AGEN017").WithLocation(0).WithArguments("Nesting is deeper than 64 levels"));

    [Fact]
    public Task Unclosed_block_is_checked_to_the_end_of_the_file() => VerifyAsync(
        "open.md",
        WithBody("```json", "{ \"a\": [1, 2 {|AGEN017:}|}"));

    [Fact]
    public Task Json_cut_short_by_the_closing_fence_is_reported_at_the_fence() => VerifyAsync(
        "open.md",
        WithBody("```json", "{ \"a\": 1,", "```", "After."),
        Diagnostic("AGEN017").WithSpan(PathOf("open.md"), 9, 1, 9, 2).WithArguments("Unterminated object; expected a property name or '}'"));

    [Fact]
    public Task Json_inside_a_four_backtick_fence_is_not_a_block() => VerifyAsync(
        "tpl.md",
        WithBody("````markdown", "```json", "{ not json at all", "```", "````"));

    [Fact]
    public Task Other_languages_are_not_checked() => VerifyAsync(
        "js.md",
        WithBody("```javascript", "{ a: 1, }", "```", "```jsonc", "{ \"a\": 1, // comment", "}", "```"));

    [Fact]
    public Task Uppercase_info_string_is_checked() => VerifyAsync(
        "js.md",
        WithBody("```JSON", "{ \"a\": {|AGEN017:t|}ru }", "```"));

    [Fact]
    public Task Tilde_fence_is_checked() => VerifyAsync(
        "js.md",
        WithBody("~~~json", "[1, 2, {|AGEN017:,|}]", "~~~"));

    [Fact]
    public Task Valid_status_and_message_blocks_raise_nothing() => VerifyAsync(
        "ok.md",
        WithBody(
            "```json",
            "{ \"requesting_agent\": \"coupon-validator\", \"request_type\": \"validate_coupon\", \"payload\": { \"code\": \"X\" } }",
            "```",
            "```json",
            "{ \"agent\": \"coupon-validator\", \"status\": \"done\", \"progress\": { \"checked\": 3 } }",
            "```",
            "```json",
            "[1, 2.5, \"three\", null, true]",
            "```"));

    [Fact]
    public Task Json_errors_with_crlf_and_bom_are_at_the_same_character() => VerifyAsync(
        "crlf.md",
        "\uFEFF---\r\nname: crlf-json\r\ndescription: Windows file.\r\n---\r\n```json\r\n{ \"a\": 1, {|AGEN017:}|}\r\n```\r\n");
}
