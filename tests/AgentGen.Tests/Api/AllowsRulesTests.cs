namespace AgentGen.Tests.Api;

/// <summary>
/// The one table of Claude Code's permission rules. The generated Allows and the AGEN100 analyzer
/// both call AgentToolRules (compiled into Abstractions and into the analyzer from one file).
/// </summary>
public class AllowsRulesTests
{
    public static TheoryData<string, bool, string, string, string, bool> Cases => new()
    {
        // case name, inherits all, tools, disallowedTools, tool asked, expected
        { "absent tools allow everything", true, "", "", "WebFetch", true },
        { "absent tools allow MCP tools", true, "", "", "mcp__github__create_issue", true },
        { "disallowed wins over inherit-all", true, "", "Bash", "Bash", false },
        { "disallowed leaves other tools", true, "", "Bash", "Read", true },
        { "declared tool allowed", false, "Read,Grep", "", "Grep", true },
        { "undeclared tool refused", false, "Read,Grep", "", "Write", false },
        { "names are case-sensitive", false, "Read", "", "read", false },
        { "empty tools allow nothing", false, "", "", "Read", false },
        { "specifier stripped: whole tool granted", false, "Bash(git diff:*)", "", "Bash", true },
        { "specifier on the asked name is stripped", false, "Bash", "", "Bash(rm -rf:*)", true },
        { "disallowed wins over tools", false, "Read,Write", "Write", "Write", false },
        { "disallowed specifier removes whole tool", false, "Bash", "Bash(rm:*)", "Bash", false },
        { "mcp__server covers its tools", false, "mcp__github", "", "mcp__github__create_issue", true },
        { "mcp__server__* covers its tools", false, "mcp__github__*", "", "mcp__github__list_prs", true },
        { "mcp__server does not cover another server", false, "mcp__github", "", "mcp__gitlab__create_issue", false },
        { "mcp__server does not cover a server with a longer name", false, "mcp__git", "", "mcp__github__create_issue", false },
        { "one MCP tool does not cover its siblings", false, "mcp__github__create_issue", "", "mcp__github__delete_repo", false },
        { "one MCP tool allowed exactly", false, "mcp__context7__resolve-library-id", "", "mcp__context7__resolve-library-id", true },
        { "disallowed MCP wildcard wins over inherit-all", true, "", "mcp__billing__*", "mcp__billing__refund", false },
        { "disallowed MCP wildcard leaves other servers", true, "", "mcp__billing__*", "mcp__github__list_prs", true },
        { "legacy Task grants Agent", false, "Task", "", "Agent", true },
        { "Agent grants legacy Task", false, "Agent", "", "Task", true },
        { "disallowed Task removes Agent", true, "", "Task", "Agent", false },
        { "empty tool name is never allowed", true, "", "", "", false },
        { "whitespace around entries is ignored", false, " Read ", "", "Read", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Allows_follows_Claude_Code_rules(string name, bool inheritsAll, string tools, string disallowed, string tool, bool expected)
    {
        Assert.True(expected == AgentToolRules.Allows(inheritsAll, Split(tools), Split(disallowed), tool), name);
        Assert.True(expected == AgentGen.Shared.AgentToolRules.Allows(inheritsAll, Split(tools), Split(disallowed), tool), "analyzer copy: " + name);
    }

    [Fact]
    public void Null_tool_name_is_not_allowed() => Assert.False(AgentToolRules.Allows(true, [], [], null!));

    [Fact]
    public void Analyzer_copy_refuses_null_too() => Assert.False(AgentGen.Shared.AgentToolRules.Allows(true, [], [], null!));

    private static string[] Split(string list) => list.Length == 0 ? [] : list.Split(',');
}
