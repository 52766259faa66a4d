using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// How AgentGen decides, at run time, whether an agent may use a tool, and what a refused call looks like.
    /// </summary>
    public static class AgentToolPolicy
    {
        /// <summary>
        /// Key of <see cref="AITool.AdditionalProperties"/> naming the permission a tool needs when it is not its own
        /// name: the tools <c>AgentGen.Agents</c> makes for typed agent requests need <c>Agent</c>, as delegation does.
        /// </summary>
        public const string PermissionKey = "agentgen.permission";

        /// <summary>The tool result a model gets for a call its agent does not allow.</summary>
        public static string RefusalMessage(string agentName, string toolName)
            => $"Error: tool '{toolName}' is not allowed for agent '{agentName}'. It was not run. Use only the tools you were given.";

        /// <summary>The tool name an agent's permissions are checked against for <paramref name="tool"/>.</summary>
        public static string GetPermissionName(AITool tool)
        {
            if (tool is null)
            {
                throw new ArgumentNullException(nameof(tool));
            }

            if (tool.AdditionalProperties is { } props && props.TryGetValue(PermissionKey, out object? value) && value is string permission && permission.Length > 0)
            {
                return permission;
            }

            // Provider-side tools run on the provider, not through FunctionInvokingChatClient: check them under the
            // Claude Code tool they stand for.
            if (tool is HostedWebSearchTool)
            {
                return "WebSearch";
            }

            return tool.Name;
        }

        /// <summary>Whether <paramref name="agent"/> may use <paramref name="tool"/>.</summary>
        public static bool IsAllowed(IAgentDefinition agent, AITool tool)
        {
            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            return tool is not RefusedTool && agent.Allows(GetPermissionName(tool));
        }

        private static readonly ConditionalWeakTable<FunctionInvokingChatClient, Guard> s_guards = new ConditionalWeakTable<FunctionInvokingChatClient, Guard>();

        private static readonly Action<ILogger, string, string, string, Exception?> s_logRefused = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning,
            new EventId(1, "ToolCallRefused"),
            "Agent '{AgentName}' called tool '{ToolName}' (call {CallId}), which its file does not allow; the call was refused and not run.");

        /// <summary>
        /// Makes <paramref name="functionInvoker"/> refuse every call <paramref name="agent"/> does not allow, whatever
        /// supplied the tool (<see cref="ChatOptions.Tools"/>, <see cref="FunctionInvokingChatClient.AdditionalTools"/>,
        /// per-run options, context providers): the implementation never runs and the model gets
        /// <see cref="RefusalMessage"/>. Toolbox tools the agent does not allow are added to
        /// <see cref="FunctionInvokingChatClient.AdditionalTools"/> as refusals (never offered to the model), so a call
        /// to one is answered "not allowed" rather than "not found". The agent's <c>maxTurns</c>, when set, becomes
        /// <see cref="FunctionInvokingChatClient.MaximumIterationsPerRequest"/>.
        /// </summary>
        /// <exception cref="InvalidOperationException">The client already enforces another agent: build one pipeline per agent.</exception>
        public static void Enforce(FunctionInvokingChatClient functionInvoker, IAgentDefinition agent, AgentToolbox? toolbox = null, ILogger? logger = null)
            => Enforce(functionInvoker, agent, toolbox, logger, knownToolNames: null);

        /// <summary>As the public overload; <paramref name="knownToolNames"/> are further tools the app has (the team's Agent tool) that a call is refused rather than "not found" for.</summary>
        internal static void Enforce(FunctionInvokingChatClient functionInvoker, IAgentDefinition agent, AgentToolbox? toolbox, ILogger? logger, IEnumerable<string>? knownToolNames, AgentPermissionGate? gate = null)
        {
            if (functionInvoker is null)
            {
                throw new ArgumentNullException(nameof(functionInvoker));
            }

            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            lock (s_guards)
            {
                if (s_guards.TryGetValue(functionInvoker, out Guard? existing))
                {
                    if (!string.Equals(existing.Agent.Name, agent.Name, StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException(
                            $"This FunctionInvokingChatClient already enforces the tools of agent '{existing.Agent.Name}'; build one chat client pipeline per agent (it cannot also serve '{agent.Name}').");
                    }

                    existing.AddToolbox(toolbox);
                    return;
                }

                var guard = new Guard(agent, logger, functionInvoker.FunctionInvoker, gate);
                guard.AddToolbox(toolbox);
                functionInvoker.FunctionInvoker = guard.InvokeAsync;
                s_guards.Add(functionInvoker, guard);

                var names = new List<string>();
                if (toolbox is not null)
                {
                    foreach (AIFunction tool in toolbox.Tools)
                    {
                        if (!IsAllowed(agent, tool))
                        {
                            names.Add(tool.Name);
                        }
                    }
                }

                if (knownToolNames is not null)
                {
                    foreach (string name in knownToolNames)
                    {
                        if (!agent.Allows(name))
                        {
                            names.Add(name);
                        }
                    }
                }

                if (names.Count > 0)
                {
                    IList<AITool> additional = functionInvoker.AdditionalTools ?? new List<AITool>();
                    foreach (string name in names)
                    {
                        if (!Contains(additional, name))
                        {
                            additional.Add(new RefusedTool(name, agent.Name));
                        }
                    }

                    functionInvoker.AdditionalTools = additional;
                }

                if (AgentFields.GetMaxTurns(agent) is int maxTurns && maxTurns > 0)
                {
                    functionInvoker.MaximumIterationsPerRequest = maxTurns;
                }
            }
        }

        private static bool Contains(IList<AITool> tools, string name)
        {
            foreach (AITool t in tools)
            {
                if (string.Equals(t.Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private sealed class Guard
        {
            private readonly ILogger? _logger;
            private readonly Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? _next;
            private readonly List<AgentToolbox> _toolboxes = new List<AgentToolbox>();
            private readonly AgentPermissionGate? _gate;

            public Guard(IAgentDefinition agent, ILogger? logger, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? next, AgentPermissionGate? gate)
            {
                Agent = agent;
                _logger = logger;
                _next = next;
                _gate = gate;
            }

            public IAgentDefinition Agent { get; }

            public void AddToolbox(AgentToolbox? toolbox)
            {
                if (toolbox is null)
                {
                    return;
                }

                lock (_toolboxes)
                {
                    if (!_toolboxes.Contains(toolbox))
                    {
                        _toolboxes.Add(toolbox);
                    }
                }
            }

            public ValueTask<object?> InvokeAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
            {
                if (IsAllowed(Agent, context.Function))
                {
                    return _gate is null ? Next(context, cancellationToken) : InvokeGatedAsync(context, cancellationToken);
                }

                string toolName = context.CallContent?.Name ?? context.Function.Name;
                string result = RefusalMessage(Agent.Name, toolName);
                string callId = context.CallContent?.CallId ?? string.Empty;
                if (_logger is not null)
                {
                    s_logRefused(_logger, Agent.Name, toolName, callId, null);
                }

                AgentTelemetry.Refused(Agent.Name, toolName, "not allowed by the agent's file");
                Report(toolName, callId, context.Arguments, result);
                return new ValueTask<object?>(result);
            }

            private ValueTask<object?> Next(FunctionInvocationContext context, CancellationToken cancellationToken)
                => _next is null ? context.Function.InvokeAsync(context.Arguments, cancellationToken) : _next(context, cancellationToken);

            /// <summary>A call the file's tools allow, through hooks, the permission mode and CanUseTool (<see cref="AgentPermissionGate"/>); nothing refused runs.</summary>
            private async ValueTask<object?> InvokeGatedAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
            {
                string toolName = GetPermissionName(context.Function);
                string callId = context.CallContent?.CallId ?? string.Empty;
                Dictionary<string, object?> arguments = Copy(context.Arguments);
                GateDecision decision = await _gate!.CheckAsync(toolName, callId, arguments, cancellationToken).ConfigureAwait(false);
                if (!decision.IsAllowed)
                {
                    AgentTelemetry.Refused(Agent.Name, toolName, decision.Message!);
                    Report(toolName, callId, context.Arguments, decision.Message!);
                    return decision.Message;
                }

                IReadOnlyDictionary<string, object?> used = decision.Arguments!;
                if (!ReferenceEquals(used, arguments))
                {
                    var replaced = new AIFunctionArguments(Copy(used)) { Services = context.Arguments.Services, Context = context.Arguments.Context };
                    context.Arguments = replaced;
                }

                object? result = await Next(context, cancellationToken).ConfigureAwait(false);
                string? feedback = await _gate.AfterAsync(toolName, callId, used, result, cancellationToken).ConfigureAwait(false);
                if (feedback is null)
                {
                    return result;
                }

                string text = result is null ? string.Empty : result as string ?? System.Text.Json.JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions);
                return text + "\n\nPostToolUse hook: " + feedback;
            }

            private void Report(string toolName, string callId, IEnumerable<KeyValuePair<string, object?>>? arguments, string result)
            {
                AgentToolbox[] toolboxes;
                lock (_toolboxes)
                {
                    toolboxes = _toolboxes.ToArray();
                }

                if (toolboxes.Length > 0)
                {
                    var args = new ToolCallRefusedEventArgs(Agent.Name, toolName, callId, Copy(arguments), result);
                    foreach (AgentToolbox toolbox in toolboxes)
                    {
                        toolbox.OnToolRefused(args);
                    }
                }
            }

            private static Dictionary<string, object?> Copy(IEnumerable<KeyValuePair<string, object?>>? arguments)
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (arguments is not null)
                {
                    foreach (KeyValuePair<string, object?> pair in arguments)
                    {
                        copy[pair.Key] = pair.Value;
                    }
                }

                return copy;
            }
        }

        /// <summary>
        /// Stands for a toolbox tool an agent does not allow, in <see cref="FunctionInvokingChatClient.AdditionalTools"/>
        /// only (never offered): it holds no implementation, so a call to it can only be refused.
        /// </summary>
        internal sealed class RefusedTool : AIFunction
        {
            private readonly string _name;
            private readonly string _agentName;

            public RefusedTool(string name, string agentName)
            {
                _name = name;
                _agentName = agentName;
            }

            public override string Name => _name;

            public override string Description => "Not allowed for agent '" + _agentName + "'.";

            protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
                => new ValueTask<object?>(RefusalMessage(_agentName, _name));
        }
    }
}
