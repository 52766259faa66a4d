using System;
using System.Collections.Generic;

namespace AgentGen.Catalog
{
    /// <summary>"Did you mean" by edit distance.</summary>
    internal static class Suggestions
    {
        /// <summary>The candidate closest to <paramref name="value"/>, or null when none is close enough.</summary>
        public static string? Closest(string value, IEnumerable<string> candidates, bool ignoreCase = true)
        {
            string? best = null;
            int bestDistance = int.MaxValue;
            int limit = MaxDistance(value);
            foreach (string candidate in candidates)
            {
                if (Math.Abs(candidate.Length - value.Length) > limit)
                {
                    continue;
                }

                int d = Distance(value, candidate, ignoreCase, limit);
                if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
                {
                    bestDistance = d;
                    best = candidate;
                }
            }

            return bestDistance <= limit ? best : null;
        }

        /// <summary>Up to <paramref name="count"/> candidates within the distance limit, closest first.</summary>
        public static List<string> Closest(string value, IEnumerable<string> candidates, int count)
        {
            var scored = new List<KeyValuePair<int, string>>();
            int limit = Math.Max(2, MaxDistance(value));
            foreach (string candidate in candidates)
            {
                if (Math.Abs(candidate.Length - value.Length) > limit)
                {
                    continue;
                }

                int d = Distance(value, candidate, true, limit);
                if (d <= limit)
                {
                    scored.Add(new KeyValuePair<int, string>(d, candidate));
                }
            }

            scored.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value));
            var result = new List<string>();
            for (int i = 0; i < scored.Count && i < count; i++)
            {
                result.Add(scored[i].Value);
            }

            return result;
        }

        private static int MaxDistance(string value) => value.Length <= 3 ? 1 : value.Length <= 6 ? 2 : 3;

        /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), capped.</summary>
        public static int Distance(string a, string b, bool ignoreCase, int cap)
        {
            if (a.Length > 256 || b.Length > 256)
            {
                return cap + 1;
            }

            int[] prev2 = new int[b.Length + 1];
            int[] prev = new int[b.Length + 1];
            int[] cur = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                prev[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                cur[0] = i;
                int rowMin = cur[0];
                for (int j = 1; j <= b.Length; j++)
                {
                    char ca = ignoreCase ? char.ToLowerInvariant(a[i - 1]) : a[i - 1];
                    char cb = ignoreCase ? char.ToLowerInvariant(b[j - 1]) : b[j - 1];
                    int cost = ca == cb ? 0 : 1;
                    int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1)
                    {
                        char pa = ignoreCase ? char.ToLowerInvariant(a[i - 2]) : a[i - 2];
                        char pb = ignoreCase ? char.ToLowerInvariant(b[j - 2]) : b[j - 2];
                        if (ca == pb && pa == cb)
                        {
                            v = Math.Min(v, prev2[j - 2] + 1);
                        }
                    }

                    cur[j] = v;
                    rowMin = Math.Min(rowMin, v);
                }

                if (rowMin > cap)
                {
                    return cap + 1;
                }

                int[] t = prev2;
                prev2 = prev;
                prev = cur;
                cur = t;
            }

            return prev[b.Length];
        }
    }
}
