using System;
using System.Collections.Generic;

namespace AgentGen.Model
{
    /// <summary>
    /// The generated <c>AgentCatalog</c> class's own names: the emitter writes them, the analyzer
    /// recognizes <c>Get</c>/<c>TryGet</c> by them, and an agent's catalogue property never takes
    /// one of <see cref="Reserved"/> (<see cref="Naming.CatalogPropertyName"/>, <c>ProjectEmitter.EmitCatalog</c>).
    /// </summary>
    internal static class CatalogMembers
    {
        public const string ClassName = "AgentCatalog";
        public const string All = "All";
        public const string Get = "Get";
        public const string TryGet = "TryGet";
        public const string CreateIndex = "CreateIndex";
        public const string McpServers = "McpServers";

        /// <summary>
        /// The one list of names an agent property of <c>AgentCatalog</c> must not take: the class's
        /// name and members, and the members every class inherits from <see cref="object"/>.
        /// </summary>
        public static IReadOnlyCollection<string> Reserved => s_reserved;

        public static bool IsReserved(string name) => s_reserved.Contains(name);

        private static readonly HashSet<string> s_reserved = new(StringComparer.Ordinal)
        {
            ClassName, All, TryGet, Get, CreateIndex, McpServers,
            "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
        };
    }
}
