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

            if (ToReasoningEffort((agent as IAgentRuntimeDefinition)?.Effort) is ReasoningEffort effort)
            {
                options.Reasoning = new ReasoningOptions { Effort = effort };
            }

            return options;
        }

        /// <summary>
        /// Adds AgentGen's function invocation for <paramref name="agent"/>, in place of <c>UseFunctionInvocation()</c>:
        /// a <see cref="FunctionInvokingChatClient"/> that checks every call against the agent's file in its own
        /// invocation step, over a filter that offers the model only the tools the agent allows. Whatever added a tool
        /// (the request's options, the invoker's <see cref="FunctionInvokingChatClient.AdditionalTools"/>, Agent Framework
        /// run options or context providers), a call the file does not allow never runs: the model gets
        /// <see cref="AgentToolPolicy.RefusalMessage"/>, the refusal is logged (event 1 <c>ToolCallRefused</c>, category
        /// <c>AgentGen.AI.AgentToolPolicy</c>) and <paramref name="toolbox"/>'s <see cref="AgentToolbox.ToolRefused"/> is
        /// raised. The file's <c>maxTurns</c> becomes <see cref="FunctionInvokingChatClient.MaximumIterationsPerRequest"/>.
        /// </summary>
        /// <param name="builder">The pipeline; what is added after this call sits between the invoker and the provider.</param>
        /// <param name="agent">The agent whose file decides.</param>
        /// <param name="toolbox">Reports refusals; a call to one of its tools the agent does not allow is answered "not allowed" rather than "not found".</param>
        /// <param name="options">Logging (<see cref="AgentRuntimeOptions.LoggerFactory"/>, else the builder's services) and the permissions of provider-side tools (<see cref="AgentRuntimeOptions.HostedToolPermissions"/>).</param>
        /// <remarks>
        /// The pipeline fails closed: building it over a client that already contains a
        /// <see cref="FunctionInvokingChatClient"/> (a <c>UseFunctionInvocation()</c> added after this call, or inside the
        /// provider's client) throws <see cref="InvalidOperationException"/>, because that invoker would run calls before
        /// this one could check them.
        /// </remarks>
        public static ChatClientBuilder UseAgentFunctionInvocation(this ChatClientBuilder builder, IAgentDefinition agent, AgentToolbox? toolbox = null, AgentRuntimeOptions? options = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            var gate = new AgentToolGate(agent, options, registry: null);
            return builder.Use((inner, services) =>
                new AgentFunctionInvokingChatClient(inner, gate, toolbox, knownToolNames: null, options?.LoggerFactory ?? services.GetService<ILoggerFactory>(), services));
        }

        /// <summary>
        /// The agent's tool policy: the same as <see cref="UseAgentFunctionInvocation"/> (without a toolbox), which
        /// replaces <c>UseFunctionInvocation()</c>. A pipeline that still adds <c>UseFunctionInvocation()</c> below it
        /// throws <see cref="InvalidOperationException"/> when built: AgentGen cannot check calls another invoker makes.
        /// </summary>
        public static ChatClientBuilder UseAgentToolPolicy(this ChatClientBuilder builder, IAgentDefinition agent)
            => UseAgentFunctionInvocation(builder, agent);

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
