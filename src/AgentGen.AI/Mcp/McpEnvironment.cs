using System;
using System.Collections.Generic;
using System.Text;

namespace AgentGen.AI.Mcp
{
    /// <summary>
    /// Claude Code's environment variable expansion in MCP server entries (code.claude.com/docs/en/mcp, "Environment
    /// variable expansion in .mcp.json", v2.1.240): <c>${VAR}</c> is the variable's value, <c>${VAR:-default}</c> the
    /// value when the variable is set and <c>default</c> otherwise. An unset variable without a default stays as the
    /// literal <c>${VAR}</c> and is reported, and the entry still loads. Expanded in <c>command</c>, <c>args</c>,
    /// <c>env</c>, <c>url</c> and <c>headers</c>.
    /// </summary>
    internal static class McpEnvironment
    {
        /// <summary>Expands <paramref name="value"/>, adding each unset variable without a default to <paramref name="unset"/>.</summary>
        public static string Expand(string value, Func<string, string?> lookup, ICollection<string>? unset)
        {
            if (string.IsNullOrEmpty(value) || value.IndexOf("${", StringComparison.Ordinal) < 0)
            {
                return value;
            }

            var result = new StringBuilder(value.Length);
            int pos = 0;
            while (pos < value.Length)
            {
                int start = value.IndexOf("${", pos, StringComparison.Ordinal);
                int close = start < 0 ? -1 : value.IndexOf('}', start + 2);
                if (start < 0 || close < 0)
                {
                    result.Append(value, pos, value.Length - pos);
                    break;
                }

                result.Append(value, pos, start - pos);
                string inner = value.Substring(start + 2, close - start - 2);
                int dash = inner.IndexOf(":-", StringComparison.Ordinal);
                string name = dash < 0 ? inner : inner.Substring(0, dash);
                if (!IsName(name))
                {
                    // Not a variable reference ("${ x }", "${}"): kept as written.
                    result.Append(value, start, close - start + 1);
                }
                else if (lookup(name) is { } set)
                {
                    result.Append(set);
                }
                else if (dash >= 0)
                {
                    result.Append(inner, dash + 2, inner.Length - dash - 2);
                }
                else
                {
                    result.Append(value, start, close - start + 1);
                    if (unset is not null && !unset.Contains(name))
                    {
                        unset.Add(name);
                    }
                }

                pos = close + 1;
            }

            return result.ToString();
        }

        private static bool IsName(string name)
        {
            if (name.Length == 0 || (name[0] >= '0' && name[0] <= '9'))
            {
                return false;
            }

            foreach (char c in name)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
