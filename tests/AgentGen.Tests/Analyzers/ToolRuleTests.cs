using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN007: unknown tool, with the closest known name.</summary>
public class UnknownToolRuleTests
{
    [Fact]
    public Task Misspelled_tool_suggests_the_closest_known_tool() => VerifyAsync(
        "lint.md",
        Agent("changelog-linter", "tools: {|#0:Reed|}, Grep, Glob"),
        Diagnostic("AGEN007").WithLocation(0).WithArguments("Reed", "; did you mean 'Read'?"));

    [Fact]
    public Task Wrong_case_suggests_the_known_spelling() => VerifyAsync(
        "lint.md",
        Agent("changelog-linter", "tools: Read, {|#0:webfetch|}"),
        Diagnostic("AGEN007").WithLocation(0).WithArguments("webfetch", "; did you mean 'WebFetch'?"));

    [Fact]
    public Task Non_tools_get_no_suggestion() => VerifyAsync(
        "fe.md",
        Agent("frontend-scaffolder", "tools: Read, {|#0:npm|}, {|#1:docker|}, {|#2:subagent-catalog:search|}"),
        Diagnostic("AGEN007").WithLocation(0).WithArguments("npm", string.Empty),
        Diagnostic("AGEN007").WithLocation(1).WithArguments("docker", string.Empty),
        Diagnostic("AGEN007").WithLocation(2).WithArguments("subagent-catalog:search", string.Empty));

    [Fact]
    public Task Unknown_tool_in_a_block_list_is_reported_at_the_item() => VerifyAsync(
        "list.md",
        Agent("list-tools", "tools:", "  - Read", "  - {|AGEN007:Grpe|}", "  - Glob"));

    [Fact]
    public Task Unknown_tool_in_a_flow_list_is_reported_inside_the_quotes() => VerifyAsync(
        "flow.md",
        Agent("flow-tools", "tools: [\"Read\", '{|AGEN007:Bahs|}']"));

    [Fact]
    public Task Unknown_tool_in_disallowed_tools_is_reported() => VerifyAsync(
        "dis.md",
        Agent("dis-tools", "disallowedTools: Write, {|AGEN007:Edti|}"));

    [Fact]
    public Task Unknown_tool_in_a_folded_tools_value_is_reported_at_its_own_text() => VerifyAsync(
        "folded.md",
        Agent("folded-tools", "tools: >-", "  Read, Grep,", "  {|AGEN007:Reed|}"));

    [Fact]
    public Task Malformed_mcp_name_is_unknown() => VerifyAsync(
        "mcp.md",
        Agent("mcp-tools", "tools: mcp__github, mcp__github__*, mcp__context7__resolve-library-id, {|AGEN007:mcp__|}"));

    [Fact]
    public Task Tools_named_in_AgentGenKnownTools_are_known() => VerifyAsync(
        new[] { ("fe.md", Agent("frontend-scaffolder", "tools: Read, npm, docker, {|AGEN007:yarn|}")) },
        // Commas: Roslyn cuts an analyzer-config value at ';' (it reads it as a comment), dotnet/roslyn#43970.
        "build_property.AgentGenKnownTools = npm, docker");

    [Fact]
    public Task Every_built_in_tool_is_known() => VerifyAsync(
        "all.md",
        Agent("all-tools", "tools: " + string.Join(", ", AgentGen.Catalog.ToolCatalog.BuiltIns)));
}

/// <summary>AGEN008: Tool(specifier) in tools or disallowedTools.</summary>
public class ToolSpecifierRuleTests
{
    [Fact]
    public Task Specifier_in_tools_grants_the_whole_tool() => VerifyAsync(
        "diff.md",
        Agent("diff-summarizer", "tools: Read, {|#0:Bash(git diff:*)|}"),
        Diagnostic("AGEN008").WithLocation(0).WithArguments("Bash(git diff:*)", "'tools'", "Bash", "granted"));

