namespace AgentGen
{
    /// <summary>
    /// One MCP server configured in the project's <c>.mcp.json</c>, as the generated
    /// <c>AgentCatalog.McpServers</c> lists it: its name (the <c>&lt;server&gt;</c> of
    /// <c>mcp__&lt;server&gt;__&lt;tool&gt;</c>) and its transport as Claude Code names it:
    /// <c>stdio</c>, <c>http</c> (also for <c>streamable-http</c>), <c>sse</c> or <c>ws</c>.
    /// </summary>
    /// <param name="Name">The server's key under <c>mcpServers</c>, exactly as written.</param>
    /// <param name="Transport"><c>stdio</c>, <c>http</c>, <c>sse</c> or <c>ws</c>.</param>
    public sealed record McpServerInfo(string Name, string Transport);
}
