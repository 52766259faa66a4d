using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// Where an agent runs: as one the app runs, or delegated by another member (a subagent), and the mode of whoever
    /// started it. Flows with the async context; <c>AgentTeam</c> sets it around a delegation.
    /// </summary>
    internal static class AgentRunScope
    {
        private static readonly AsyncLocal<Frame?> s_current = new AsyncLocal<Frame?>();

        public static Frame? Current => s_current.Value;

        /// <summary>Runs the code after this call as a subagent started by an agent in <paramref name="parentMode"/>; dispose to restore.</summary>
        public static IDisposable EnterSubagent(AgentPermissionMode? parentMode)
        {
            Frame? previous = s_current.Value;
            s_current.Value = new Frame(parentMode, isSubagent: true);
            return new Restore(previous);
        }

        internal sealed class Frame
        {
            public Frame(AgentPermissionMode? parentMode, bool isSubagent)
            {
                ParentMode = parentMode;
                IsSubagent = isSubagent;
            }

            public AgentPermissionMode? ParentMode { get; }

            public bool IsSubagent { get; }
        }

        private sealed class Restore : IDisposable
        {
            private readonly Frame? _previous;

            public Restore(Frame? previous) => _previous = previous;

            public void Dispose() => s_current.Value = _previous;
        }
    }

    /// <summary>
    /// The per-call decision for the parts of an agent file beyond its tool list, in Claude Code's order
    /// (code.claude.com/docs/en/agent-sdk/permissions "How permissions are evaluated", CC 2.1.240): the file's
    /// <c>tools</c>/<c>disallowedTools</c> bound every call first (checked by the caller), then PreToolUse hooks (the
    /// app's, then the file's own command hooks when the project is trusted; a deny blocks even in bypassPermissions),
    /// then the permission mode, then <see cref="AgentRuntimeOptions.CanUseTool"/> for what is asked (none: denied).
    /// Nothing asked, denied or blocked runs.
    /// </summary>
    internal sealed class AgentPermissionGate
    {
        private static readonly Action<ILogger, string, string, string, Exception?> s_logDenied = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning, new EventId(10, "ToolCallDenied"), "Agent '{AgentName}': call of '{ToolName}' not run: {Reason}");

        private readonly AgentRuntimeOptions _options;
        private readonly ILogger? _logger;
        private readonly CommandHooks? _fileHooks;
        private readonly string _sessionId = Guid.NewGuid().ToString();

        public AgentPermissionGate(IAgentDefinition agent, AgentRuntimeOptions? options, ILogger? logger)
        {
            Agent = agent ?? throw new ArgumentNullException(nameof(agent));
            _options = options ?? new AgentRuntimeOptions();
            _logger = logger;
            ProjectDirectory = _options.ResolveProjectDirectory();
            var runtime = agent as IAgentRuntimeDefinition;
            OwnMode = runtime?.PermissionMode;
            Skills = runtime?.Skills ?? Array.Empty<string>();
            Memory = runtime?.Memory;
            InitialPrompt = string.IsNullOrWhiteSpace(runtime?.InitialPrompt) ? null : runtime!.InitialPrompt;
            MemoryDirectory = AgentFileContext.MemoryDirectory(Memory, agent.Name, ProjectDirectory);
            TelemetrySourceName = string.IsNullOrEmpty(_options.TelemetrySourceName) ? null : _options.TelemetrySourceName;

            string? hooksJson = runtime?.HooksJson;
            if (!string.IsNullOrWhiteSpace(hooksJson))
            {
                // A project agent file's hooks run only in a trusted folder (D-SUB "Hooks in subagent frontmatter";
                // CC ≥2.1.218); untrusted, the agent still runs and the hooks are skipped with a logged reason.
                if (_options.TrustProjectFiles)
                {
                    _fileHooks = CommandHooks.Parse(hooksJson, agent.Name, logger);
                }
                else if (logger is not null)
                {
                    logger.LogWarning("Agent '{AgentName}': its file's hooks were not run: AgentRuntimeOptions.TrustProjectFiles is off.", agent.Name);
                }
            }
        }

        public IAgentDefinition Agent { get; }

        public string ProjectDirectory { get; }

        public string? MemoryDirectory { get; }

        /// <summary>The file's <c>permissionMode</c>.</summary>
        public AgentPermissionMode? OwnMode { get; }

        /// <summary>The file's <c>skills</c>.</summary>
        public IReadOnlyList<string> Skills { get; }

        /// <summary>The file's <c>memory</c>.</summary>
        public AgentMemoryScope? Memory { get; }

        /// <summary>The file's <c>initialPrompt</c>, or null.</summary>
        public string? InitialPrompt { get; }

        /// <summary><see cref="AgentRuntimeOptions.TelemetrySourceName"/>, or null when telemetry is off.</summary>
        public string? TelemetrySourceName { get; }

        /// <summary>The logger the gate logs to.</summary>
        public ILogger? Logger => _logger;

        /// <summary>The mode <paramref name="agent"/> runs in now under <paramref name="options"/> (as <see cref="EffectiveMode"/>).</summary>
        public static AgentPermissionMode? EffectiveModeOf(IAgentDefinition agent, AgentRuntimeOptions? options)
            => PermissionModeRules.Effective(AgentRunScope.Current is { } frame ? frame.ParentMode : options?.PermissionMode, (agent as IAgentRuntimeDefinition)?.PermissionMode);

        /// <summary>
        /// The request of a run as the file wants it: its preloaded skills and memory added to the instructions, and,
        /// when the agent runs as the main agent and the conversation has no answer yet, its <c>initialPrompt</c> as
        /// the first user turn.
        /// </summary>
        public (IEnumerable<ChatMessage> Messages, ChatOptions? Options) BeginRun(IEnumerable<ChatMessage> messages, ChatOptions? options)
        {
            string? context = Skills.Count == 0 && MemoryDirectory is null ? null : AgentFileContext.Build(Agent.Name, Skills, Memory, ProjectDirectory, _logger);
            if (context is not null)
            {
                options = options?.Clone() ?? new ChatOptions();
                options.Instructions = string.IsNullOrEmpty(options.Instructions) ? context : options.Instructions + "\n\n" + context;
            }

            if (InitialPrompt is not null && !IsSubagent)
            {
                var list = new List<ChatMessage>(messages);
                if (!list.Exists(m => m.Role == ChatRole.Assistant))
                {
                    int first = list.FindIndex(m => m.Role == ChatRole.User);
                    list.Insert(first < 0 ? list.Count : first, new ChatMessage(ChatRole.User, InitialPrompt));
                    messages = list;
                }
            }

            return (messages, options);
        }

        /// <summary>Whether the current call runs inside a delegation.</summary>
        public static bool IsSubagent => AgentRunScope.Current?.IsSubagent == true;

        /// <summary>The mode this agent runs in now: its own, or its parent's where Claude Code says the parent's wins.</summary>
        public AgentPermissionMode? EffectiveMode
            => PermissionModeRules.Effective(AgentRunScope.Current is { } frame ? frame.ParentMode : _options.PermissionMode, OwnMode);

        /// <summary>The decision for one call the file's tools allow.</summary>
        public async ValueTask<GateDecision> CheckAsync(string toolName, string callId, IReadOnlyDictionary<string, object?> arguments, CancellationToken cancellationToken)
        {
            AgentPermissionMode? mode = EffectiveMode;
            AgentPermissionMode hookMode = mode ?? AgentPermissionMode.Default;
            bool subagent = IsSubagent;
            IReadOnlyDictionary<string, object?> args = arguments;

            // 1. PreToolUse hooks: precedence deny > ask > allow (D-HK "PreToolUse decision control"); a deny stops the rest.
            HookPermission hook = HookPermission.None;
            string? hookReason = null;
            foreach (Func<ToolHookContext, CancellationToken, ValueTask<PreToolUseResult>> pre in _options.Hooks.PreToolUse(toolName))
            {
                PreToolUseResult r = await pre(new ToolHookContext(Agent.Name, subagent, toolName, callId, args, hookMode), cancellationToken).ConfigureAwait(false)
                    ?? PreToolUseResult.Continue;
                Combine(ref hook, ref hookReason, ref args, r.Permission, r.Reason, r.ChangedArguments);
                if (hook == HookPermission.Deny)
                {
                    break;
                }
            }

            if (hook != HookPermission.Deny && _fileHooks is not null)
            {
                foreach (CommandHooks.Group handler in _fileHooks.For("PreToolUse", toolName, args))
                {
                    JsonObject input = ToolInput("PreToolUse", hookMode, subagent, toolName, callId, args);
                    HookRun r = await CommandHooks.RunAsync(handler, input, ProjectDirectory, Agent.Name, _logger, cancellationToken).ConfigureAwait(false);
                    Combine(ref hook, ref hookReason, ref args, r.Permission, r.Reason, r.ChangedArguments);
                    if (hook == HookPermission.Deny)
                    {
                        break;
                    }
                }
            }

            if (hook == HookPermission.Deny)
            {
                return Refuse(toolName, hookReason ?? "Blocked by a PreToolUse hook.", "a PreToolUse hook denied it");
            }

            if (hook == HookPermission.Allow)
            {
                // A hook allow skips the prompt (D-HK); the file's tools have already bounded the call.
                return GateDecision.Allowed(args);
            }

            // 2. The permission mode.
            string reason;
            if (hook == HookPermission.Ask)
            {
                reason = hookReason ?? "a PreToolUse hook asked";
                if (mode == AgentPermissionMode.DontAsk)
                {
                    return Refuse(toolName, DeniedMessage(toolName, "dontAsk mode denies every call that would ask"), "dontAsk");
                }
            }
            else
            {
                if (mode is not AgentPermissionMode m)
                {
                    return GateDecision.Allowed(args);
                }

                (PermissionVerdict verdict, string why) = PermissionModeRules.Decide(m, toolName, args, ProjectDirectory, MemoryDirectory);
                if (verdict == PermissionVerdict.Allow)
                {
                    return GateDecision.Allowed(args);
                }

                if (verdict == PermissionVerdict.Deny)
                {
                    return Refuse(toolName, DeniedMessage(toolName, $"{PermissionModeRules.WireName(m)} mode denies {why}"), why);
                }

                reason = $"{PermissionModeRules.WireName(m)} mode asks for {why}";
            }

            // 3. Ask: the app's callback, or deny when there is none (claude -p / SDK without canUseTool).
            if (_options.CanUseTool is not { } canUseTool)
            {
                return Refuse(toolName, DeniedMessage(toolName, reason + ", and no one could be asked (AgentRuntimeOptions.CanUseTool is not set)"), reason);
            }

            ToolPermissionDecision? answer = await canUseTool(new ToolPermissionRequest(Agent.Name, toolName, args, hookMode, reason), cancellationToken).ConfigureAwait(false);
            if (answer is null || !answer.IsAllowed)
            {
                return Refuse(toolName, answer?.Message ?? "The user denied this tool call.", "CanUseTool denied it");
            }

            return GateDecision.Allowed(answer.ChangedArguments ?? args);
        }

        /// <summary>PostToolUse hooks; returns what a blocking file hook (exit 2) says to the model, or <see langword="null"/>.</summary>
        public async ValueTask<string?> AfterAsync(string toolName, string callId, IReadOnlyDictionary<string, object?> arguments, object? result, CancellationToken cancellationToken)
        {
            AgentPermissionMode mode = EffectiveMode ?? AgentPermissionMode.Default;
            bool subagent = IsSubagent;
            foreach (Func<ToolHookContext, CancellationToken, ValueTask> post in _options.Hooks.PostToolUse(toolName))
            {
                await post(new ToolHookContext(Agent.Name, subagent, toolName, callId, arguments, mode, result), cancellationToken).ConfigureAwait(false);
            }

            string? feedback = null;
            if (_fileHooks is not null)
            {
                foreach (CommandHooks.Group handler in _fileHooks.For("PostToolUse", toolName, arguments))
                {
                    JsonObject input = ToolInput("PostToolUse", mode, subagent, toolName, callId, arguments);
                    input["tool_response"] = ToNode(result);
                    HookRun r = await CommandHooks.RunAsync(handler, input, ProjectDirectory, Agent.Name, _logger, cancellationToken).ConfigureAwait(false);
                    string? text = r.Blocked ? r.Reason : r.AdditionalContext;
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        feedback = feedback is null ? text : feedback + "\n" + text;
                    }
                }
            }

            return feedback;
        }

        /// <summary>
        /// Stop hooks when the agent has answered: the app's <c>Stop</c> (or <c>SubagentStop</c> for a delegated run), then
        /// the file's own; the file's <c>Stop</c> runs as <c>SubagentStop</c> when the agent is a subagent (D-SUB). Returns
        /// the instruction to keep working with, or <see langword="null"/> to stop.
        /// </summary>
        public async ValueTask<string?> StopAsync(string lastAssistantMessage, bool stopHookActive, CancellationToken cancellationToken)
        {
            bool subagent = IsSubagent;
            foreach (Func<StopHookContext, CancellationToken, ValueTask<string?>> stop in _options.Hooks.Stop(subagent, Agent.Name))
            {
                string? again = await stop(new StopHookContext(Agent.Name, subagent, lastAssistantMessage, stopHookActive), cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(again))
                {
                    return again;
                }
            }

            if (_fileHooks is not null)
            {
                string hookEvent = subagent ? "SubagentStop" : "Stop";
                var handlers = new List<CommandHooks.Group>(_fileHooks.For("Stop", Agent.Name, null));
                if (subagent)
                {
                    handlers.AddRange(_fileHooks.For("SubagentStop", Agent.Name, null));
                }

                foreach (CommandHooks.Group handler in handlers)
                {
                    JsonObject input = Common(hookEvent, EffectiveMode ?? AgentPermissionMode.Default, subagent);
                    input["stop_hook_active"] = stopHookActive;
                    input["last_assistant_message"] = lastAssistantMessage;
                    HookRun r = await CommandHooks.RunAsync(handler, input, ProjectDirectory, Agent.Name, _logger, cancellationToken).ConfigureAwait(false);
                    if (r.Blocked && !string.IsNullOrWhiteSpace(r.Reason))
                    {
                        return r.Reason;
                    }
                }
            }

            return null;
        }

        /// <summary>Whether any Stop hook can fire for this agent.</summary>
        public bool HasStopHooks => !_options.Hooks.IsEmpty || _fileHooks is not null;

        /// <summary>The text a refused call returns to the model.</summary>
        internal static string DeniedMessage(string toolName, string reason)
            => $"Permission to use {toolName} was denied: {reason}. The call was not run.";

        private GateDecision Refuse(string toolName, string message, string reason)
        {
            if (_logger is not null)
            {
                s_logDenied(_logger, Agent.Name, toolName, reason, null);
            }

            return GateDecision.Refused(message);
        }

        private static void Combine(ref HookPermission current, ref string? reason, ref IReadOnlyDictionary<string, object?> args, HookPermission next, string? nextReason, IReadOnlyDictionary<string, object?>? changed)
        {
            if (changed is not null)
            {
                // updatedInput replaces the whole input (D-HK).
                args = changed;
            }

            if (next > current)
            {
                current = next;
                reason = nextReason;
            }
        }

        private JsonObject Common(string hookEvent, AgentPermissionMode mode, bool subagent)
        {
            // Claude Code's common input fields (D-HK "Common input fields", CC 2.1.240). AgentGen keeps no transcript file.
            var o = new JsonObject
            {
                ["session_id"] = _sessionId,
                ["transcript_path"] = string.Empty,
                ["cwd"] = ProjectDirectory,
                ["permission_mode"] = PermissionModeRules.WireName(mode),
                ["hook_event_name"] = hookEvent,
            };
            if (subagent)
            {
                o["agent_id"] = _sessionId;
                o["agent_type"] = Agent.Name;
            }

            return o;
        }

        private JsonObject ToolInput(string hookEvent, AgentPermissionMode mode, bool subagent, string toolName, string callId, IReadOnlyDictionary<string, object?> args)
        {
            JsonObject o = Common(hookEvent, mode, subagent);
            o["tool_name"] = toolName;
            var input = new JsonObject();
            foreach (KeyValuePair<string, object?> p in args)
            {
                input[p.Key] = ToNode(p.Value);
            }

            o["tool_input"] = input;
            o["tool_use_id"] = callId;
            return o;
        }

        private static JsonNode? ToNode(object? value)
        {
            if (value is null)
            {
                return null;
            }

            try
            {
                return JsonSerializer.SerializeToNode(value, value.GetType(), AIJsonUtilities.DefaultOptions);
            }
            catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
            {
                return value.ToString();
            }
        }
    }

    /// <summary>A gate decision: refused with a message for the model, or allowed with the arguments to run with.</summary>
    internal readonly struct GateDecision
    {
        private GateDecision(bool allowed, string? message, IReadOnlyDictionary<string, object?>? arguments)
        {
            IsAllowed = allowed;
            Message = message;
            Arguments = arguments;
        }

        public bool IsAllowed { get; }

        public string? Message { get; }

        public IReadOnlyDictionary<string, object?>? Arguments { get; }

        public static GateDecision Allowed(IReadOnlyDictionary<string, object?> arguments) => new GateDecision(true, null, arguments);

        public static GateDecision Refused(string message) => new GateDecision(false, message, null);
    }
}
