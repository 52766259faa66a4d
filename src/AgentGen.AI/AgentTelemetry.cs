using System.Diagnostics;

namespace AgentGen.AI
{
    /// <summary>The events AgentGen adds to the current OpenTelemetry span (the Agent Framework's tool or agent span).</summary>
    internal static class AgentTelemetry
    {
        public const string RefusedEvent = "agentgen.tool_call.refused";

        public const string DelegationEvent = "agentgen.delegation";

        public static void Refused(string agentName, string toolName, string reason)
        {
            Activity? activity = Activity.Current;
            if (activity is null || !activity.IsAllDataRequested)
            {
                return;
            }

            activity.AddEvent(new ActivityEvent(RefusedEvent, tags: new ActivityTagsCollection
            {
                ["gen_ai.agent.name"] = agentName,
                ["gen_ai.tool.name"] = toolName,
                ["agentgen.reason"] = reason,
            }));
        }

        public static void Delegation(string from, string to, int depth)
        {
            Activity? activity = Activity.Current;
            if (activity is null || !activity.IsAllDataRequested)
            {
                return;
            }

            activity.AddEvent(new ActivityEvent(DelegationEvent, tags: new ActivityTagsCollection
            {
                ["gen_ai.agent.name"] = from,
                ["agentgen.delegate.name"] = to,
                ["agentgen.delegation.depth"] = depth,
            }));
        }
    }
}
