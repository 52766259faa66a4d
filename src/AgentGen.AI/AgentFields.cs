using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace AgentGen.AI
{
    /// <summary>
    /// Reads the typed optional fields the generator emits on each agent class (<c>public int? MaxTurns</c>,
    /// <c>public AgentEffort? Effort</c>) that <see cref="IAgentDefinition"/> does not expose. Read once per type by
    /// reflection; an <see cref="IAgentDefinition"/> that is not a generated class simply has none.
    /// </summary>
    internal static class AgentFields
    {
        private static readonly ConcurrentDictionary<Type, Fields> s_cache = new ConcurrentDictionary<Type, Fields>();

        public static int? GetMaxTurns(IAgentDefinition agent) => Get(agent).MaxTurns?.GetValue(agent) as int?;

        public static AgentEffort? GetEffort(IAgentDefinition agent) => Get(agent).Effort?.GetValue(agent) as AgentEffort?;

        private static Fields Get(IAgentDefinition agent) => s_cache.GetOrAdd(agent.GetType(), t => new Fields(
            Property(t, "MaxTurns", typeof(int?)),
            Property(t, "Effort", typeof(AgentEffort?))));

        private static PropertyInfo? Property(Type type, string name, Type propertyType)
        {
            PropertyInfo? p = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            return p is not null && p.PropertyType == propertyType && p.GetIndexParameters().Length == 0 ? p : null;
        }

        private sealed class Fields
        {
            public Fields(PropertyInfo? maxTurns, PropertyInfo? effort)
            {
                MaxTurns = maxTurns;
                Effort = effort;
            }

            public PropertyInfo? MaxTurns { get; }

            public PropertyInfo? Effort { get; }
        }
    }
}