    [Fact]
    public Task Specifier_in_disallowed_tools_removes_the_whole_tool() => VerifyAsync(
        "diff.md",
        Agent("diff-summarizer", "disallowedTools: {|#0:WebFetch(domain:example.com)|}"),
        Diagnostic("AGEN008").WithLocation(0).WithArguments("WebFetch(domain:example.com)", "'disallowedTools'", "WebFetch", "removed"));

    [Fact]
    public Task Comma_inside_a_specifier_does_not_split_the_entry() => VerifyAsync(
        "git.md",
        Agent("git-helper", "tools: {|AGEN008:Bash(git add:*, git commit:*)|}, Read"));

    [Fact]
    public Task Specifier_in_a_list_item_is_reported_at_the_item() => VerifyAsync(
        "git.md",
        Agent("git-helper", "tools:", "  - Read", "  - {|AGEN008:Bash(git:*)|}"));

    [Fact]
    public Task Specifier_on_an_unknown_tool_reports_both() => VerifyAsync(
        "git.md",
        Agent("git-helper", "tools: {|#0:Shell(ls)|}"),
        Diagnostic("AGEN007").WithLocation(0).WithArguments("Shell", "; did you mean 'Skill'?"),
        Diagnostic("AGEN008").WithLocation(0).WithArguments("Shell(ls)", "'tools'", "Shell", "granted"));
}

/// <summary>AGEN009: legacy or renamed tool.</summary>
public class LegacyToolRuleTests
{
    [Fact]
    public Task Legacy_tools_name_their_replacements() => VerifyAsync(
        "bulk.md",
        Agent("bulk-refactorer", "tools: Read, {|#0:Task|}, {|#1:MultiEdit|}, {|#2:LS|}"),
        Diagnostic("AGEN009").WithLocation(0).WithArguments("Task", "was renamed 'Agent' in Claude Code 2.1.63 (still accepted as an alias); use 'Agent'"),
        Diagnostic("AGEN009").WithLocation(1).WithArguments("MultiEdit", "was removed in Claude Code 2.0.32; use 'Edit'"),
        Diagnostic("AGEN009").WithLocation(2).WithArguments("LS", "was removed: 'Read' does not list directories and Claude Code lists them with a shell command such as 'ls' (tools reference); list 'Bash' or 'Glob' if the agent needs that"));

    // Each row: what the docs say became of the name (ToolCatalog.Legacy cites the source).
    [Theory]
    [InlineData("NotebookRead", "use 'Read'")]
    [InlineData("TodoRead", "'TodoWrite' is disabled by default")]
    [InlineData("BashOutput", "use 'TaskOutput'")]
    [InlineData("KillShell", "use 'TaskStop'")]
    [InlineData("KillBash", "use 'TaskStop'")]
    [InlineData("SlashCommand", "use 'Skill'")]
    [InlineData("TeamCreate", "removed in Claude Code 2.1.178")]
    [InlineData("TeamDelete", "removed in Claude Code 2.1.178")]
    public void Each_legacy_tool_is_reported(string legacy, string explanation)
    {
        AgentGen.Parsing.AgentParseResult result = AgentGen.Parsing.AgentFileParser.Parse(PathOf("old.md"), Agent("old-tools", "tools: " + legacy));
        AgentGen.Diagnostics.DiagnosticInfo d = Assert.Single(result.Diagnostics);
        Assert.Equal("AGEN009", d.Descriptor.Id);
        Assert.Equal(new AgentGen.Common.SourceSpan(Agent("old-tools", "tools: " + legacy).IndexOf("tools: ", StringComparison.Ordinal) + 7, legacy.Length), d.Span);
        Assert.Contains(explanation, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task Legacy_tool_in_disallowed_tools_is_reported() => VerifyAsync(
        "old.md",
        Agent("old-tools", "disallowedTools: {|AGEN009:MultiEdit|}"));
}

/// <summary>AGEN010: the same tool listed twice.</summary>
public class DuplicateToolRuleTests
{
    [Fact]
    public Task Second_occurrence_is_reported() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "tools: Read, Grep, Glob, {|#0:Read|}"),
        Diagnostic("AGEN010").WithLocation(0).WithArguments("Read", "'tools'"));

