using System;
using System.Collections.Generic;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.Agents
{
    /// <summary>Generated agents as Microsoft Agent Framework agents.</summary>
    public static class AgentFrameworkExtensions
    {
        /// <summary>
        /// A <see cref="ChatClientAgent"/> for <paramref name="agent"/>: its name and description, the file's body as
        /// instructions, its model through <paramref name="models"/>, and only the toolbox tools it allows. A call to
        /// any other tool, whatever added it (run options, context providers, the client's
        /// <see cref="FunctionInvokingChatClient.AdditionalTools"/>), is refused at invocation, in streaming and
        /// non-streaming runs alike (see <see cref="AgentToolPolicy"/>).
        /// </summary>
        public static AIAgent AsAIAgent(this IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox = null, AgentModelMap? models = null)
            => AsAIAgent(agent, chatClient, toolbox, models, loggerFactory: null);

        /// <summary>
        /// As <see cref="AsAIAgent(IAgentDefinition, IChatClient, AgentToolbox?, AgentModelMap?)"/>, logging through
        /// <paramref name="loggerFactory"/> (refusals included); <paramref name="configure"/> may add to the agent's
        /// options (context providers, a chat history provider). Whatever tools those add go through the same policy.
        /// </summary>
        public static AIAgent AsAIAgent(this IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox, AgentModelMap? models, ILoggerFactory? loggerFactory, Action<ChatClientAgentOptions>? configure = null)
            => Create(agent, chatClient, toolbox, models, loggerFactory, extraTools: null, knownToolNames: null, configure);

        /// <summary>
        /// As <see cref="AsAIAgent(IAgentDefinition, IChatClient, AgentToolbox?, AgentModelMap?)"/>, with the rest of the
        /// file honoured at run time through <paramref name="options"/>: its <c>permissionMode</c> (asked calls go to
        /// <see cref="AgentRuntimeOptions.CanUseTool"/>), the app's and (when trusted) the file's own hooks, its preloaded
        /// <c>skills</c> and <c>memory</c>, its <c>initialPrompt</c> (the agent runs as the main agent), and telemetry
        /// (<see cref="AgentRuntimeOptions.TelemetrySourceName"/>). Models and logging come from <paramref name="options"/>.
        /// </summary>
        public static AIAgent AsAIAgent(this IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox, AgentRuntimeOptions options)
            => Create(agent, chatClient, toolbox, options?.Models, options?.LoggerFactory, extraTools: null, knownToolNames: null, configure: null, runtime: options ?? throw new ArgumentNullException(nameof(options)));

        internal static AIAgent Create(IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox, AgentModelMap? models, ILoggerFactory? loggerFactory, IEnumerable<AITool>? extraTools, IEnumerable<string>? knownToolNames, Action<ChatClientAgentOptions>? configure = null, AgentRuntimeOptions? runtime = null)
            => Create(agent, chatClient, toolbox, models, loggerFactory, extraTools, knownToolNames, configure, runtime is null ? null : new AgentPermissionGate(agent, runtime, loggerFactory?.CreateLogger(typeof(AgentPermissionGate).FullName!)), runtime);

        internal static AIAgent Create(IAgentDefinition agent, IChatClient chatClient, AgentToolbox? toolbox, AgentModelMap? models, ILoggerFactory? loggerFactory, IEnumerable<AITool>? extraTools, IEnumerable<string>? knownToolNames, Action<ChatClientAgentOptions>? configure, AgentPermissionGate? gate, AgentRuntimeOptions? runtime)
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
            ILogger? logger = loggerFactory?.CreateLogger(typeof(AgentToolPolicyChatClient).FullName!);

            ChatOptions options = agent.CreateChatOptions(toolbox, models);
            if (extraTools is not null)
            {
                var tools = new List<AITool>();
                foreach (AITool extra in extraTools)
                {
                    tools.Add(extra);
                }

                // A tool the team supplies (the Agent tool) replaces a toolbox tool of the same name.
                foreach (AITool tool in options.Tools ?? (IList<AITool>)Array.Empty<AITool>())
                {
                    if (!tools.Exists(t => string.Equals(t.Name, tool.Name, StringComparison.Ordinal)))
                    {
                        tools.Add(tool);
                    }
                }

                options.Tools = tools.Count == 0 ? null : tools;
            }

            // The policy sits right above the provider's client: whatever the agent's pipeline adds to a request,
            // the model is offered only allowed tools. The Agent Framework puts its FunctionInvokingChatClient above
            // it; that one is made to refuse disallowed calls below.
            var policy = new AgentToolPolicyChatClient(chatClient, agent, toolbox, logger);
            var agentOptions = new ChatClientAgentOptions
            {
                Name = agent.Name,
                Description = agent.Description,
                ChatOptions = options,
            };
            if (gate is not null)
            {
                AgentRunFeatures.AddContext(agentOptions, gate, logger);
            }

            configure?.Invoke(agentOptions);
            var created = new ChatClientAgent(policy, agentOptions, loggerFactory);

            // Without a FunctionInvokingChatClient (UseProvidedChatClientAsIs over a client that has none) no tool is
            // invoked automatically: function calls go back to the caller, and only the offered-tools filter applies.
            if (created.ChatClient.GetService<FunctionInvokingChatClient>() is FunctionInvokingChatClient functionInvoker)
            {
                AgentToolPolicy.Enforce(functionInvoker, agent, toolbox, logger, knownToolNames, gate);
            }

            return AgentRunFeatures.Wrap(created, gate, runtime);
        }
    }
}
