using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;

namespace AgentGen.AI
{
    /// <summary>
    /// Reads the typed optional fields (<c>MaxTurns</c>, <c>Effort</c>, <c>PermissionMode</c>, <c>Skills</c>,
    /// <c>Memory</c>, <c>HooksJson</c>, <c>InitialPrompt</c>) that <see cref="IAgentDefinition"/> does not expose.
    /// Generated agent classes derive from <see cref="AgentDefinitionBase"/>, which has them; any other
    /// <see cref="IAgentDefinition"/> (a hand-written one) is read by reflection, once per type, and one without
    /// such properties simply has none.
    /// </summary>
    internal static class AgentFields
    {
        private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> s_cache = new ConcurrentDictionary<(Type, string), PropertyInfo?>();

        public static int? GetMaxTurns(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.MaxTurns : Get<int?>(agent, "MaxTurns");

        public static AgentEffort? GetEffort(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.Effort : Get<AgentEffort?>(agent, "Effort");

        public static AgentPermissionMode? GetPermissionMode(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.PermissionMode : Get<AgentPermissionMode?>(agent, "PermissionMode");

        public static IReadOnlyList<string> GetSkills(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.Skills : Get<IReadOnlyList<string>>(agent, "Skills") ?? Array.Empty<string>();

        public static AgentMemoryScope? GetMemory(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.Memory : Get<AgentMemoryScope?>(agent, "Memory");

        public static string? GetHooksJson(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.HooksJson : Get<string>(agent, "HooksJson");

        public static string? GetInitialPrompt(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.InitialPrompt : Get<string>(agent, "InitialPrompt");

        private static T? Get<T>(IAgentDefinition agent, string name)
        {
            PropertyInfo? p = s_cache.GetOrAdd((agent.GetType(), name), key => Property(key.Item1, key.Item2, typeof(T)));
            return p is not null && p.GetValue(agent) is T value ? value : default;
        }

        private static PropertyInfo? Property(Type type, string name, Type propertyType)
        {
            PropertyInfo? p = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            return p is not null && propertyType.IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0 ? p : null;
        }
    }
}
