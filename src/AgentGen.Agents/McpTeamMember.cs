using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.AI;
using AgentGen.AI.Mcp;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Agents
{
    /// <summary>
    /// A team member with MCP servers: for each run it starts the agent's inline <c>mcpServers</c> (stopped when the run
    /// ends, cancelled or not), adds the tools of the team's running <c>.mcp.json</c> servers and of those inline servers
    /// that the agent allows to the run's options, and refuses the run, as Claude Code refuses to launch the agent, when
    /// none of the tools its file lists is available. Every call still goes through the member's own function invoker,
    /// which checks it against the file like any other tool.
    /// </summary>
    internal sealed class McpTeamMember : DelegatingAIAgent
    {
        private readonly IAgentDefinition _definition;
        private readonly AgentMcpServers _servers;
        private readonly IReadOnlyCollection<string> _otherToolNames;
        private readonly Action<AIFunction> _registerInlineTool;

        /// <param name="inner">The member's agent.</param>
        /// <param name="definition">The member's file.</param>
        /// <param name="servers">The team's MCP servers.</param>
        /// <param name="otherToolNames">The names of the member's other tools (toolbox tools it allows, the team's Agent tool).</param>
        /// <param name="registerInlineTool">Registers a tool of an inline server with the team's gate, for this member only.</param>
        public McpTeamMember(AIAgent inner, IAgentDefinition definition, AgentMcpServers servers, IReadOnlyCollection<string> otherToolNames, Action<AIFunction> registerInlineTool)
            : base(inner)
        {
            _registerInlineTool = registerInlineTool;
            _definition = definition;
            _servers = servers;
            _otherToolNames = otherToolNames;
        }

        public override string? Name => InnerAgent.Name;

        public override string? Description => InnerAgent.Description;

        protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
        {
            McpRunScope scope = await _servers.StartInlineAsync(_definition, (_definition as AgentDefinitionBase)?.McpServerEntries, cancellationToken).ConfigureAwait(false);
            try
            {
                AgentRunOptions? withTools = Prepare(scope, options);
                return await base.RunCoreAsync(messages, session, withTools, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }

        protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            McpRunScope scope = await _servers.StartInlineAsync(_definition, (_definition as AgentDefinitionBase)?.McpServerEntries, cancellationToken).ConfigureAwait(false);
            try
            {
                AgentRunOptions? withTools = Prepare(scope, options);
                await foreach (AgentResponseUpdate update in base.RunCoreStreamingAsync(messages, session, withTools, cancellationToken).ConfigureAwait(false))
                {
                    yield return update;
                }
            }
            finally
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>The run's options with the MCP tools added, after the zero-tools check.</summary>
        private AgentRunOptions? Prepare(McpRunScope scope, AgentRunOptions? options)
        {
            var tools = new List<AITool>(_servers.SharedToolsFor(_definition));
            foreach (AIFunction tool in scope.Tools)
            {
                _registerInlineTool(tool);
                tools.Add(tool);
            }

            AgentToolResolution.EnsureAnyTool(_definition, _otherToolNames.Concat(tools.Select(t => t.Name)));
            if (tools.Count == 0)
            {
                return options;
            }

            ChatClientAgentRunOptions run = options switch
            {
                ChatClientAgentRunOptions given => (ChatClientAgentRunOptions)given.Clone(),
                null => new ChatClientAgentRunOptions(),
                _ => throw new NotSupportedException($"Agent '{_definition.Name}' runs with MCP servers and takes ChatClientAgentRunOptions; '{options.GetType()}' cannot carry its MCP tools."),
            };
            ChatOptions chat = run.ChatOptions?.Clone() ?? new ChatOptions();
            var merged = new List<AITool>(chat.Tools ?? (IList<AITool>)Array.Empty<AITool>());
            foreach (AITool tool in tools)
            {
                if (!merged.Exists(t => string.Equals(t.Name, tool.Name, StringComparison.Ordinal)))
                {
                    merged.Add(tool);
                }
            }

            chat.Tools = merged;
            run.ChatOptions = chat;
            return run;
        }
    }
}
