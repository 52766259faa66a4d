using System;
using System.Collections.Generic;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Agents
{
    /// <summary>Generated agents as Microsoft Agent Framework agents.</summary>
    public static class AgentFrameworkExtensions
    {
        /// <summary>
        /// A <see cref="ChatClientAgent"/> for <paramref name="agent"/>: its name and description, the file's body as
        /// instructions, its model through <paramref name="models"/>, and only the toolbox tools it allows. Its function
        /// invocation is AgentGen's (<see cref="AgentChatExtensions.UseAgentFunctionInvocation"/>): a call to any tool
        /// the file does not allow, whatever added it (run options, context providers, the invoker's
        /// <see cref="FunctionInvokingChatClient.AdditionalTools"/>), is refused, in streaming and non-streaming runs alike.
        /// </summary>
        /// <exception cref="InvalidOperationException"><paramref name="chatClient"/> already invokes functions itself (built with <c>UseFunctionInvocation()</c>): pass the provider's client.</exception>
        public static AIAgent AsAIAgent(this IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox = null, AgentModelMap? models = null)
            => Create(agent, chatClient, toolbox, new AgentRuntimeOptions { Models = models }, registry: null, extraTools: null, knownToolNames: null, configure: null);

        /// <summary>
        /// As <see cref="AsAIAgent(IAgentDefinition, IChatClient, AgentToolbox?, AgentModelMap?)"/>, with the model map,
        /// logging and provider-side tool permissions of <paramref name="options"/>; <paramref name="configure"/> may add
        /// to the agent's options (context providers, a chat history provider). Whatever tools those add go through the
        /// same checks.
        /// </summary>
        /// <exception cref="InvalidOperationException"><paramref name="chatClient"/> already invokes functions itself, or <paramref name="configure"/> left the agent a pipeline AgentGen's invoker is not the function invoker of.</exception>
        public static ChatClientAgent CreateAIAgent(this IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox = null, AgentRuntimeOptions? options = null, Action<ChatClientAgentOptions>? configure = null)
            => Create(agent, chatClient, toolbox, options ?? new AgentRuntimeOptions(), registry: null, extraTools: null, knownToolNames: null, configure);

        internal static ChatClientAgent Create(IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox, AgentRuntimeOptions options, AgentToolRegistry? registry, IEnumerable<AITool>? extraTools, IEnumerable<string>? knownToolNames, Action<ChatClientAgentOptions>? configure)
        {
            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            if (chatClient is null)
            {
                throw new ArgumentNullException(nameof(chatClient));
            }

            toolbox ??= new AgentToolbox();
            ChatOptions chatOptions = agent.CreateChatOptions(toolbox, options.Models);
            if (extraTools is not null)
            {
                var tools = new List<AITool>(extraTools);

                // A tool the team supplies (the Agent tool) replaces a toolbox tool of the same name.
                foreach (AITool tool in chatOptions.Tools ?? (IList<AITool>)Array.Empty<AITool>())
                {
                    if (!tools.Exists(t => string.Equals(t.Name, tool.Name, StringComparison.Ordinal)))
                    {
                        tools.Add(tool);
                    }
                }

                chatOptions.Tools = tools.Count == 0 ? null : tools;
            }

            // AgentGen's invoker sits right above the provider's client; the Agent Framework finds it and adds no
            // function invoker of its own (its other decorators, such as approval handling, stay above it).
            var gate = new AgentToolGate(agent, options, registry);
            var invoker = new AgentFunctionInvokingChatClient(chatClient, gate, toolbox, knownToolNames, options.LoggerFactory, services: null);
            var agentOptions = new ChatClientAgentOptions
            {
                Name = agent.Name,
                Description = agent.Description,
                ChatOptions = chatOptions,
            };
            configure?.Invoke(agentOptions);
            var created = new ChatClientAgent(invoker, agentOptions, options.LoggerFactory);

            // Fail closed: the first function invoker of the agent's pipeline must be AgentGen's.
            if (!ReferenceEquals(created.ChatClient.GetService<FunctionInvokingChatClient>(), invoker))
            {
                throw new InvalidOperationException($"The Agent Framework pipeline of agent '{agent.Name}' invokes functions through a client other than AgentGen's; it would run calls unchecked.");
            }

            return created;
        }
    }
}
