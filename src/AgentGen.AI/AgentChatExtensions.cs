using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>Runs a generated agent on a Microsoft.Extensions.AI <see cref="IChatClient"/>.</summary>
    public static class AgentChatExtensions
    {
        /// <summary>
        /// Chat options for <paramref name="agent"/>: <see cref="ChatOptions.Instructions"/> = the file's body,
        /// <see cref="ChatOptions.ModelId"/> = <paramref name="models"/>.Resolve(<see cref="IAgentDefinition.Model"/>),
        /// <see cref="ChatOptions.Tools"/> = the toolbox tools the agent allows, and <see cref="ChatOptions.Reasoning"/>
        /// from the file's <c>effort</c>.
        /// </summary>
        public static ChatOptions CreateChatOptions(this IAgentDefinition agent, AgentToolbox toolbox, AgentModelMap? models = null)
        {
            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            if (toolbox is null)
            {
                throw new ArgumentNullException(nameof(toolbox));
            }

            var options = new ChatOptions
            {
                Instructions = string.IsNullOrWhiteSpace(agent.Instructions) ? null : agent.Instructions,
                ModelId = (models ?? new AgentModelMap()).Resolve(agent.Model),
            };

            IReadOnlyList<AIFunction> tools = toolbox.GetTools(agent);
            if (tools.Count > 0)
            {
                options.Tools = new List<AITool>(tools);
            }

            if (ToReasoningEffort(AgentFields.GetEffort(agent)) is ReasoningEffort effort)
            {
                options.Reasoning = new ReasoningOptions { Effort = effort };
            }

            return options;
        }

        /// <summary>
        /// Adds the agent's tool policy to the pipeline. Call it before <c>UseFunctionInvocation()</c>: every request is
        /// stripped of tools the agent does not allow, whoever added them, and the function-invoking client below refuses
        /// a call to one (its implementation never runs; the model gets <see cref="AgentToolPolicy.RefusalMessage"/>;
        /// the refusal is logged through the <see cref="ILoggerFactory"/> of the builder's services).
        /// </summary>
        public static ChatClientBuilder UseAgentToolPolicy(this ChatClientBuilder builder, IAgentDefinition agent)
            => UseAgentToolPolicy(builder, agent, toolbox: null, loggerFactory: null);

        /// <summary>
        /// As <see cref="UseAgentToolPolicy(ChatClientBuilder, IAgentDefinition)"/>; refusals also raise
        /// <see cref="AgentToolbox.ToolRefused"/> on <paramref name="toolbox"/>, and a call to one of its tools the
        /// agent does not allow is answered "not allowed" rather than "not found".
        /// </summary>
        public static ChatClientBuilder UseAgentToolPolicy(this ChatClientBuilder builder, IAgentDefinition agent, AgentToolbox? toolbox, ILoggerFactory? loggerFactory = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            return builder.Use((inner, services) =>
            {
                ILoggerFactory? factory = loggerFactory ?? services.GetService<ILoggerFactory>();
                return new AgentToolPolicyChatClient(inner, agent, toolbox, factory?.CreateLogger(typeof(AgentToolPolicyChatClient).FullName!));
            });
        }

        /// <summary>The agent's <c>maxTurns</c>, or <see langword="null"/> when the file has none.</summary>
        public static int? GetMaxTurns(this IAgentDefinition agent) => AgentFields.GetMaxTurns(agent ?? throw new ArgumentNullException(nameof(agent)));

        /// <summary>The agent's <c>effort</c>, or <see langword="null"/> when the file has none.</summary>
        public static AgentEffort? GetEffort(this IAgentDefinition agent) => AgentFields.GetEffort(agent ?? throw new ArgumentNullException(nameof(agent)));

        // Claude Code's effort levels (low, medium, high, xhigh, max) onto Microsoft.Extensions.AI's ReasoningEffort
        // (None, Low, Medium, High, ExtraHigh); max has no larger level and takes ExtraHigh.
        internal static ReasoningEffort? ToReasoningEffort(AgentEffort? effort) => effort switch
        {
            AgentEffort.Low => ReasoningEffort.Low,
            AgentEffort.Medium => ReasoningEffort.Medium,
            AgentEffort.High => ReasoningEffort.High,
            AgentEffort.XHigh => ReasoningEffort.ExtraHigh,
            AgentEffort.Max => ReasoningEffort.ExtraHigh,
            _ => null,
        };
    }
}