    [Fact]
    public Task Duplicate_in_a_block_list_is_reported_at_the_item() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "tools:", "  - Read", "  - Grep", "  - {|AGEN010:Read|}"));

    [Fact]
    public Task Duplicate_in_disallowed_tools_names_that_field() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "disallowedTools: Bash, {|#0:Bash|}"),
        Diagnostic("AGEN010").WithLocation(0).WithArguments("Bash", "'disallowedTools'"));

    [Fact]
    public Task Tool_with_and_without_specifier_is_a_duplicate() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "tools: Read, {|#0:Read(src/**)|}"),
        Diagnostic("AGEN008").WithLocation(0),
        Diagnostic("AGEN010").WithLocation(0).WithArguments("Read", "'tools'"));

    [Fact]
    public Task Task_and_Agent_are_the_same_tool() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "tools: {|#0:Task|}, {|#1:Agent|}"),
        Diagnostic("AGEN009").WithLocation(0),
        Diagnostic("AGEN010").WithLocation(1).WithArguments("Agent", "'tools'"));

    [Fact]
    public Task Same_name_in_another_case_is_not_a_duplicate_but_unknown() => VerifyAsync(
        "cfg.md",
        Agent("config-explainer", "tools: Read, {|AGEN007:read|}"));
}

/// <summary>AGEN011: tools is empty.</summary>
public class EmptyToolsRuleTests
{
    [Fact]
    public Task Empty_flow_list_is_reported_at_the_brackets() => VerifyAsync(
        "naming.md",
        Agent("naming-advisor", "tools: {|#0:[]|}"),
        Diagnostic("AGEN011").WithLocation(0));

    [Fact]
    public Task Empty_string_is_reported_at_the_quotes() => VerifyAsync(
        "naming.md",
        Agent("naming-advisor", "tools: {|AGEN011:\"\"|}"));

    [Fact]
    public Task Tools_without_a_value_is_reported_at_the_key() => VerifyAsync(
        "naming.md",
        Agent("naming-advisor", "{|AGEN011:tools|}:"));

    [Fact]
    public Task Absent_tools_inherits_every_tool_and_is_not_reported() => VerifyAsync(
        "naming.md",
        Agent("naming-advisor", "model: haiku"));

    [Fact]
    public Task Empty_disallowed_tools_is_not_reported() => VerifyAsync(
        "naming.md",
        Agent("naming-advisor", "disallowedTools: []"));
}

/// <summary>AGEN012: a tool in both tools and disallowedTools.</summary>
public class ToolAllowedAndDisallowedRuleTests
{
    [Fact]
    public Task Overlap_is_reported_at_the_entry_in_tools() => VerifyAsync(
        "tests.md",
        Agent("test-writer", "tools: Read, Write, Edit, {|#0:Bash|}", "disallowedTools: Bash"),
        Diagnostic("AGEN012").WithLocation(0).WithArguments("Bash"));

    [Fact]
    public Task Overlap_through_a_specifier_is_reported() => VerifyAsync(
        "tests.md",
        Agent("test-writer", "tools: Read, {|#0:Bash(npm test:*)|}", "disallowedTools: Bash"),
        Diagnostic("AGEN008").WithLocation(0),
        Diagnostic("AGEN012").WithLocation(0).WithArguments("Bash"));

    [Fact]
    public Task Mcp_tool_covered_by_a_disallowed_server_wildcard_is_reported() => VerifyAsync(
        "mcp.md",
        Agent("mcp-user", "tools: Read, {|#0:mcp__billing__refund|}", "disallowedTools: mcp__billing__*"),
        Diagnostic("AGEN012").WithLocation(0).WithArguments("mcp__billing__refund"));

    [Fact]
    public Task Disallowing_one_tool_of_an_allowed_server_is_fine() => VerifyAsync(
        "mcp.md",
        Agent("mcp-user", "tools: Read, mcp__billing", "disallowedTools: mcp__billing__refund"));

    [Fact]
    public Task Overlap_in_lists_is_reported_at_the_list_item() => VerifyAsync(
        "tests.md",
        Agent("test-writer", "tools:", "  - Read", "  - {|AGEN012:Write|}", "disallowedTools: [Write]"));
}
