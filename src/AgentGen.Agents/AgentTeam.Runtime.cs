using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.AI;
using AgentGen.AI.Mcp;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Agents
{
    public sealed partial class AgentTeam
    {
        private readonly TeamRuntime _runtime;

        /// <summary>
        /// Raised when an MCP server of the team connects, is skipped (untrusted project files, an entry that cannot start),
        /// fails or goes away after the team was created; <see cref="McpServerEvents"/> also holds the events of
        /// <see cref="CreateAsync"/>. A handler that throws fails the run that started the server.
        /// </summary>
        public event EventHandler<McpServerEventArgs>? McpServerChanged;

        /// <summary>Everything that happened to the team's MCP servers so far, in order (the startup's events included).</summary>
        public IReadOnlyList<McpServerEventArgs> McpServerEvents => _runtime.McpEvents;

        /// <summary>
        /// Stops every MCP server the team started (the <c>.mcp.json</c> servers, and the inline servers of runs still in
        /// progress), so that no server process outlives the team. Safe to call more than once.
        /// </summary>
        public ValueTask DisposeAsync() => _runtime.DisposeAsync();

        /// <summary>
        /// The member as the team runs it: wrapped to start its inline MCP servers per run and to get the tools of the
        /// team's MCP servers, when it uses MCP at all (an MCP tool in its <c>tools</c>, an <c>mcpServers</c> entry, or
        /// every tool while the project has servers). Every MCP tool is registered by identity with the team's gate: a
        /// project server's tools under their own names, an inline server's tools for its agent only.
        /// </summary>
        private AIAgent WithMcpServers(AIAgent member, IAgentDefinition agent, AgentToolbox toolbox, AITool[]? extra, AgentRuntimeOptions options)
        {
            if (_runtime.Mcp is not { } mcp || !UsesMcp(agent, mcp))
            {
                return member;
            }

            foreach (AIFunction tool in mcp.SharedTools)
            {
                if (!_registry.TryGet(tool, out _))
                {
                    _registry.Add(tool, tool.Name, owner: null, delegationTarget: null);
                }
            }

            var others = new List<string>();
            foreach (AIFunction tool in toolbox.Tools)
            {
                if (AgentToolPolicy.IsAllowed(agent, tool, options))
                {
                    others.Add(tool.Name);
                }
            }

            others.AddRange((extra ?? Array.Empty<AITool>()).Select(t => t.Name));
            return new McpTeamMember(member, agent, mcp, others, tool => _registry.Add(tool, tool.Name, agent.Name, delegationTarget: null));
        }

        private static bool UsesMcp(IAgentDefinition agent, AgentMcpServers mcp)
            => agent.ToolNames.Any(t => AgentToolRules.McpServerOf(t) is not null)
                || (agent is AgentDefinitionBase b && b.McpServers.Count > 0)
                || (agent.InheritsAllTools && mcp.ProjectServers.Count > 0);

        /// <summary>
        /// What <see cref="CreateAsync"/> starts for the team and <see cref="DisposeAsync"/> stops: one step per concern
        /// (the MCP servers today), each adding what it started, so a failure part way disposes what already runs.
        /// </summary>
        private sealed class TeamRuntime : IAsyncDisposable
        {
            private readonly List<McpServerEventArgs> _mcpEvents = new List<McpServerEventArgs>();
            private int _disposed;

            public AgentMcpServers? Mcp { get; private set; }

            public Action<McpServerEventArgs>? OnMcpEvent { get; set; }

            public IReadOnlyList<McpServerEventArgs> McpEvents
            {
                get
                {
                    lock (_mcpEvents)
                    {
                        return _mcpEvents.ToArray();
                    }
                }
            }

            /// <summary>The <c>.mcp.json</c> servers the members need, per <see cref="AgentRuntimeOptions.TrustProjectFiles"/>.</summary>
            public async Task StartMcpServersAsync(IReadOnlyList<IAgentDefinition> members, AgentRuntimeOptions options, CancellationToken cancellationToken)
            {
                Mcp = await AgentMcpServers.StartAsync(members, options, (_, e) => Record(e), environment: null, cancellationToken).ConfigureAwait(false);
            }

            public async ValueTask DisposeAsync()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0 && Mcp is { } mcp)
                {
                    await mcp.DisposeAsync().ConfigureAwait(false);
                }
            }

            private void Record(McpServerEventArgs e)
            {
                lock (_mcpEvents)
                {
                    _mcpEvents.Add(e);
                }

                OnMcpEvent?.Invoke(e);
            }
        }
    }
}
