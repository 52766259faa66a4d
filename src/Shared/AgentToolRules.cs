// Compiled into both AgentGen.Abstractions (public, used by generated code) and the AgentGen
// analyzer assembly (internal, used by AGEN100), so the generated Allows and the compile-time
// check can never disagree.
using System;
using System.Collections.Generic;

#if AGENTGEN_ANALYZER
namespace AgentGen.Shared
#else
namespace AgentGen
#endif
{
    /// <summary>
    /// Claude Code's rules for which tools an agent may use: an absent <c>tools</c> field allows
    /// every tool, <c>disallowedTools</c> always wins, <c>mcp__server</c> and <c>mcp__server__*</c>
    /// cover every tool of that server, and a permission specifier (<c>Bash(git:*)</c>) grants or
    /// removes the whole tool.
    /// </summary>
#if AGENTGEN_ANALYZER
    internal
#else
    public
#endif
    static class AgentToolRules
    {
        private const string McpPrefix = "mcp__";

        /// <summary>Removes a permission specifier and surrounding spaces: <c>Bash(git:*)</c> becomes <c>Bash</c>.</summary>
        public static string StripSpecifier(string entry)
        {
            if (entry is null)
            {
                return string.Empty;
            }

            int paren = entry.IndexOf('(');
            string name = paren >= 0 ? entry.Substring(0, paren) : entry;
            return name.Trim();
        }

        /// <summary>The canonical name of a tool: specifier stripped, legacy aliases (<c>Task</c>) mapped to today's name.</summary>
        public static string Canonicalize(string entry)
        {
            string name = StripSpecifier(entry);
            return string.Equals(name, "Task", StringComparison.Ordinal) ? "Agent" : name;
        }

        /// <summary>True when <paramref name="entry"/> (a <c>tools</c> or <c>disallowedTools</c> entry) covers <paramref name="toolName"/>.</summary>
        public static bool Covers(string entry, string toolName)
        {
            string rule = Canonicalize(entry);
            string tool = Canonicalize(toolName);
            if (rule.Length == 0 || tool.Length == 0)
            {
                return false;
            }

            if (string.Equals(rule, tool, StringComparison.Ordinal))
            {
                return true;
            }

            if (!rule.StartsWith(McpPrefix, StringComparison.Ordinal) || !tool.StartsWith(McpPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            // mcp__server__* and mcp__server cover every mcp__server__tool.
            string server = rule.EndsWith("__*", StringComparison.Ordinal) ? rule.Substring(0, rule.Length - 3) : rule;
            if (server.Length < McpPrefix.Length)
            {
                return false; // "mcp__*" and the like name no server (issue 14: the IndexOf below threw); fidelity owns what they should mean
            }

            if (server.IndexOf("__", McpPrefix.Length, StringComparison.Ordinal) >= 0)
            {
                return false; // a single MCP tool that is not equal to the tool asked for
            }

            return tool.Length > server.Length + 2
                && tool.StartsWith(server, StringComparison.Ordinal)
                && string.CompareOrdinal(tool, server.Length, "__", 0, 2) == 0;
        }

        /// <summary>Whether an agent with these declarations may use <paramref name="toolName"/>.</summary>
        public static bool Allows(bool inheritsAllTools, IReadOnlyList<string> tools, IReadOnlyList<string> disallowedTools, string toolName)
        {
            if (toolName is null || StripSpecifier(toolName).Length == 0)
            {
                return false;
            }

            if (disallowedTools is not null)
            {
                for (int i = 0; i < disallowedTools.Count; i++)
                {
                    if (Covers(disallowedTools[i], toolName))
                    {
                        return false;
                    }
                }
            }

            if (inheritsAllTools)
            {
                return true;
            }

            if (tools is not null)
            {
                for (int i = 0; i < tools.Count; i++)
                {
                    if (Covers(tools[i], toolName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
