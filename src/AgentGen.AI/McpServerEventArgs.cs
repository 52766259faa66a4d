using System;

namespace AgentGen.AI
{
    /// <summary>What happened to an MCP server the runtime manages.</summary>
    public enum McpServerStatus
    {
        /// <summary>The server started and listed its tools.</summary>
        Connected,

        /// <summary>The server was not started: the project's files are not trusted, or its entry cannot be started.</summary>
        Skipped,

        /// <summary>The server failed to start or connect, or did not within the startup timeout; its tools are missing.</summary>
        Failed,

        /// <summary>The server stopped while the agents were running; its tools are missing from then on.</summary>
        Disconnected,
    }

    /// <summary>An MCP server connected, was skipped, failed or went away (see <see cref="McpServerStatus"/>).</summary>
    public sealed class McpServerEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public McpServerEventArgs(string serverName, string? agentName, McpServerStatus status, string message, Exception? exception = null)
        {
            ServerName = serverName;
            AgentName = agentName;
            Status = status;
            Message = message;
            Exception = exception;
        }

        /// <summary>The server's name, as configured.</summary>
        public string ServerName { get; }

        /// <summary>The agent whose inline <c>mcpServers</c> entry this server is; null for a server of <c>.mcp.json</c>.</summary>
        public string? AgentName { get; }

        /// <summary>What happened.</summary>
        public McpServerStatus Status { get; }

        /// <summary>A sentence saying what happened and why.</summary>
        public string Message { get; }

        /// <summary>The error behind a failure, if any.</summary>
        public Exception? Exception { get; }
    }
}
