using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentGen.AI.Mcp
{
    /// <summary>
    /// The MCP servers of a team, as Claude Code runs them (../docs/runtime.md, "MCP servers"):
    /// <list type="bullet">
    /// <item>the project's <c>.mcp.json</c> servers that some member needs (an MCP tool it lists, a name in its
    /// <c>mcpServers</c>, or every server for a member that inherits all tools) start once, with the team, and are
    /// shared;</item>
    /// <item>an agent's inline <c>mcpServers</c> entries start for each of its runs and stop after it
    /// (code.claude.com/docs/en/sub-agents, "Scope MCP servers to a subagent");</item>
    /// <item>both start only when the app trusts the project's files (<see cref="AgentRuntimeOptions.TrustProjectFiles"/>),
    /// otherwise their tools are missing and a warning is logged;</item>
    /// <item>a server that fails, times out or goes away leaves its tools missing and the run goes on; the app hears of it
    /// through the log and <see cref="Changed"/>.</item>
    /// </list>
    /// Disposing stops every server still running, the inline servers of runs in progress included.
    /// </summary>
    internal sealed class AgentMcpServers : IAsyncDisposable
    {
        private readonly AgentRuntimeOptions _options;
        private readonly string _projectDirectory;
        private readonly ILogger _logger;
        private readonly Func<string, string?> _environment;
        private readonly Dictionary<string, McpServerConnection> _shared = new Dictionary<string, McpServerConnection>(StringComparer.Ordinal);
        private readonly HashSet<McpServerConnection> _running = new HashSet<McpServerConnection>();
        private readonly object _gate = new object();
        private bool _disposed;

        private AgentMcpServers(AgentRuntimeOptions options, Func<string, string?>? environment)
        {
            _options = options;
            _projectDirectory = options.ResolveProjectDirectory();
            _logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AgentGen.AI.Mcp");
            _environment = environment ?? Environment.GetEnvironmentVariable;
        }

        /// <summary>Raised when a server connects, is skipped, fails or goes away.</summary>
        public event EventHandler<McpServerEventArgs>? Changed;

        /// <summary>The servers of the project's <c>.mcp.json</c> (all of them, started or not).</summary>
        public IReadOnlyList<McpServerConfig> ProjectServers { get; private set; } = Array.Empty<McpServerConfig>();

        /// <summary>
        /// Reads <c>.mcp.json</c> and starts the project servers <paramref name="agents"/> need (in parallel, each within
        /// <see cref="AgentRuntimeOptions.McpStartupTimeout"/>). Failures are reported, never thrown; only cancellation is.
        /// </summary>
        public static async Task<AgentMcpServers> StartAsync(
            IEnumerable<IAgentDefinition> agents,
            AgentRuntimeOptions options,
            EventHandler<McpServerEventArgs>? changed = null,
            Func<string, string?>? environment = null,
            CancellationToken cancellationToken = default)
        {
            var servers = new AgentMcpServers(options ?? throw new ArgumentNullException(nameof(options)), environment);
            if (changed is not null)
            {
                servers.Changed += changed;
            }

            try
            {
                await servers.StartProjectServersAsync(agents.ToList(), cancellationToken).ConfigureAwait(false);
                return servers;
            }
            catch
            {
                await servers.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The tools of the running project servers, in server then tool order; the caller filters by agent.</summary>
        public IReadOnlyList<AIFunction> SharedTools
        {
            get
            {
                lock (_gate)
                {
                    return _shared.Values.Where(c => c.IsAlive).SelectMany(c => c.Tools).ToList();
                }
            }
        }

        /// <summary>The tools of the running project servers <paramref name="agent"/> allows.</summary>
        public IReadOnlyList<AIFunction> SharedToolsFor(IAgentDefinition agent)
            => SharedTools.Where(t => AgentToolPolicy.IsAllowed(agent, t)).ToList();

        /// <summary>
        /// Starts <paramref name="agent"/>'s inline servers for one run. Dispose the result when the run ends. Servers
        /// that fail are reported and left out; the scope holds the tools of those that started, the ones the agent allows.
        /// </summary>
        public async Task<McpRunScope> StartInlineAsync(IAgentDefinition agent, string? inlineJson, CancellationToken cancellationToken)
        {
            var problems = new List<string>();
            IReadOnlyList<McpServerConfig> configs = McpConfigReader.ReadInline(inlineJson, $"the mcpServers of agent '{agent.Name}'", problems);
            foreach (string problem in problems)
            {
                _logger.LogWarning("{Problem}", problem);
            }

            if (configs.Count == 0)
            {
                return McpRunScope.Empty;
            }

            if (!_options.TrustProjectFiles)
            {
                // Claude Code (>= 2.1.238) loads a project agent's inline servers only after its folder accepted workspace
                // trust (code.claude.com/docs/en/sub-agents, "inline-server-trust").
                foreach (McpServerConfig config in configs)
                {
                    Report(config, agent.Name, McpServerStatus.Skipped, $"MCP server '{config.Name}' of agent '{agent.Name}' was not started: the project's files are not trusted (AgentRuntimeOptions.TrustProjectFiles is false); its tools are missing.", null, LogLevel.Warning);
                }

                return McpRunScope.Empty;
            }

            McpServerConnection?[] started = await Task.WhenAll(configs.Select(c => ConnectAsync(c, agent.Name, cancellationToken))).ConfigureAwait(false);
            var connections = started.Where(c => c is not null).Select(c => c!).ToList();
            var tools = connections.SelectMany(c => c.Tools).Where(t => AgentToolPolicy.IsAllowed(agent, t)).ToList();
            return new McpRunScope(this, connections, tools);
        }

        public async ValueTask DisposeAsync()
        {
            List<McpServerConnection> running;
            lock (_gate)
            {
                _disposed = true;
                running = _running.ToList();
                _running.Clear();
                _shared.Clear();
            }

            await Task.WhenAll(running.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        internal async ValueTask StopAsync(IReadOnlyList<McpServerConnection> connections)
        {
            lock (_gate)
            {
                foreach (McpServerConnection c in connections)
                {
                    _running.Remove(c);
                }
            }

            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        private async Task StartProjectServersAsync(List<IAgentDefinition> agents, CancellationToken cancellationToken)
        {
            var problems = new List<string>();
            IReadOnlyList<McpServerConfig>? configs = McpConfigReader.ReadProjectFile(_projectDirectory, problems);
            foreach (string problem in problems)
            {
                _logger.LogWarning("{Problem}", problem);
            }

            if (configs is null || configs.Count == 0)
            {
                return;
            }

            ProjectServers = configs;
            var needed = configs.Where(c => agents.Any(a => Needs(a, c))).ToList();
            if (needed.Count == 0)
            {
                return;
            }

            if (!_options.TrustProjectFiles)
            {
                // Claude Code asks before it uses a project's .mcp.json servers (code.claude.com/docs/en/mcp, "Project server
                // approvals and workspace trust"); here the app answers with TrustProjectFiles.
                foreach (McpServerConfig config in needed)
                {
                    Report(config, null, McpServerStatus.Skipped, $"MCP server '{config.Name}' of '{McpConfigReader.FileName}' was not started: the project's files are not trusted (AgentRuntimeOptions.TrustProjectFiles is false); its tools are missing.", null, LogLevel.Warning);
                }

                return;
            }

            McpServerConnection?[] started = await Task.WhenAll(needed.Select(c => ConnectAsync(c, null, cancellationToken))).ConfigureAwait(false);
            lock (_gate)
            {
                foreach (McpServerConnection? connection in started)
                {
                    if (connection is not null)
                    {
                        _shared[connection.Config.Name] = connection;
                    }
                }
            }
        }

        /// <summary>
        /// Whether <paramref name="agent"/> may use a tool of the project server <paramref name="config"/>: it names the
        /// server in <c>mcpServers</c> or in an MCP tool entry, or it inherits every tool (a subagent without <c>tools</c>
        /// inherits the session's MCP tools: code.claude.com/docs/en/sub-agents, "Available tools").
        /// </summary>
        private static bool Needs(IAgentDefinition agent, McpServerConfig config)
        {
            if (agent.InheritsAllTools)
            {
                return true;
            }

            string segment = config.ToolNameSegment;
            foreach (string tool in agent.ToolNames)
            {
                if (AgentToolRules.McpServerOf(tool) is { } server && string.Equals(McpNames.Normalize(server), segment, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // A name in mcpServers "reuses the session's connection" (code.claude.com/docs/en/sub-agents).
            return agent is AgentDefinitionBase b && b.McpServers.Contains(config.Name, StringComparer.Ordinal);
        }

        private async Task<McpServerConnection?> ConnectAsync(McpServerConfig config, string? agentName, CancellationToken cancellationToken)
        {
            if (config.Error is { } error)
            {
                Report(config, agentName, McpServerStatus.Skipped, $"MCP server '{config.Name}' was not started: {error}", null, LogLevel.Warning);
                return null;
            }

            try
            {
                McpServerConnection connection = await McpServerConnection.ConnectAsync(
                    config,
                    agentName,
                    _projectDirectory,
                    _options.McpStartupTimeout,
                    _options.LoggerFactory,
                    _environment,
                    warning => _logger.LogWarning("{Warning}", warning),
                    OnLost,
                    cancellationToken).ConfigureAwait(false);
                bool keep;
                lock (_gate)
                {
                    keep = !_disposed;
                    if (keep)
                    {
                        _running.Add(connection);
                    }
                }

                if (!keep)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw new ObjectDisposedException(nameof(AgentMcpServers));
                }

                Report(config, agentName, McpServerStatus.Connected, $"MCP server '{config.Name}' connected with {connection.Tools.Count} tool(s).", null, LogLevel.Information);
                return connection;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not ObjectDisposedException)
            {
                Report(config, agentName, McpServerStatus.Failed, $"MCP server '{config.Name}' failed to start: {ex.Message} Its tools are missing.", ex, LogLevel.Warning);
                return null;
            }
        }

        private void OnLost(McpServerConnection connection, Exception? error)
        {
            lock (_gate)
            {
                _running.Remove(connection);
            }

            string detail = error is null ? string.Empty : " (" + error.Message + ")";
            Report(connection.Config, connection.AgentName, McpServerStatus.Disconnected, $"MCP server '{connection.Config.Name}' stopped{detail}; its tools are missing from now on.", error, LogLevel.Warning);
            _ = connection.DisposeAsync().AsTask();
        }

        private void Report(McpServerConfig config, string? agentName, McpServerStatus status, string message, Exception? exception, LogLevel level)
        {
            _logger.Log(level, exception, "{Message}", message);
            Changed?.Invoke(this, new McpServerEventArgs(config.Name, agentName, status, message, exception));
        }
    }

    /// <summary>The inline servers started for one run of one agent, and their tools it allows. Dispose stops them.</summary>
    internal sealed class McpRunScope : IAsyncDisposable
    {
        public static readonly McpRunScope Empty = new McpRunScope(null, Array.Empty<McpServerConnection>(), Array.Empty<AIFunction>());

        private readonly AgentMcpServers? _owner;
        private readonly IReadOnlyList<McpServerConnection> _connections;

        internal McpRunScope(AgentMcpServers? owner, IReadOnlyList<McpServerConnection> connections, IReadOnlyList<AIFunction> tools)
        {
            _owner = owner;
            _connections = connections;
            Tools = tools;
        }

        public IReadOnlyList<AIFunction> Tools { get; }

        public ValueTask DisposeAsync() => _owner is null || _connections.Count == 0 ? default : _owner.StopAsync(_connections);
    }
}
