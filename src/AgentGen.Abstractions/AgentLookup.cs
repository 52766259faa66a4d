using System;
using System.Collections.Generic;

namespace AgentGen
{
    /// <summary>Helpers for the generated <c>AgentCatalog</c>.</summary>
    public static class AgentLookup
    {
        /// <summary>A <see cref="KeyNotFoundException"/> for <paramref name="name"/> that names the closest known agents.</summary>
        public static KeyNotFoundException NotFound(string? name, IReadOnlyList<string> knownNames)
        {
            string asked = name ?? "(null)";
            var close = new List<KeyValuePair<int, string>>();
            if (name is not null && knownNames is not null)
            {
                foreach (string known in knownNames)
                {
                    int d = Distance(name, known);
                    if (d <= Math.Max(2, known.Length / 3) || known.IndexOf(name, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        close.Add(new KeyValuePair<int, string>(d, known));
                    }
                }
            }

            close.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
            string hint;
            if (close.Count > 0)
            {
                var names = new List<string>();
                for (int i = 0; i < close.Count && i < 3; i++)
                {
                    names.Add("'" + close[i].Value + "'");
                }

                hint = " Did you mean " + string.Join(" or ", names) + "?";
            }
            else
            {
                hint = knownNames is null || knownNames.Count == 0 ? " This project defines no agents." : " Known agents: " + string.Join(", ", knownNames) + ".";
            }

            return new KeyNotFoundException("No agent is named '" + asked + "'." + hint);
        }

        private static int Distance(string a, string b)
        {
            if (a.Length > 200 || b.Length > 200)
            {
                return int.MaxValue;
            }

            var prev = new int[b.Length + 1];
            var cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                }

                int[] t = prev;
                prev = cur;
                cur = t;
            }

            return prev[b.Length];
        }
    }
}
