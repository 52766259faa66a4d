using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN013: unknown model.</summary>
public class UnknownModelRuleTests
{
    [Fact]
    public Task Misspelled_alias_suggests_the_alias() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: {|#0:sonet|}"),
        Diagnostic("AGEN013").WithLocation(0).WithArguments("sonet", "; did you mean 'sonnet'?"));

    [Fact]
    public Task Capitalized_alias_is_unknown_and_suggests_the_alias() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: {|#0:Opus|}"),
        Diagnostic("AGEN013").WithLocation(0).WithArguments("Opus", "; did you mean 'opus'?"));

    [Fact]
    public Task Foreign_model_lists_the_allowed_forms() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: {|#0:gpt-4o|}"),
        Diagnostic("AGEN013").WithLocation(0).WithArguments("gpt-4o", "; use sonnet, opus, haiku, fable, inherit, a full model id such as claude-opus-5-5, or any other value the --model flag takes"));

    [Fact]
    public Task Quoted_unknown_model_is_reported_at_the_quoted_value() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: {|AGEN013:\"hiaku\"|}"));

    [Theory]
    [InlineData("sonnet")]
    [InlineData("opus")]
    [InlineData("haiku")]
    [InlineData("fable")]
    [InlineData("inherit")]
    [InlineData("claude-sonnet-4-20250514")]
    [InlineData("claude-opus-4-1-20250805")]
    [InlineData("claude-sonnet-4-5[1m]")]
    public Task Known_models_are_accepted(string model) => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: " + model));

    [Fact]
    public Task Model_that_is_not_text_is_a_wrong_type_at_the_whole_list() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "model: {|#0:[sonnet, opus]|}"),
        Diagnostic("AGEN016").WithLocation(0).WithArguments("'model' must be a model alias (sonnet, opus, haiku, fable, inherit) or a full model id"));

    [Fact]
    public Task Model_without_a_value_is_a_wrong_type_at_the_key() => VerifyAsync(
        "sql.md",
        Agent("sql-explainer", "{|AGEN016:model|}:"));
}

/// <summary>AGEN014: unknown field that looks like a known one.</summary>
public class MisspelledFieldRuleTests
{
    [Theory]
    [InlineData("Tools", "tools")]
    [InlineData("disallowed_tools", "disallowedTools")]
    [InlineData("max_turns", "maxTurns")]
    [InlineData("permission-mode", "permissionMode")]
    [InlineData("modle", "model")]
    [InlineData("colour", "color")]
    [InlineData("Description2", "description")]
    public Task Near_miss_suggests_the_known_field(string field, string suggestion) => VerifyAsync(
        "css.md",
        Agent("css-cleaner", "{|#0:" + field + "|}: value"),
        Diagnostic("AGEN014").WithLocation(0).WithArguments(field, suggestion, $"Claude Code ignores '{field}'"));

    [Fact]
    public Task Misspelled_field_is_not_also_reported_as_unknown_and_its_value_is_not_read() => VerifyAsync(
        "css.md",
        Agent("css-cleaner", "{|AGEN014:Tools|}: Reed, Grpe"));
}

/// <summary>AGEN015: unknown field, kept in Metadata (info).</summary>
public class UnknownFieldRuleTests
{
    [Fact]
    public Task Unknown_field_is_reported_at_the_key() => VerifyAsync(
        "queue.md",
        Agent("queue-monitor", "{|#0:category|}: backend"),
        Diagnostic("AGEN015").WithLocation(0).WithArguments("category", "is ignored by Claude Code"));

    [Fact]
    public Task Unknown_field_with_a_block_map_value_is_reported_once_at_the_key() => VerifyAsync(
        "queue.md",
        Agent("queue-monitor", "{|AGEN015:owners|}:", "  team: platform", "  pager: ops-rotation"));

    [Fact]
    public Task Unknown_field_with_a_colon_in_its_plain_value_is_a_yaml_error_not_metadata() => VerifyAsync(
        "queue.md",
        Agent("queue-monitor", "use_for: x{|AGEN002::|} y"));

