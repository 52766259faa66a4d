// Compiled into both AgentGen.Abstractions (public, used by generated code and the runtime
// packages) and the AgentGen analyzer assembly (internal, used by the generator and AGEN100), so
// the generated Allows, the compile-time check and the runtime can never disagree.
//
// Sources (docs/catalogue.md, "Sources"; checked 2026-12-01): S1 = code.claude.com/docs/en/sub-agents
// (>= v2.1.281), S5 = Agent SDK reference (v2.1.240), S3 = Claude Code CHANGELOG, S8 = third-party
// copy of Claude Code's source (~2.1.88, low authority), S11 = GitHub's custom-agents reference.
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
    /// cover every tool of that server and <c>mcp__*</c> every MCP tool, <c>*</c> every tool,
    /// legacy names grant the tool they became, <c>memory</c> adds Read, Write and Edit, and a
    /// permission specifier (<c>Bash(git:*)</c>) grants or removes the whole tool. No method
    /// throws, whatever the entries say.
    /// </summary>
#if AGENTGEN_ANALYZER
    internal
#else
    public
#endif
    static class AgentToolRules
    {
        private const string McpPrefix = "mcp__";

        /// <summary>The tools Claude Code adds when <c>memory</c> is set (S1 "Enable persistent memory": "Read, Write, and Edit tools are automatically enabled").</summary>
        private static readonly string[] MemoryTools = { "Read", "Write", "Edit" };

        /// <summary>
        /// Claude Code's MCP name normalisation: "any character outside A-Z, a-z, 0-9, _, and - is replaced with _"
        /// (code.claude.com/docs/en/mcp, "Plugin-provided MCP servers", v2.1.240; applied here to every server and tool
        /// name, as the API accepts only <c>^[a-zA-Z0-9_-]{1,64}$</c>). Hyphens are kept. One implementation for the
        /// analyzers (AGEN026/AGEN027), the runtime's MCP connections and the run-time permission check.
        /// </summary>
        public static string NormalizeMcpName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return string.Empty;
            }

            char[] chars = name!.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }

        /// <summary>
        /// The server part of an MCP tool or rule name: <c>mcp__github__list_issues</c>, <c>mcp__github__*</c> and
        /// <c>mcp__github</c> all give <c>github</c>; <c>mcp__*</c> and anything that is not an MCP name give null.
        /// </summary>
        public static string? McpServerOf(string? toolName)
        {
            if (toolName is null || !toolName.StartsWith(McpPrefix, StringComparison.Ordinal) || toolName.Length == McpPrefix.Length)
            {
                return null;
            }

            int separator = toolName.IndexOf("__", McpPrefix.Length, StringComparison.Ordinal);
            string server = separator < 0 ? toolName.Substring(McpPrefix.Length) : toolName.Substring(McpPrefix.Length, separator - McpPrefix.Length);
            return server.Length == 0 || server.IndexOf('*') >= 0 ? null : server;
        }

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

        /// <summary>
        /// The canonical name of a tool: specifier stripped, legacy names that Claude Code still
        /// accepts mapped to today's name.
        /// </summary>
        public static string Canonicalize(string entry)
        {
            string name = StripSpecifier(entry);
            switch (name)
            {
                // S1: "In version 2.1.63, the Task tool was renamed to Agent. Existing Task(...)
                // references ... still work as aliases".
                case "Task":
                    return "Agent";

                // S5 (Agent SDK tool reference, v2.1.240): "The previous names KillShell and KillBash
                // are still accepted as aliases" of TaskStop; S8 LEGACY_TOOL_NAME_ALIASES agrees.
                case "KillShell":
                case "KillBash":
                    return "TaskStop";

                // S5: "The previous name BashOutput is still accepted as an alias" of TaskOutput.
                case "BashOutput":
                    return "TaskOutput";

                default:
                    return name;
            }
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

            // '*' is every tool. Copilot documents it (S11: "use tools: ["*"] to enable all
            // available tools"); for Claude Code only S8 (parseAgentToolsFromFrontmatter) says so, and
            // reading it as "no tool" would make Allows refuse tools both products grant.
            if (rule == "*")
            {
                return true;
            }

            if (!rule.StartsWith(McpPrefix, StringComparison.Ordinal) || !tool.StartsWith(McpPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            // mcp__* covers every MCP tool of every server (S1 "Available tools"; S5
            // AgentDefinition.disallowedTools; server-level entries in disallowedTools work since 2.1.178, S3).
            if (rule == "mcp__*" || rule == "mcp__")
            {
                return tool.Length > McpPrefix.Length;
            }

            // mcp__server__* and mcp__server cover every mcp__server__tool.
            string server = rule.EndsWith("__*", StringComparison.Ordinal) ? rule.Substring(0, rule.Length - 3) : rule;
            if (server.Length <= McpPrefix.Length || server.IndexOf("__", McpPrefix.Length, StringComparison.Ordinal) >= 0)
            {
                return false; // an empty server, or a single MCP tool that is not equal to the tool asked for
            }

            return tool.Length > server.Length + 2
                && tool.StartsWith(server, StringComparison.Ordinal)
                && string.CompareOrdinal(tool, server.Length, "__", 0, 2) == 0;
        }

        /// <summary>Whether an agent with these declarations may use <paramref name="toolName"/>.</summary>
        public static bool Allows(bool inheritsAllTools, IReadOnlyList<string> tools, IReadOnlyList<string> disallowedTools, string toolName)
            => Allows(inheritsAllTools, tools, disallowedTools, memory: false, toolName);

        /// <summary>
        /// Whether an agent with these declarations may use <paramref name="toolName"/>;
        /// <paramref name="memory"/> is true when the file sets <c>memory</c>, which adds Read,
        /// Write and Edit (S1). <c>disallowedTools</c> still wins over them (S1 applies
        /// <c>disallowedTools</c> first; that it also removes the memory tools is inferred).
        /// </summary>
        public static bool Allows(bool inheritsAllTools, IReadOnlyList<string> tools, IReadOnlyList<string> disallowedTools, bool memory, string toolName)
        {
            if (toolName is null || StripSpecifier(toolName).Length == 0)
            {
                return false;
            }

            if (disallowedTools is not null)
            {
                for (int i = 0; i < disallowedTools.Count; i++)
                {
                    if (disallowedTools[i] is { } entry && Covers(entry, toolName))
                    {
                        return false;
                    }
                }
            }

            if (inheritsAllTools)
            {
                return true;
            }

            if (memory)
            {
                string canonical = Canonicalize(toolName);
                foreach (string m in MemoryTools)
                {
                    if (string.Equals(m, canonical, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            if (tools is not null)
            {
                for (int i = 0; i < tools.Count; i++)
                {
                    if (tools[i] is { } entry && Covers(entry, toolName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
