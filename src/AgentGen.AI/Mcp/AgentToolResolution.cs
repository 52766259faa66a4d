using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentGen.AI.Mcp
{
    /// <summary>Claude Code's check before it launches a subagent: a <c>tools</c> list that resolves to nothing is refused.</summary>
    internal static class AgentToolResolution
    {
        /// <summary>
        /// Throws when <paramref name="agent"/> lists tools and none of them is among <paramref name="available"/> (the
        /// names of the tools it is offered). Claude Code (>= 2.1.208, code.claude.com/docs/en/errors): "Agent '&lt;name&gt;'
        /// would be spawned with zero tools — refusing. Its tools list resolved to nothing: unrecognized [...]", for
        /// example <c>mcp__github__*</c> with GitHub not connected. An empty <c>tools: []</c>, or <c>disallowedTools</c>
        /// removing everything, launches with no tools and no error; a list that partly resolves launches with what did.
        /// </summary>
        /// <exception cref="InvalidOperationException">Every tool the agent lists is missing.</exception>
        public static void EnsureAnyTool(IAgentDefinition agent, IEnumerable<string> available)
        {
            if (agent.InheritsAllTools || agent.ToolNames.Count == 0)
            {
                return;
            }

            var names = available as ICollection<string> ?? available.ToList();
            foreach (string entry in agent.ToolNames)
            {
                if (names.Any(n => AgentToolRules.Covers(entry, n)))
                {
                    return;
                }
            }

            if (agent.ToolNames.All(t => agent.DisallowedToolNames.Any(d => AgentToolRules.Covers(d, t))))
            {
                return; // disallowedTools removed every entry: launched with no tools, no error
            }

            throw new InvalidOperationException(
                $"Agent '{agent.Name}' would be spawned with zero tools — refusing. Its tools list resolved to nothing: unrecognized [{string.Join(", ", agent.ToolNames)}] (no tool of that name is available: an MCP server that is not configured, not trusted, or failed to start, or a tool missing from the toolbox).");
        }
    }
}
