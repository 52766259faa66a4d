using AgentGen.AI.Mcp;

namespace AgentGen.Runtime.Tests.Mcp;

public sealed class McpConfigTests
{
    private static string Expand(string value, params (string Name, string Value)[] env)
        => McpEnvironment.Expand(value, n => env.FirstOrDefault(e => e.Name == n).Value, null);

    [Theory]
    [InlineData("${HOME_X}", "/h")]
    [InlineData("a-${HOME_X}-b", "a-/h-b")]
    [InlineData("${NOPE:-dflt}", "dflt")]
    [InlineData("${HOME_X:-dflt}", "/h")]
    [InlineData("${NOPE}", "${NOPE}")]
    [InlineData("${NOPE:-}", "")]
    [InlineData("$HOME_X", "$HOME_X")]
    [InlineData("${ not a var }", "${ not a var }")]
    [InlineData("${HOME_X", "${HOME_X")]
    [InlineData("${EMPTY:-d}", "")]
    public void Expansion_follows_Claude_Code(string value, string expected)
        => Assert.Equal(expected, Expand(value, ("HOME_X", "/h"), ("EMPTY", "")));

    [Fact]
    public void Unset_variables_without_default_are_reported_once()
    {
        var unset = new List<string>();
        McpEnvironment.Expand("${A} ${A} ${B:-x} ${C}", _ => null, unset);
        Assert.Equal(["A", "C"], unset);
    }

    [Theory]
    [InlineData("""{"command":"npx"}""", "Stdio", null)]
    [InlineData("""{"type":"stdio","command":"npx"}""", "Stdio", null)]
    [InlineData("""{"type":"http","url":"https://x"}""", "Http", null)]
    [InlineData("""{"type":"streamable-http","url":"https://x"}""", "Http", null)]
    [InlineData("""{"type":"sse","url":"https://x"}""", "Sse", null)]
    [InlineData("""{"type":"ws","url":"wss://x"}""", "WebSocket", null)]
    [InlineData("""{"url":"https://x"}""", "Http", "has a \"url\" but no \"type\"")]
    [InlineData("""{"type":"stdio"}""", "Stdio", "no 'command'")]
    [InlineData("""{"type":"http"}""", "Http", "no 'url'")]
    [InlineData("""{"type":"grpc","url":"x"}""", "Stdio", "unknown type 'grpc'")]
    public void Entries_are_read_in_Claude_Codes_shape(string entry, string transport, string? error)
    {
        var problems = new List<string>();
        McpServerConfig config = Assert.Single(McpConfigReader.ReadProjectText("{\"mcpServers\":{\"s\":" + entry + "}}", ".mcp.json", problems));
        Assert.Empty(problems);
        Assert.Equal(transport, config.Transport.ToString());
        if (error is null)
        {
            Assert.Null(config.Error);
        }
        else
        {
            Assert.Contains(error, config.Error);
        }
    }

    [Fact]
    public void A_file_that_is_not_json_or_uses_servers_gives_no_server_and_a_problem()
    {
        var problems = new List<string>();
        Assert.Empty(McpConfigReader.ReadProjectText("{ mcpServers: ", ".mcp.json", problems));
        Assert.Empty(McpConfigReader.ReadProjectText("""{"servers":{"a":{"command":"x"}}}""", ".mcp.json", problems));
        Assert.Equal(2, problems.Count);
        Assert.Contains("not valid JSON", problems[0]);
        Assert.Contains("no 'mcpServers'", problems[1]);
    }

    [Fact]
    public void Reserved_names_are_skipped()
    {
        var problems = new List<string>();
        Assert.Empty(McpConfigReader.ReadProjectText("""{"mcpServers":{"workspace":{"command":"x"}}}""", ".mcp.json", problems));
        Assert.Contains("reserves", Assert.Single(problems));
    }

    [Fact]
    public void Names_keep_letters_digits_hyphens_and_underscores()
        => Assert.Equal("mcp__claude_ai_Slack__post-message_v2", McpNames.ToolName("claude.ai Slack", "post-message_v2"));

    [Fact]
    public void Zero_tools_refuses_with_Claude_Codes_meaning()
    {
        var agent = new TestAgent("lonely", ["mcp__gone__x", "mcp__gone2"]);
        var ex = Assert.Throws<InvalidOperationException>(() => AgentToolResolution.EnsureAnyTool(agent, ["Read"]));
        Assert.StartsWith("Agent 'lonely' would be spawned with zero tools — refusing. Its tools list resolved to nothing: unrecognized [mcp__gone__x, mcp__gone2]", ex.Message);
        AgentToolResolution.EnsureAnyTool(agent, ["mcp__gone2__y"]); // partly resolved: launches
        AgentToolResolution.EnsureAnyTool(new TestAgent("empty", []), []); // tools: [] launches with none
        AgentToolResolution.EnsureAnyTool(new TestAgent("all", null), []); // inherits: never refused
    }
}
