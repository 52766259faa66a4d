using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AgentGen.AI
{
    /// <summary>
    /// A tool call the agent's permission mode says to ask about, given to <see cref="AgentRuntimeOptions.CanUseTool"/>
    /// (Claude Code's <c>canUseTool(toolName, input, { agentID, ... })</c>, Agent SDK, CC 2.1.240). The call has not
    /// run; it runs only if the callback answers <see cref="ToolPermissionDecision.Allow"/>.
    /// </summary>
    public sealed class ToolPermissionRequest
    {
        /// <summary>Creates the request.</summary>
        public ToolPermissionRequest(string agentName, string toolName, IReadOnlyDictionary<string, object?>? arguments, AgentPermissionMode permissionMode = AgentPermissionMode.Default, string? reason = null)
        {
            AgentName = agentName ?? throw new ArgumentNullException(nameof(agentName));
            ToolName = toolName ?? throw new ArgumentNullException(nameof(toolName));
            Arguments = arguments ?? new ReadOnlyDictionary<string, object?>(new Dictionary<string, object?>(StringComparer.Ordinal));
            PermissionMode = permissionMode;
            Reason = reason;
        }

        /// <summary>The agent making the call (Claude Code's <c>agentID</c> names the subagent).</summary>
        public string AgentName { get; }

        /// <summary>The Claude Code tool name the call is checked under (<c>Write</c>, <c>mcp__github__create_issue</c>).</summary>
        public string ToolName { get; }

        /// <summary>The call's arguments, as the model gave them (after any PreToolUse hook changed them).</summary>
        public IReadOnlyDictionary<string, object?> Arguments { get; }

        /// <summary>The permission mode the agent runs in for this call.</summary>
        public AgentPermissionMode PermissionMode { get; }

        /// <summary>Why the call is asked (Claude Code's <c>decisionReason</c>), when known.</summary>
        public string? Reason { get; }
    }

    /// <summary>The answer to a <see cref="ToolPermissionRequest"/> (Claude Code's <c>PermissionResult</c>: allow, optionally with <c>updatedInput</c>, or deny with a <c>message</c> the model sees).</summary>
    public sealed class ToolPermissionDecision
    {
        private ToolPermissionDecision(bool allowed, string? message, IReadOnlyDictionary<string, object?>? changedArguments)
        {
            IsAllowed = allowed;
            Message = message;
            ChangedArguments = changedArguments;
        }

        /// <summary>Whether the call may run.</summary>
        public bool IsAllowed { get; }

        /// <summary>For a denial: what the model is told.</summary>
        public string? Message { get; }

        /// <summary>For an allow: the arguments the call runs with instead of the model's (the whole set, as Claude Code's <c>updatedInput</c>), or <see langword="null"/> to keep them.</summary>
        public IReadOnlyDictionary<string, object?>? ChangedArguments { get; }

        /// <summary>The call runs, with <paramref name="changedArguments"/> in place of the model's when given (an allow without <c>updatedInput</c> is accepted since CC 2.1.207).</summary>
        public static ToolPermissionDecision Allow(IReadOnlyDictionary<string, object?>? changedArguments = null) => new ToolPermissionDecision(true, null, changedArguments);

        /// <summary>The call does not run; the model gets <paramref name="message"/> as the tool's result.</summary>
        public static ToolPermissionDecision Deny(string message) => new ToolPermissionDecision(false, string.IsNullOrWhiteSpace(message) ? "The user denied this tool call." : message, null);
    }
}
