using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// How AgentGen runs the agents of a project: the model map, logging, where the project's files are, and whether
    /// the project's own executable settings (hooks, MCP servers) may run. One options object serves a whole team.
    /// </summary>
    public sealed class AgentRuntimeOptions
    {
        private TimeSpan _mcpStartupTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Maps each file's <c>model</c> to a provider model id; <see langword="null"/> leaves every agent on the client's default model.</summary>
        public AgentModelMap? Models { get; set; }

        /// <summary>Logs refusals, skipped files and servers, and what the runtime decided.</summary>
        public ILoggerFactory? LoggerFactory { get; set; }

        /// <summary>
        /// The project directory: where <c>.mcp.json</c>, <c>.claude/skills/</c> and project agent memory are read
        /// (Claude Code's project root). <see langword="null"/>: the repository root above the current directory (the
        /// nearest folder holding <c>.git</c>), or the current directory when there is none.
        /// </summary>
        public string? ProjectDirectory { get; set; }

        /// <summary>
        /// Whether the app trusts the project's files to run code: the agent files' own <c>hooks</c> and inline
        /// <c>mcpServers</c>, and the servers of the project's <c>.mcp.json</c>. Claude Code asks before trusting a
        /// folder; <see langword="false"/> (the default) skips them, with a logged warning.
        /// </summary>
        public bool TrustProjectFiles { get; set; }

        /// <summary>How long one MCP server may take to start and connect (Claude Code's <c>MCP_TIMEOUT</c>, default 30 s).</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>).</exception>
        public TimeSpan McpStartupTimeout
        {
            get => _mcpStartupTimeout;
            set => _mcpStartupTimeout = value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, "The MCP startup timeout must be positive.");
        }

        /// <summary>
        /// The permission (a tool name an agent file can allow, such as <c>Bash</c>) each provider-side tool type needs,
        /// by exact type: <c>options.HostedToolPermissions[typeof(HostedCodeInterpreterTool)] = "Bash"</c>. A
        /// <see cref="Microsoft.Extensions.AI.HostedWebSearchTool"/> is always <c>WebSearch</c> and a
        /// <see cref="Microsoft.Extensions.AI.HostedMcpServerTool"/> always its <c>mcp__&lt;server&gt;</c> tools; any
        /// other provider-side tool whose type is not here is removed from every request and never runs.
        /// </summary>
        /// <remarks>Read when a pipeline or agent is built; later changes do not reach it.</remarks>
        public IDictionary<Type, string> HostedToolPermissions { get; } = new Dictionary<Type, string>();

        /// <summary>A copy of <see cref="HostedToolPermissions"/>, or null when empty.</summary>
        internal IReadOnlyDictionary<Type, string>? SnapshotHostedToolPermissions()
            => HostedToolPermissions.Count == 0 ? null : new Dictionary<Type, string>(HostedToolPermissions);

        /// <summary>The <see cref="ProjectDirectory"/>, or the directory it defaults to.</summary>
        internal string ResolveProjectDirectory()
        {
            if (!string.IsNullOrEmpty(ProjectDirectory))
            {
                return Path.GetFullPath(ProjectDirectory);
            }

            string current = Directory.GetCurrentDirectory();
            for (string? dir = current; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                // A worktree or submodule has a .git file rather than a folder; both mark the repository root.
                string git = Path.Combine(dir, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return dir;
                }
            }

            return current;
        }
    }
}
