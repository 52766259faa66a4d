using System;
using System.Collections.Generic;

namespace AgentGen.AI.Mcp
{
    /// <summary>How an MCP server is reached (the <c>type</c> of a <c>.mcp.json</c> entry).</summary>
    internal enum McpTransportKind
    {
        Stdio,
        Http,
        Sse,
        WebSocket,
    }

    /// <summary>Where an MCP server's configuration comes from; decides its lifetime and its trust check.</summary>
    internal enum McpServerScope
    {
        /// <summary>The project's <c>.mcp.json</c>: one connection shared by the team.</summary>
        Project,

        /// <summary>An agent file's inline <c>mcpServers</c> entry: started for that agent's run, stopped after it.</summary>
        Inline,
    }

    /// <summary>
    /// One server entry of <c>.mcp.json</c> or of an agent's inline <c>mcpServers</c>, in Claude Code's shape
    /// (code.claude.com/docs/en/mcp, v2.1.240): stdio <c>command</c>/<c>args</c>/<c>env</c>, or <c>url</c>/<c>headers</c>
    /// for <c>http</c> (also <c>streamable-http</c>), <c>sse</c> and <c>ws</c>. Values are as written; <c>${VAR}</c> is
    /// expanded when the server starts (<see cref="McpEnvironment"/>).
    /// </summary>
    internal sealed class McpServerConfig
    {
        public McpServerConfig(string name, McpServerScope scope, McpTransportKind transport, string? command, IReadOnlyList<string> args, IReadOnlyDictionary<string, string> env, string? url, IReadOnlyDictionary<string, string> headers, string? error)
        {
            Name = name;
            Scope = scope;
            Transport = transport;
            Command = command;
            Args = args;
            Env = env;
            Url = url;
            Headers = headers;
            Error = error;
        }

        public string Name { get; }

        /// <summary>The name as it appears in tool names: <c>mcp__&lt;ToolNameSegment&gt;__&lt;tool&gt;</c>.</summary>
        public string ToolNameSegment => McpNames.Normalize(Name);

        public McpServerScope Scope { get; }

        public McpTransportKind Transport { get; }

        public string? Command { get; }

        public IReadOnlyList<string> Args { get; }

        public IReadOnlyDictionary<string, string> Env { get; }

        public string? Url { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>Why the entry cannot be started (no <c>command</c>, no <c>url</c>, unknown <c>type</c>); null when it can.</summary>
        public string? Error { get; }

        internal static readonly IReadOnlyList<string> NoArgs = Array.Empty<string>();

        internal static readonly IReadOnlyDictionary<string, string> NoMap = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>MCP tool names as Claude Code forms them.</summary>
    internal static class McpNames
    {
        public const string Prefix = "mcp__";

        /// <summary>Claude Code's MCP name normalisation (<see cref="AgentToolRules.NormalizeMcpName"/>).</summary>
        public static string Normalize(string name) => AgentToolRules.NormalizeMcpName(name);

        /// <summary><c>mcp__&lt;server&gt;__&lt;tool&gt;</c>.</summary>
        public static string ToolName(string server, string tool) => Prefix + Normalize(server) + "__" + Normalize(tool);
    }
}
