using System;
using System.Collections.Concurrent;
using System.Reflection;

namespace AgentGen.AI
{
    /// <summary>
    /// Reads the typed optional fields (<c>MaxTurns</c>, <c>Effort</c>) that <see cref="IAgentDefinition"/> does not
    /// expose. Generated agent classes derive from <see cref="AgentDefinitionBase"/>, which has them; any other
    /// <see cref="IAgentDefinition"/> (a hand-written one) is read by reflection, once per type, and one without
    /// such properties simply has none.
    /// </summary>
    internal static class AgentFields
    {
        private static readonly ConcurrentDictionary<Type, Fields> s_cache = new ConcurrentDictionary<Type, Fields>();

        public static int? GetMaxTurns(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.MaxTurns : Get(agent).MaxTurns?.GetValue(agent) as int?;

        public static AgentEffort? GetEffort(IAgentDefinition agent)
            => agent is AgentDefinitionBase generated ? generated.Effort : Get(agent).Effort?.GetValue(agent) as AgentEffort?;

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
