using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
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

        /// <summary>
        /// The permission mode the app runs the agents in: Claude Code's session mode, the "parent" of every agent the app
        /// runs. A file's own <c>permissionMode</c> applies unless this is <see cref="AgentPermissionMode.BypassPermissions"/>,
        /// <see cref="AgentPermissionMode.AcceptEdits"/> or <see cref="AgentPermissionMode.Auto"/>, which take precedence
        /// (Claude Code 2.1.240, code.claude.com/docs/en/sub-agents "Permission modes"). <see langword="null"/> (the
        /// default): only a file's own <c>permissionMode</c> gates calls; an agent whose file has none runs every call its
        /// <c>tools</c> allow, as before. Set <see cref="AgentPermissionMode.Default"/> for Claude Code's SDK behaviour.
        /// </summary>
        public AgentPermissionMode? PermissionMode { get; set; }

        /// <summary>
        /// Answers the calls a permission mode or a hook says to ask about (Claude Code's <c>canUseTool</c>). The call runs
        /// only on <see cref="ToolPermissionDecision.Allow"/>. <see langword="null"/>: every such call is denied, as in
        /// Claude Code's non-interactive runs (<c>claude -p</c> without <c>--permission-prompt-tool</c>). Never called in
        /// <see cref="AgentPermissionMode.DontAsk"/>, nor for calls that are allowed or denied without asking.
        /// </summary>
        public Func<ToolPermissionRequest, CancellationToken, ValueTask<ToolPermissionDecision>>? CanUseTool { get; set; }

        /// <summary>The app's own hooks (PreToolUse, PostToolUse, Stop, SubagentStop), run for every agent; they run whatever <see cref="TrustProjectFiles"/> says.</summary>
        public AgentHooks Hooks { get; } = new AgentHooks();

        /// <summary>
        /// Turns on OpenTelemetry for the agents' runs: each agent is wrapped in the Agent Framework's
        /// <c>OpenTelemetryAgent</c> with this <see cref="System.Diagnostics.ActivitySource"/> name (spans for the agent
        /// run, its chat calls and tool calls, following the GenAI semantic conventions), and AgentGen adds events for
        /// refused calls (<c>agentgen.tool_call.refused</c>) and delegations (<c>agentgen.delegation</c>) to the current
        /// span. The app's OpenTelemetry set-up must listen to the source. <see langword="null"/> (the default): off.
        /// </summary>
        public string? TelemetrySourceName { get; set; }

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
