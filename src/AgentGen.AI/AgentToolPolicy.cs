using System;
using Microsoft.Extensions.AI;

namespace AgentGen.AI
{
    /// <summary>
    /// How AgentGen decides, at run time, whether an agent may use a tool, and what a refused call looks like. The
    /// enforcing pipeline (<see cref="AgentChatExtensions.UseAgentFunctionInvocation"/>) applies the same rules to
    /// every request and every call.
    /// </summary>
    public static class AgentToolPolicy
    {
        /// <summary>The tool result a model gets for a call its agent does not allow.</summary>
        public static string RefusalMessage(string agentName, string toolName)
            => $"Error: tool '{toolName}' is not allowed for agent '{agentName}'. It was not run. Use only the tools you were given.";

        /// <summary>
        /// Whether <paramref name="agent"/> may use <paramref name="tool"/>: a function is checked under its own name (a
        /// toolbox tool's name is the one it was added under); <see cref="HostedWebSearchTool"/> as <c>WebSearch</c>;
        /// <see cref="HostedMcpServerTool"/> as <c>mcp__&lt;server&gt;</c> and each tool it lists; any other
        /// provider-side tool only through <paramref name="options"/>' <see cref="AgentRuntimeOptions.HostedToolPermissions"/>.
        /// What a tool says about itself (its <see cref="AITool.AdditionalProperties"/>) is never read.
        /// </summary>
        public static bool IsAllowed(IAgentDefinition agent, AITool tool, AgentRuntimeOptions? options = null)
        {
            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            if (tool is null)
            {
                throw new ArgumentNullException(nameof(tool));
            }

            return new AgentToolGate(agent, options, registry: null).IsOffered(tool);
        }
    }
}
