using System;
using System.Collections.Generic;

namespace AgentGen.AI
{
    /// <summary>A tool call the model made that the agent's file does not allow: refused, its implementation never ran.</summary>
    public sealed class ToolCallRefusedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public ToolCallRefusedEventArgs(string agentName, string toolName, string callId, IReadOnlyDictionary<string, object?>? arguments, string result)
        {
            AgentName = agentName;
            ToolName = toolName;
            CallId = callId;
            Arguments = arguments ?? new Dictionary<string, object?>();
            Result = result;
        }

        /// <summary>The agent whose call was refused.</summary>
        public string AgentName { get; }

        /// <summary>The tool the model asked for.</summary>
        public string ToolName { get; }

        /// <summary>The model's call id.</summary>
        public string CallId { get; }

        /// <summary>The arguments the model passed (never used).</summary>
        public IReadOnlyDictionary<string, object?> Arguments { get; }

        /// <summary>The tool result the model was given instead (see <see cref="AgentToolPolicy.RefusalMessage"/>).</summary>
        public string Result { get; }
    }
}