    [Fact]
    public Task Default_severity_is_info() => VerifyAsync(
        new[] { ("queue.md", Agent("queue-monitor", "{|#0:use_for|}: complex, enterprise")) },
        string.Empty,
        Diagnostic("AGEN015", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0));
}

/// <summary>AGEN016: known field with a value of the wrong type or outside its allowed set.</summary>
public class InvalidFieldValueRuleTests
{
    [Fact]
    public Task Bad_values_are_reported_at_each_value() => VerifyAsync(
        "img.md",
        Agent("image-optimizer", "maxTurns: {|#0:many|}", "color: {|#1:magenta|}", "background: {|#2:maybe|}"),
        Diagnostic("AGEN016").WithLocation(0).WithArguments("'maxTurns' must be a positive whole number, not 'many'"),
        Diagnostic("AGEN016").WithLocation(1).WithArguments("'color' is 'magenta'; allowed values: red, blue, green, yellow, purple, orange, pink, cyan"),
        Diagnostic("AGEN016").WithLocation(2).WithArguments("'background' must be true or false, not 'maybe'"));

    [Fact]
    public Task Choice_in_the_wrong_case_suggests_the_allowed_value() => VerifyAsync(
        "img.md",
        Agent("image-optimizer", "effort: {|#0:High|}"),
        Diagnostic("AGEN016").WithLocation(0).WithArguments("'effort' is 'High'; allowed values: low, medium, high, xhigh, max (did you mean 'high'?)"));

    [Theory]
    [InlineData("maxTurns", "0")]
    [InlineData("maxTurns", "-3")]
    [InlineData("maxTurns", "2.5")]
    [InlineData("maxTurns", "\"10\"")]
    [InlineData("background", "\"maybe\"")]
    [InlineData("omitClaudeMd", "yes")]
    [InlineData("permissionMode", "always")]
    [InlineData("memory", "global")]
    [InlineData("isolation", "container")]
    [InlineData("color", "[red]")]
    [InlineData("skills", "{a: 1}")]
    [InlineData("hooks", "run-always")]
    [InlineData("experimental", "[on]")]
    [InlineData("mcpServers", "github")]
    [InlineData("tools", "{Read: yes}")]
    public Task Wrong_value_is_reported_at_the_whole_value(string field, string value) => VerifyAsync(
        "img.md",
        Agent("image-optimizer", field + ": {|AGEN016:" + value + "|}"));

    [Fact]
    public Task Wrong_block_map_value_spans_the_map_but_not_the_comment_after_it() => VerifyAsync(
        "img.md",
        Agent("image-optimizer", "skills:", "  {|#0:first: compress", "  second: resize|}", "", "# the model follows", "model: haiku"),
        Diagnostic("AGEN016").WithLocation(0).WithArguments("'skills' must be a list of names"));

    [Fact]
    public Task Non_name_entry_in_a_block_list_is_reported_at_the_entry() => VerifyAsync(
        "img.md",
        Agent("image-optimizer", "tools:", "  - Read", "  - {|#0:{Bash: yes}|}"),
        Diagnostic("AGEN016").WithLocation(0).WithArguments("Each entry of 'tools' must be a tool name"));

    [Fact]
    public Task Nested_list_entry_in_skills_is_reported_at_the_nested_list() => VerifyAsync(
        "img.md",
        Agent("image-optimizer", "skills:", "  - compress", "  - {|AGEN016:- nested|}"));

    [Fact]
    public Task Every_known_field_with_a_good_value_is_accepted() => VerifyAsync(
        "img.md",
        Agent(
            "image-optimizer",
            "tools: Read, Bash",
            "disallowedTools: WebFetch",
            "model: haiku",
            "permissionMode: acceptEdits",
            "maxTurns: 12",
            "skills: [compress, resize]",
            "mcpServers:",
            "  - images",
            "  - cdn: {command: npx}",
            "hooks:",
            "  Stop:",
            "    - hooks: [{type: command, command: ./done.sh}]",
            "memory: local",
            "background: false",
            "omitClaudeMd: true",
            "effort: xhigh",
            "isolation: worktree",
            "color: pink",
            "initialPrompt: Start with the largest images.",
            "experimental: {fastPath: true}"));
}
