using System;
using System.Collections.Generic;

namespace AgentGen
{
    /// <summary>Thrown when code hands an agent a tool its definition does not allow.</summary>
    public sealed class ToolNotAllowedException : InvalidOperationException
    {
        /// <summary>Creates the exception.</summary>
        public ToolNotAllowedException(string agentName, string toolName, IReadOnlyList<string> allowedTools, bool inheritsAllTools = false)
            : base(BuildMessage(agentName, toolName, allowedTools, inheritsAllTools))
        {
            AgentName = agentName;
            ToolName = toolName;
            AllowedTools = allowedTools ?? Array.Empty<string>();
        }

        /// <summary>The agent's name.</summary>
        public string AgentName { get; }

        /// <summary>The tool that was refused.</summary>
        public string ToolName { get; }

        /// <summary>The agent's declared tools.</summary>
        public IReadOnlyList<string> AllowedTools { get; }

        private static string BuildMessage(string agentName, string toolName, IReadOnlyList<string> allowedTools, bool inheritsAllTools)
        {
            string allowed = inheritsAllTools
                ? "every tool except its disallowedTools"
                : allowedTools is null || allowedTools.Count == 0 ? "no tools" : string.Join(", ", allowedTools);
            return $"Agent '{agentName}' is not allowed to use tool '{toolName}'. It may use: {allowed}.";
        }
    }
}
