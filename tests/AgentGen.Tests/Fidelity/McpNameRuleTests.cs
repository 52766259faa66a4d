namespace AgentGen.Tests.Fidelity;

/// <summary>
/// Claude Code's MCP name rules (code.claude.com/docs/en/mcp, "Plugin-provided MCP servers", v2.1.240:
/// any character outside A-Z, a-z, 0-9, _ and - becomes _), one implementation in src/Shared used by
/// the analyzers (AGEN026/AGEN027), the runtime's MCP connections and the run-time permission check;
/// checked here on both compiled copies (the public one in AgentGen.Abstractions, the analyzer's).
/// </summary>
public class McpNameRuleTests
{
    [Theory]
    [InlineData("context7", "context7")]
    [InlineData("sequential-thinking", "sequential-thinking")] // hyphens kept (I-80065 is a defect, not the rule)
    [InlineData("claude.ai Slack", "claude_ai_Slack")]          // the docs' connector example
    [InlineData("plugin:tools:db", "plugin_tools_db")]
    [InlineData("naïve", "na_ve")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_are_normalised_as_Claude_Code_does(string? name, string expected)
    {
        Assert.Equal(expected, AgentToolRules.NormalizeMcpName(name));
        Assert.Equal(expected, AgentGen.Shared.AgentToolRules.NormalizeMcpName(name));
    }

    [Theory]
    [InlineData("mcp__github__list_issues", "github")]
    [InlineData("mcp__github__*", "github")]
    [InlineData("mcp__github", "github")]
    [InlineData("mcp__sequential-thinking__sequentialthinking", "sequential-thinking")]
    [InlineData("mcp__*", null)]
    [InlineData("mcp__", null)]
    [InlineData("mcp____x", null)]
    [InlineData("Read", null)]
    [InlineData(null, null)]
    public void The_server_of_an_MCP_name(string? toolName, string? expected)
    {
        Assert.Equal(expected, AgentToolRules.McpServerOf(toolName));
        Assert.Equal(expected, AgentGen.Shared.AgentToolRules.McpServerOf(toolName));
    }
}
