using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace AgentGen.AI
{
    /// <summary>
    /// The app's own hooks, run for every agent of a team (as Claude Code's settings hooks fire inside subagents too).
    /// Events and matchers follow Claude Code 2.1.240 (code.claude.com/docs/en/hooks): <c>PreToolUse</c> can deny a call,
    /// ask about it or change its arguments; <c>PostToolUse</c> sees the result; <c>Stop</c> fires when an agent the app
    /// runs finishes, <c>SubagentStop</c> when a delegated agent does, and either can send the agent back to work.
    /// A matcher of <c>null</c>, <c>""</c> or <c>"*"</c> matches everything; one made only of letters, digits,
    /// <c>_</c>, <c>-</c>, spaces, <c>|</c> and <c>,</c> is an exact name or a list of names; anything else is an
    /// unanchored regular expression (<c>Edit.*</c> also matches <c>NotebookEdit</c>).
    /// </summary>
    public sealed class AgentHooks
    {
        private readonly List<(HookMatcher Matcher, Func<ToolHookContext, CancellationToken, ValueTask<PreToolUseResult>> Hook)> _pre = new();
        private readonly List<(HookMatcher Matcher, Func<ToolHookContext, CancellationToken, ValueTask> Hook)> _post = new();
        private readonly List<Func<StopHookContext, CancellationToken, ValueTask<string?>>> _stop = new();
        private readonly List<(HookMatcher Matcher, Func<StopHookContext, CancellationToken, ValueTask<string?>> Hook)> _subagentStop = new();

        /// <summary>Whether no hook is registered.</summary>
        public bool IsEmpty
        {
            get
            {
                lock (_pre)
                {
                    return _pre.Count == 0 && _post.Count == 0 && _stop.Count == 0 && _subagentStop.Count == 0;
                }
            }
        }

        /// <summary>Runs <paramref name="hook"/> before every call of a tool <paramref name="matcher"/> matches, before the permission mode decides.</summary>
        public AgentHooks AddPreToolUse(string? matcher, Func<ToolHookContext, CancellationToken, ValueTask<PreToolUseResult>> hook)
        {
            Add(_pre, (new HookMatcher(matcher), hook ?? throw new ArgumentNullException(nameof(hook))));
            return this;
        }

        /// <summary>Runs <paramref name="hook"/> after every call of a tool <paramref name="matcher"/> matches has run (<see cref="ToolHookContext.Result"/> set).</summary>
        public AgentHooks AddPostToolUse(string? matcher, Func<ToolHookContext, CancellationToken, ValueTask> hook)
        {
            Add(_post, (new HookMatcher(matcher), hook ?? throw new ArgumentNullException(nameof(hook))));
            return this;
        }

        /// <summary>Runs <paramref name="hook"/> when an agent the app runs has answered; a non-null result sends it back to work with that text as its next instruction.</summary>
        public AgentHooks AddStop(Func<StopHookContext, CancellationToken, ValueTask<string?>> hook)
        {
            Add(_stop, hook ?? throw new ArgumentNullException(nameof(hook)));
            return this;
        }

        /// <summary>Runs <paramref name="hook"/> when a delegated agent whose name <paramref name="matcher"/> matches has answered; a non-null result sends it back to work.</summary>
        public AgentHooks AddSubagentStop(string? matcher, Func<StopHookContext, CancellationToken, ValueTask<string?>> hook)
        {
            Add(_subagentStop, (new HookMatcher(matcher), hook ?? throw new ArgumentNullException(nameof(hook))));
            return this;
        }

        internal IReadOnlyList<Func<ToolHookContext, CancellationToken, ValueTask<PreToolUseResult>>> PreToolUse(string toolName) => Matching(_pre, toolName);

        internal IReadOnlyList<Func<ToolHookContext, CancellationToken, ValueTask>> PostToolUse(string toolName) => Matching(_post, toolName);

        internal IReadOnlyList<Func<StopHookContext, CancellationToken, ValueTask<string?>>> Stop(bool subagent, string agentName)
        {
            if (subagent)
            {
                return Matching(_subagentStop, agentName);
            }

            lock (_pre)
            {
                return _stop.ToArray();
            }
        }

        private void Add<T>(List<T> list, T item)
        {
            lock (_pre)
            {
                list.Add(item);
            }
        }

        private IReadOnlyList<T> Matching<T>(List<(HookMatcher Matcher, T Hook)> list, string name)
        {
            var result = new List<T>();
            lock (_pre)
            {
                foreach ((HookMatcher matcher, T hook) in list)
                {
                    if (matcher.Matches(name))
                    {
                        result.Add(hook);
                    }
                }
            }

            return result;
        }
    }

    /// <summary>A tool call as a hook sees it (Claude Code's <c>tool_name</c>, <c>tool_input</c>, <c>tool_response</c>, <c>agent_type</c>).</summary>
    public sealed class ToolHookContext
    {
        internal ToolHookContext(string agentName, bool isSubagent, string toolName, string callId, IReadOnlyDictionary<string, object?> arguments, AgentPermissionMode permissionMode, object? result = null)
        {
            AgentName = agentName;
            IsSubagent = isSubagent;
            ToolName = toolName;
            CallId = callId;
            Arguments = arguments;
            PermissionMode = permissionMode;
            Result = result;
        }

        /// <summary>The agent making the call.</summary>
        public string AgentName { get; }

        /// <summary>Whether the agent runs as a delegated subagent.</summary>
        public bool IsSubagent { get; }

        /// <summary>The Claude Code tool name.</summary>
        public string ToolName { get; }

        /// <summary>The call id (Claude Code's <c>tool_use_id</c>).</summary>
        public string CallId { get; }

        /// <summary>The call's arguments (as changed by earlier hooks).</summary>
        public IReadOnlyDictionary<string, object?> Arguments { get; }

        /// <summary>The agent's permission mode (<see cref="AgentPermissionMode.Default"/> when none applies).</summary>
        public AgentPermissionMode PermissionMode { get; }

        /// <summary>For <c>PostToolUse</c>: what the tool returned.</summary>
        public object? Result { get; }
    }

    /// <summary>An agent that has answered, as a <c>Stop</c>/<c>SubagentStop</c> hook sees it.</summary>
    public sealed class StopHookContext
    {
        internal StopHookContext(string agentName, bool isSubagent, string lastAssistantMessage, bool stopHookActive)
        {
            AgentName = agentName;
            IsSubagent = isSubagent;
            LastAssistantMessage = lastAssistantMessage;
            StopHookActive = stopHookActive;
        }

        /// <summary>The agent that answered (Claude Code's <c>agent_type</c>).</summary>
        public string AgentName { get; }

        /// <summary>Whether it ran as a delegated subagent (<c>SubagentStop</c>).</summary>
        public bool IsSubagent { get; }

        /// <summary>Its answer (Claude Code's <c>last_assistant_message</c>).</summary>
        public string LastAssistantMessage { get; }

        /// <summary>Whether the agent is already working again because a stop hook sent it back (Claude Code's <c>stop_hook_active</c>).</summary>
        public bool StopHookActive { get; }
    }

    /// <summary>What a <c>PreToolUse</c> hook decides (Claude Code's <c>permissionDecision</c> and <c>updatedInput</c>).</summary>
    public sealed class PreToolUseResult
    {
        private PreToolUseResult(HookPermission permission, string? reason, IReadOnlyDictionary<string, object?>? changedArguments)
        {
            Permission = permission;
            Reason = reason;
            ChangedArguments = changedArguments;
        }

        /// <summary>No decision: the call goes on to the permission mode.</summary>
        public static PreToolUseResult Continue { get; } = new PreToolUseResult(HookPermission.None, null, null);

        internal HookPermission Permission { get; }

        internal string? Reason { get; }

        internal IReadOnlyDictionary<string, object?>? ChangedArguments { get; }

        /// <summary>The call runs without asking (the file's <c>tools</c> still bound it), with <paramref name="changedArguments"/> when given.</summary>
        public static PreToolUseResult Allow(IReadOnlyDictionary<string, object?>? changedArguments = null) => new PreToolUseResult(HookPermission.Allow, null, changedArguments);

        /// <summary>The call is refused, even in <c>bypassPermissions</c>; the model gets <paramref name="reason"/>.</summary>
        public static PreToolUseResult Deny(string reason) => new PreToolUseResult(HookPermission.Deny, string.IsNullOrWhiteSpace(reason) ? "Blocked by a hook." : reason, null);

        /// <summary>The call goes to <see cref="AgentRuntimeOptions.CanUseTool"/> (denied without one), even in <c>bypassPermissions</c>.</summary>
        public static PreToolUseResult Ask(string? reason = null) => new PreToolUseResult(HookPermission.Ask, reason, null);

        /// <summary>No decision, but the call goes on with <paramref name="arguments"/> in place of the model's (the whole set).</summary>
        public static PreToolUseResult ChangeArguments(IReadOnlyDictionary<string, object?> arguments) => new PreToolUseResult(HookPermission.None, null, arguments ?? throw new ArgumentNullException(nameof(arguments)));
    }

    /// <summary>A hook's permission decision, in Claude Code's precedence order deny &gt; ask &gt; allow (code.claude.com/docs/en/hooks "PreToolUse decision control").</summary>
    internal enum HookPermission
    {
        None = 0,
        Allow = 1,
        Ask = 2,
        Deny = 3,
    }
}
