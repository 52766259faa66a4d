// Compiled into both AgentGen.Abstractions (AgentLookup.NotFound, the KeyNotFoundException of the
// generated AgentCatalog.Get and of AgentTeam) and the AgentGen analyzer assembly
// (Catalog.Suggestions: AGEN007/013/014/016/018/022 and AGEN101/102), so a name misspelt at
// compile time and the same name asked for at run time get the same "did you mean". Internal in
// both assemblies.
using System;
using System.Collections.Generic;

namespace AgentGen.Shared
{
    /// <summary>
    /// "Did you mean": the candidates closest to a name nobody defined. Two kinds of match, in this
    /// order: (1) a misspelling, within an optimal-string-alignment distance (Levenshtein plus
    /// adjacent swaps, so <c>chekcer</c> is one edit from <c>checker</c>) of 1 for names of up to 3
    /// characters, 2 up to 6, 3 beyond, closest first; (2) a part of a name, when the value (3
    /// characters or more) occurs inside a longer candidate (<c>reviewer</c> in
    /// <c>code-reviewer</c>, <c>docs</c> in <c>docs-writer</c>), fewest extra characters first.
    /// Ties go to the ordinal order, so the answer does not depend on the candidates' order.
    /// </summary>
    internal static class NameSuggestions
    {
        /// <summary>The shortest value matched as a part of a longer name.</summary>
        public const int MinPartLength = 3;

        /// <summary>Names longer than this are never compared by edit distance.</summary>
        private const int MaxCompared = 256;

        /// <summary>The largest edit distance still offered for <paramref name="value"/>.</summary>
        public static int DistanceLimit(string value) => value.Length <= 3 ? 1 : value.Length <= 6 ? 2 : 3;

        /// <summary>The closest candidate, or null when none is close enough.</summary>
        public static string? Best(string value, IEnumerable<string> candidates, bool ignoreCase = true)
        {
            List<string> close = Closest(value, candidates, 1, ignoreCase);
            return close.Count > 0 ? close[0] : null;
        }

        /// <summary>Up to <paramref name="count"/> candidates, closest first (see the type's summary).</summary>
        public static List<string> Closest(string value, IEnumerable<string> candidates, int count, bool ignoreCase = true)
        {
            var result = new List<string>();
            if (value is null || candidates is null || count <= 0)
            {
                return result;
            }

            StringComparison comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            int limit = DistanceLimit(value);
            // Called for every unknown name of every file: no set of seen candidates (a repeated
            // candidate is skipped when taken) and one set of rows for every distance computed.
            var misspelt = new List<KeyValuePair<int, string>>();
            var parts = new List<KeyValuePair<int, string>>();
            int[]? rows = null;
            foreach (string candidate in candidates)
            {
                if (candidate is null)
                {
                    continue;
                }

                if (Math.Abs(candidate.Length - value.Length) <= limit)
                {
                    int d = Distance(value, candidate, ignoreCase, limit, ref rows);
                    if (d <= limit)
                    {
                        misspelt.Add(new KeyValuePair<int, string>(d, candidate));
                        continue;
                    }
                }

                if (value.Length >= MinPartLength && candidate.Length > value.Length && candidate.IndexOf(value, comparison) >= 0)
                {
                    parts.Add(new KeyValuePair<int, string>(candidate.Length - value.Length, candidate));
                }
            }

            misspelt.Sort(Compare);
            parts.Sort(Compare);
            Take(misspelt, result, count);
            Take(parts, result, count);
            return result;
        }

        /// <summary>Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps); <paramref name="cap"/> + 1 once it exceeds <paramref name="cap"/>.</summary>
        public static int Distance(string a, string b, bool ignoreCase, int cap)
        {
            int[]? rows = null;
            return Distance(a, b, ignoreCase, cap, ref rows);
        }

        /// <summary><see cref="Distance(string, string, bool, int)"/> with its three rows in <paramref name="rows"/>, grown when too short and reused by the next call.</summary>
        private static int Distance(string a, string b, bool ignoreCase, int cap, ref int[]? rows)
        {
            if (a.Length > MaxCompared || b.Length > MaxCompared)
            {
                return cap + 1;
            }

            int width = b.Length + 1;
            if (rows is null || rows.Length < 3 * width)
            {
                rows = new int[3 * Math.Max(width, 32)];
            }

            // Three rows of one array: prev2 (two rows up), prev, cur, rotated by offset.
            int prev2 = 0, prev = width, cur = 2 * width;
            for (int j = 0; j <= b.Length; j++)
            {
                rows[prev + j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                rows[cur] = i;
                int rowMin = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    char ca = ignoreCase ? char.ToLowerInvariant(a[i - 1]) : a[i - 1];
                    char cb = ignoreCase ? char.ToLowerInvariant(b[j - 1]) : b[j - 1];
                    int cost = ca == cb ? 0 : 1;
                    int v = Math.Min(Math.Min(rows[prev + j] + 1, rows[cur + j - 1] + 1), rows[prev + j - 1] + cost);
                    if (i > 1 && j > 1)
                    {
                        char pa = ignoreCase ? char.ToLowerInvariant(a[i - 2]) : a[i - 2];
                        char pb = ignoreCase ? char.ToLowerInvariant(b[j - 2]) : b[j - 2];
                        if (ca == pb && pa == cb)
                        {
                            v = Math.Min(v, rows[prev2 + j - 2] + 1);
                        }
                    }

                    rows[cur + j] = v;
                    rowMin = Math.Min(rowMin, v);
                }

                if (rowMin > cap)
                {
                    return cap + 1;
                }

                int t = prev2;
                prev2 = prev;
                prev = cur;
                cur = t;
            }

            return rows[prev + b.Length];
        }

        private static int Compare(KeyValuePair<int, string> a, KeyValuePair<int, string> b)
            => a.Key != b.Key ? a.Key.CompareTo(b.Key) : string.CompareOrdinal(a.Value, b.Value);

        private static void Take(List<KeyValuePair<int, string>> ranked, List<string> result, int count)
        {
            for (int i = 0; i < ranked.Count && result.Count < count; i++)
            {
                if (!result.Contains(ranked[i].Value))
                {
                    result.Add(ranked[i].Value);
                }
            }
        }
    }
}
