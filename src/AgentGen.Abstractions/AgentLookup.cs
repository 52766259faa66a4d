using System.Collections.Generic;
using AgentGen.Shared;

namespace AgentGen
{
    /// <summary>Helpers for the generated <c>AgentCatalog</c>.</summary>
    public static class AgentLookup
    {
        /// <summary>The most names offered in a "did you mean"; AGEN101 offers the same ones at compile time.</summary>
        private const int MaxSuggestions = 3;

        /// <summary>A <see cref="KeyNotFoundException"/> for <paramref name="name"/> that names the closest known agents.</summary>
        public static KeyNotFoundException NotFound(string? name, IReadOnlyList<string> knownNames)
        {
            string asked = name ?? "(null)";
            List<string> close = name is not null && knownNames is not null
                ? NameSuggestions.Closest(name, knownNames, MaxSuggestions)
                : new List<string>();
            string hint;
            if (close.Count > 0)
            {
                hint = " Did you mean '" + string.Join("' or '", close) + "'?";
            }
            else
            {
                hint = knownNames is null || knownNames.Count == 0 ? " This project defines no agents." : " Known agents: " + string.Join(", ", knownNames) + ".";
            }

            return new KeyNotFoundException("No agent is named '" + asked + "'." + hint);
        }
    }
}
