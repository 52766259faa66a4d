using AgentGen.AI;
using Microsoft.Agents.AI;

namespace AgentGen.Agents
{
    /// <summary>Telemetry for a team's members, through the Agent Framework's own <see cref="OpenTelemetryAgent"/>.</summary>
    internal static class AgentRunFeatures
    {
        /// <summary>
        /// With <see cref="AgentRuntimeOptions.TelemetrySourceName"/> set, the member is wrapped in the framework's
        /// <see cref="OpenTelemetryAgent"/> (an <c>invoke_agent</c> span per run, named after the agent); the invoker
        /// below already traces its chat and tool calls through <c>OpenTelemetryChatClient</c>. Otherwise the agent itself.
        /// </summary>
        public static AIAgent WithTelemetry(AIAgent agent, AgentRuntimeOptions options)
            => string.IsNullOrEmpty(options.TelemetrySourceName) ? agent : new OpenTelemetryAgent(agent, options.TelemetrySourceName);
    }
}
