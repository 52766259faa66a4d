using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// A chat client that sends the inner client only the tools its agent allows, whoever put them in the request,
    /// and makes the <see cref="FunctionInvokingChatClient"/> below it (if any) refuse calls to any other tool.
    /// Built by <see cref="AgentChatExtensions.UseAgentToolPolicy(ChatClientBuilder, IAgentDefinition)"/>.
    /// </summary>
    public sealed class AgentToolPolicyChatClient : DelegatingChatClient
    {
        private readonly AgentToolbox? _toolbox;

        /// <summary>Creates the client for <paramref name="agent"/> over <paramref name="innerClient"/>.</summary>
        public AgentToolPolicyChatClient(IChatClient innerClient, IAgentDefinition agent, AgentToolbox? toolbox = null, ILogger? logger = null)
            : base(innerClient)
        {
            Agent = agent ?? throw new ArgumentNullException(nameof(agent));
            _toolbox = toolbox;
            if (innerClient.GetService(typeof(FunctionInvokingChatClient)) is FunctionInvokingChatClient functionInvoker)
            {
                AgentToolPolicy.Enforce(functionInvoker, agent, toolbox, logger);
            }
        }

        /// <summary>The agent whose permissions this client enforces.</summary>
        public IAgentDefinition Agent { get; }

        /// <inheritdoc/>
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => base.GetResponseAsync(messages, Filter(options), cancellationToken);

        /// <inheritdoc/>
        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => base.GetStreamingResponseAsync(messages, Filter(options), cancellationToken);

        /// <inheritdoc/>
        public override object? GetService(Type serviceType, object? serviceKey = null)
            => serviceKey is null && serviceType == typeof(IAgentDefinition) ? Agent : base.GetService(serviceType, serviceKey);

        /// <summary>The options with every tool the agent does not allow removed (a copy; the caller's options are untouched).</summary>
        private ChatOptions? Filter(ChatOptions? options)
        {
            if (options?.Tools is not { Count: > 0 } tools)
            {
                return options;
            }

            List<AITool>? kept = null;
            for (int i = 0; i < tools.Count; i++)
            {
                AITool tool = tools[i];
                bool allowed = AgentToolPolicy.IsAllowed(Agent, tool);
                if (!allowed && kept is null)
                {
                    kept = new List<AITool>(tools.Count);
                    for (int j = 0; j < i; j++)
                    {
                        kept.Add(tools[j]);
                    }
                }
                else if (allowed && kept is not null)
                {
                    kept.Add(tool);
                }
            }

            if (kept is null)
            {
                return options;
            }

            ChatOptions filtered = options.Clone();
            filtered.Tools = kept.Count == 0 ? null : kept;
            return filtered;
        }
    }
}
