using System.Collections.Generic;
using AgentGen.Shared;

namespace AgentGen.Catalog
{
    /// <summary>"Did you mean" for the analyzers; the rule lives in <see cref="NameSuggestions"/>, which the run time shares.</summary>
    internal static class Suggestions
    {
        /// <summary>The candidate closest to <paramref name="value"/>, or null when none is close enough.</summary>
        public static string? Closest(string value, IEnumerable<string> candidates, bool ignoreCase = true)
            => NameSuggestions.Best(value, candidates, ignoreCase);

        /// <summary>Up to <paramref name="count"/> close candidates, closest first.</summary>
        public static List<string> Closest(string value, IEnumerable<string> candidates, int count)
            => NameSuggestions.Closest(value, candidates, count);
    }
}
