using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN002: the frontmatter is not valid YAML, reported at the character that is wrong.</summary>
public class YamlRuleTests
{
    [Fact]
    public Task Unquoted_colon_in_a_one_line_value_says_to_quote_the_value() => VerifyAsync(
        "tf.md",
        Lines(
            "---",
            "name: terraform-plan-reviewer",
            "description: Reviews plans. Triggers on{|#0::|} review, plan",
            "---",
            "Body."),
        Diagnostic("AGEN002").WithLocation(0)
            .WithArguments("the value of 'description' contains ': ', which YAML reads as the start of another field; quote the value"));

    [Fact]
    public Task Unquoted_colon_in_the_name_is_reported_at_the_colon() => VerifyAsync(
        "x.md",
        Lines("---", "name: acme{|AGEN002::|} auditor", "description: d", "---"));

    [Fact]
    public Task Multi_line_description_with_user_lines_is_reported_at_the_first_user_colon() => VerifyAsync(
        "orders.md",
        Lines(
            "---",
            "name: order-status-helper",
            "description: Use this agent when a customer asks about an order, for example",
            "  user{|#0::|} Where is my parcel?",
            "  assistant: I will look it up.",
            "tools: Read",
            "---",
            "Body."),
        Diagnostic("AGEN002").WithLocation(0)
            .WithArguments("this line continues the value of 'description' (line 3) and contains ': ', which YAML does not allow in a plain value; quote the whole value or write it as a block (`description: |`), or remove the indentation if this line is a field of its own"));

    [Fact]
    public Task Field_indented_by_mistake_is_reported_at_its_colon() => VerifyAsync(
        "indent.md",
        Lines("---", "name: indent-slip", "  description{|AGEN002::|} Indented by mistake.", "---"));

    [Fact]
    public Task Tab_indentation_is_reported_at_the_tab() => VerifyAsync(
        "tab.md",
        Lines("---", "name: tabbed", "description: d", "{|#0:\t|}model: sonnet", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("a tab is used for indentation; YAML allows only spaces"));

    [Fact]
    public Task Unclosed_double_quote_is_reported_at_the_opening_quote() => VerifyAsync(
        "quote.md",
        Lines("---", "name: unclosed-quote", "description: {|#0:\"|}Reviews things", "tools: Read", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("the quoted value that starts here is never closed: add the closing double quote (\")"));

    [Fact]
    public Task Text_after_a_closing_single_quote_is_reported_where_it_starts() => VerifyAsync(
        "apostrophe.md",
        Lines("---", "name: apostrophe", "description: 'it'{|#0:s|} fine'", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("the value of 'description' contains the quote ' (column 17) that also encloses it, so the value ends there; write '' for each quote inside"));

    [Fact]
    public Task Unknown_escape_is_reported_at_the_backslash_sequence() => VerifyAsync(
        "escape.md",
        Lines("---", "name: escape", "description: \"C:{|AGEN002:\\q|}ueue\"", "---"));

    [Fact]
    public Task Unclosed_flow_list_is_reported_at_the_bracket_not_as_an_internal_error() => VerifyAsync(
        "flow.md",
        Lines("---", "name: open-list", "description: d", "tools: {|#0:[|}Read, Grep", "model: sonnet", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("the list opened with '[' is never closed with ']' (or the value needs quotes)"));

    [Fact]
    public Task Unclosed_flow_map_is_reported_at_the_brace() => VerifyAsync(
        "flow.md",
        Lines("---", "name: open-map", "description: d", "hooks: {|AGEN002:{|}PreToolUse", "---"));

    [Fact]
    public Task Backtick_at_the_start_of_a_plain_value_says_to_quote_it() => VerifyAsync(
        "tick.md",
        Lines("---", "name: backtick", "description: {|#0:`|}git log` explainer", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("a plain value cannot start with '`'; quote the value"));

    [Fact]
    public Task At_sign_at_the_start_of_a_plain_value_says_to_quote_it() => VerifyAsync(
        "at.md",
        Lines("---", "name: mention", "description: {|AGEN002:@|}team reviewer", "---"));

    [Fact]
    public Task Block_list_on_the_field_line_is_reported_at_the_dash() => VerifyAsync(
        "dash.md",
        Lines("---", "name: dash-list", "description: d", "tools: {|AGEN002:-|} Read", "---"));

    [Fact]
    public Task Repeated_field_is_reported_at_the_second_key() => VerifyAsync(
        "twice.md",
        Lines("---", "name: twice", "description: d", "{|#0:name|}: again", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("the field 'name' appears more than once"));

    [Fact]
    public Task Frontmatter_that_is_a_list_is_reported_at_its_first_line() => VerifyAsync(
        "list.md",
        Lines("---", "{|#0:- name: a list|}", "- description: not a map", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("the frontmatter must be a mapping of 'field: value' lines"));

    [Fact]
    public Task Frontmatter_that_is_plain_text_is_reported() => VerifyAsync(
        "text.md",
        Lines("---", "{|AGEN002:just some words|}", "---"));

    [Fact]
    public Task Non_scalar_key_is_reported_at_the_key() => VerifyAsync(
        "key.md",
        Lines("---", "name: complex-key", "description: d", "{|#0:[a, b]|}: value", "---"),
        Diagnostic("AGEN002").WithLocation(0).WithArguments("a field name must be a plain string"));

    [Fact]
    public Task Text_after_the_quoted_name_is_reported_where_it_starts() => VerifyAsync(
        "after.md",
        Lines("---", "name: \"quoted\"{|AGEN002:x|}", "description: d", "---"));

    [Fact]
    public Task Quoted_colon_is_valid() => VerifyAsync(
        "ok.md",
        Lines("---", "name: migration-reviewer", "description: \"Reviews migrations. Triggers on: 'alter table'.\"", "---"));

    [Fact]
    public Task Colon_without_a_space_is_valid_in_a_plain_value() => VerifyAsync(
        "ok.md",
        Lines("---", "name: url-reader", "description: Reads https://example.com/docs and summarizes them", "---"));

    [Fact]
    public Task Errors_with_crlf_and_bom_are_at_the_same_character() => VerifyAsync(
        "crlf.md",
        "\uFEFF---\r\nname: crlf-colon\r\ndescription: Triggers on{|AGEN002::|} review\r\n---\r\nBody.\r\n");

    [Fact]
    public Task Multi_line_colon_error_with_crlf_names_the_field_and_its_line() => VerifyAsync(
        "crlf.md",
        "\uFEFF---\r\nname: crlf-orders\r\n\r\ndescription: Use when a customer asks,\r\n  for example\r\n  user{|#0::|} Where is it?\r\n---\r\n",
        Diagnostic("AGEN002").WithLocation(0)
            .WithArguments("this line continues the value of 'description' (line 4) and contains ': ', which YAML does not allow in a plain value; quote the whole value or write it as a block (`description: |`), or remove the indentation if this line is a field of its own"));
}
