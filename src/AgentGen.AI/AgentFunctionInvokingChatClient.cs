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
    /// The enforcing invoker: a <see cref="FunctionInvokingChatClient"/> that asks the agent's
    /// <see cref="AgentToolGate"/> before every function call it makes (in its own <see cref="InvokeFunctionAsync"/>),
    /// over a filter that sends the provider only the tools the agent may be offered. Built by
    /// <see cref="AgentChatExtensions.UseAgentFunctionInvocation"/> and by the agents of <c>AgentGen.Agents</c>; it
    /// refuses to be built over another function invoker, so no call can be invoked below it unchecked.
    /// </summary>
    internal sealed class AgentFunctionInvokingChatClient : FunctionInvokingChatClient
    {
        private static readonly Action<ILogger, string, string, string, Exception?> s_logRefused = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning,
            new EventId(1, "ToolCallRefused"),
            "Agent '{AgentName}' called tool '{ToolName}' (call {CallId}), which its file does not allow; the call was refused and not run.");

        private readonly AgentToolGate _gate;
        private readonly AgentToolbox? _toolbox;
        private readonly ILogger? _logger;
        private readonly AIFunction[] _refusedStandIns;

        /// <summary>Creates the invoker for <paramref name="gate"/>'s agent over <paramref name="innerClient"/> (the provider side).</summary>
        /// <param name="innerClient">The client below: the provider's client and any middleware the app put under the invoker.</param>
        /// <param name="gate">The agent's gate.</param>
        /// <param name="toolbox">The toolbox: its <see cref="AgentToolbox.ToolRefused"/> reports refusals, and a call to one of its tools the agent does not allow is answered "not allowed" rather than "not found".</param>
        /// <param name="knownToolNames">Further tools the app has (the team's <c>Agent</c> tool) that a call is answered "not allowed" for.</param>
        /// <param name="loggerFactory">Logs refusals (and the base class's invocation logs).</param>
        /// <param name="services">Services for function invocation.</param>
        /// <exception cref="InvalidOperationException">A <see cref="FunctionInvokingChatClient"/> already sits below: it would invoke calls before this one could check them.</exception>
        public AgentFunctionInvokingChatClient(IChatClient innerClient, AgentToolGate gate, AgentToolbox? toolbox, IEnumerable<string>? knownToolNames, ILoggerFactory? loggerFactory, IServiceProvider? services)
            : base(new AgentToolFilterChatClient(Instrument(innerClient ?? throw new ArgumentNullException(nameof(innerClient)), gate, loggerFactory), gate), loggerFactory, services)
        {
            _gate = gate;
            if (innerClient.GetService(typeof(FunctionInvokingChatClient)) is FunctionInvokingChatClient below)
            {
                throw new InvalidOperationException(
                    $"The chat client for agent '{gate.Agent.Name}' already contains a function-invoking client ({below.GetType().Name}), which would run tool calls before AgentGen could check them. "
                    + "Pass the provider's client without UseFunctionInvocation(): AgentGen installs its own function invocation (UseAgentFunctionInvocation).");
            }

            _toolbox = toolbox;
            _logger = loggerFactory?.CreateLogger(typeof(AgentToolPolicy).FullName!);
            if ((gate.Agent as IAgentRuntimeDefinition)?.MaxTurns is int maxTurns && maxTurns > 0)
            {
                MaximumIterationsPerRequest = maxTurns;
            }

            var standIns = new List<AIFunction>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (toolbox is not null)
            {
                foreach (AIFunction tool in toolbox.Tools)
                {
                    if (!gate.IsOffered(tool) && names.Add(tool.Name))
                    {
                        standIns.Add(new RefusedTool(tool.Name, gate.Agent.Name));
                    }
                }
            }

            if (knownToolNames is not null)
            {
                foreach (string name in knownToolNames)
                {
                    if (!gate.Agent.Allows(name) && names.Add(name))
                    {
                        standIns.Add(new RefusedTool(name, gate.Agent.Name));
                    }
                }
            }

            _refusedStandIns = standIns.ToArray();
        }

        /// <summary>The agent whose file this client enforces.</summary>
        public IAgentDefinition Agent => _gate.Agent;

        /// <inheritdoc/>
        /// <remarks>
        /// One call is one run of the agent: the file's skills, memory and initialPrompt are added first
        /// (<see cref="AgentPermissionGate.BeginRun"/>); when the agent has answered, Stop hooks may send it back to work
        /// with their reason as the next user turn (Claude Code overrides a Stop block after 8 in a row; D-HK, CC 2.1.240).
        /// </remarks>
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            AgentPermissionGate file = _gate.File;
            (IEnumerable<ChatMessage> input, ChatOptions? runOptions) = file.BeginRun(messages, options);
            runOptions = Prepare(runOptions);
            ChatResponse response = await base.GetResponseAsync(input, runOptions, cancellationToken).ConfigureAwait(false);
            if (file.HasStopHooks)
            {
                response = await RunStopHooksAsync(file, input, runOptions, response, cancellationToken).ConfigureAwait(false);
            }

            foreach (ChatMessage message in response.Messages)
            {
                HideRefusedCalls(message.Contents);
            }

            return response;
        }

        private async Task<ChatResponse> RunStopHooksAsync(AgentPermissionGate file, IEnumerable<ChatMessage> input, ChatOptions? runOptions, ChatResponse response, CancellationToken cancellationToken)
        {
            var history = new List<ChatMessage>(input);
            for (int i = 0; i < MaxStopBlocks; i++)
            {
                string? again = await file.StopAsync(response.Text, stopHookActive: i > 0, cancellationToken).ConfigureAwait(false);
                if (again is null)
                {
                    break;
                }

                history.AddRange(response.Messages);
                var instruction = new ChatMessage(ChatRole.User, again);
                history.Add(instruction);
                ChatResponse next = await base.GetResponseAsync(history, runOptions, cancellationToken).ConfigureAwait(false);
                var all = new List<ChatMessage>(response.Messages) { instruction };
                all.AddRange(next.Messages);
                next.Messages = all;
                response = next;
            }

            return response;
        }

        /// <inheritdoc/>
        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            AgentPermissionGate file = _gate.File;
            (IEnumerable<ChatMessage> input, ChatOptions? runOptions) = file.BeginRun(messages, options);
            runOptions = Prepare(runOptions);
            var history = new List<ChatMessage>(input);
            for (int i = 0; ; i++)
            {
                var updates = new List<ChatResponseUpdate>();
                await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(history, runOptions, cancellationToken).ConfigureAwait(false))
                {
                    updates.Add(update);
                    HideRefusedCalls(update.Contents);
                    yield return update;
                }

                if (!file.HasStopHooks || i == MaxStopBlocks)
                {
                    yield break;
                }

                ChatResponse response = updates.ToChatResponse();
                string? again = await file.StopAsync(response.Text, stopHookActive: i > 0, cancellationToken).ConfigureAwait(false);
                if (again is null)
                {
                    yield break;
                }

                history.AddRange(response.Messages);
                history.Add(new ChatMessage(ChatRole.User, again));
            }
        }

        private const int MaxStopBlocks = 8;

        /// <summary>With <see cref="AgentRuntimeOptions.TelemetrySourceName"/> set, the provider side is wrapped in Microsoft.Extensions.AI's <see cref="OpenTelemetryChatClient"/>, so this invoker traces each tool call (<c>execute_tool</c>) and each model call (<c>chat</c>).</summary>
        private static IChatClient Instrument(IChatClient inner, AgentToolGate gate, ILoggerFactory? loggerFactory)
            => gate.File.TelemetrySourceName is { } source && inner.GetService(typeof(OpenTelemetryChatClient)) is null
                ? new OpenTelemetryChatClient(inner, loggerFactory?.CreateLogger(typeof(OpenTelemetryChatClient).FullName!), source)
                : inner;

        /// <inheritdoc/>
        public override object? GetService(Type serviceType, object? serviceKey = null)
            => serviceKey is null && serviceType == typeof(IAgentDefinition) ? _gate.Agent : base.GetService(serviceType, serviceKey);

        /// <inheritdoc/>
        protected override async ValueTask<object?> InvokeFunctionAsync(FunctionInvocationContext context, CancellationToken cancellationToken)
        {
            if (context is null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            string toolName = context.CallContent?.Name ?? context.Function.Name;
            string callId = context.CallContent?.CallId ?? string.Empty;
            AgentToolDecision decision = context.Function is RefusedTool
                ? AgentToolDecision.Refuse(AgentToolPolicy.RefusalMessage(_gate.Agent.Name, toolName))
                : await _gate.DecideAsync(new AgentToolCall(context.Function, toolName, callId, context.Arguments), cancellationToken).ConfigureAwait(false);
            if (!decision.IsAllowed)
            {
                string result = decision.Message!;
                Report(toolName, callId, context.Arguments, result);
                return result;
            }

            if (decision.Arguments is { } replaced)
            {
                context.Arguments = replaced;
            }

            object? ran = await base.InvokeFunctionAsync(context, cancellationToken).ConfigureAwait(false);
            string? feedback = await _gate.AfterAsync(new AgentToolCall(context.Function, toolName, callId, context.Arguments), ran, cancellationToken).ConfigureAwait(false);
            if (feedback is null)
            {
                return ran;
            }

            // A blocking PostToolUse hook (exit 2): the tool already ran; its stderr is shown to the model (D-HK).
            string text = ran is null ? string.Empty : ran as string ?? System.Text.Json.JsonSerializer.Serialize(ran, AIJsonUtilities.DefaultOptions);
            return text + "\n\nPostToolUse hook: " + feedback;
        }

        /// <summary>
        /// The request's options as this client works from them: every tool the agent may not have is replaced, a
        /// provider-side tool by nothing, a function or declaration by a stand-in of the same name that holds no
        /// implementation; stand-ins for the app's other tools it may not use are added. So a call to a tool the
        /// agent may not use is answered "not allowed" by <see cref="InvokeFunctionAsync"/>, and never becomes an
        /// approval request or a declaration's call handed back to the caller, which an invoker above could run
        /// unchecked. The filter below removes the stand-ins from the request. The caller's options are never changed.
        /// </summary>
        private ChatOptions? Prepare(ChatOptions? options)
        {
            if (TerminateOnUnknownCalls)
            {
                // Calls to unknown tools would go back to the caller, where whatever sits above could invoke them unchecked.
                throw new InvalidOperationException($"TerminateOnUnknownCalls cannot be set on the function invoker of agent '{_gate.Agent.Name}': it would hand unchecked tool calls to the caller.");
            }

            IList<AITool>? tools = options?.Tools;
            List<AITool>? kept = AgentToolFilterChatClient.Without(tools, _gate.IsOffered);
            if (kept is not null)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (AITool tool in kept)
                {
                    names.Add(tool.Name);
                }

                foreach (AITool tool in tools!)
                {
                    if (tool is AIFunctionDeclaration && !_gate.IsOffered(tool) && names.Add(tool.Name))
                    {
                        kept.Add(new RefusedTool(tool.Name, _gate.Agent.Name));
                    }
                }
            }

            if (_refusedStandIns.Length > 0)
            {
                kept ??= tools is null ? new List<AITool>(_refusedStandIns.Length) : new List<AITool>(tools);
                foreach (AIFunction standIn in _refusedStandIns)
                {
                    if (!kept.Exists(t => string.Equals(t.Name, standIn.Name, StringComparison.Ordinal)))
                    {
                        kept.Add(standIn);
                    }
                }
            }

            if (kept is null)
            {
                return options;
            }

            ChatOptions prepared = options?.Clone() ?? new ChatOptions();
            prepared.Tools = kept.Count == 0 ? null : kept;
            return prepared;
        }

        /// <summary>
        /// Marks informational-only every call in what this client returns that the agent's file does not allow by name.
        /// The base class hands calls it did not answer to the caller (the calls of the response after the last turn,
        /// <see cref="FunctionInvokingChatClient.MaximumIterationsPerRequest"/> = the file's <c>maxTurns</c>; in streaming,
        /// every call before it is answered), and a function invoker above (a <c>UseFunctionInvocation()</c> added before
        /// this one, or one a run's <c>ChatClientFactory</c> adds) would run them unchecked; function invokers skip
        /// informational-only calls.
        /// </summary>
        private void HideRefusedCalls(IList<AIContent> contents)
        {
            for (int i = 0; i < contents.Count; i++)
            {
                if (contents[i] is FunctionCallContent { InformationalOnly: false } call
                    && !(AgentToolGate.IsPlainToolName(call.Name) && _gate.Agent.Allows(call.Name)))
                {
                    call.InformationalOnly = true;
                }
            }
        }

        private void Report(string toolName, string callId, AIFunctionArguments? arguments, string result)
        {
            AgentTelemetry.Refused(_gate.Agent.Name, toolName, result);
            if (_logger is not null)
            {
                s_logRefused(_logger, _gate.Agent.Name, toolName, callId, null);
            }

            if (_toolbox is not null)
            {
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                if (arguments is not null)
                {
                    foreach (KeyValuePair<string, object?> pair in arguments)
                    {
                        copy[pair.Key] = pair.Value;
                    }
                }

                _toolbox.OnToolRefused(new ToolCallRefusedEventArgs(_gate.Agent.Name, toolName, callId, copy, result));
            }
        }

        /// <summary>
        /// Stands for an app's tool the agent may not use, in this client's own view of a request only (the filter
        /// below never offers it): it holds no implementation, so a call to it can only be refused.
        /// </summary>
        private sealed class RefusedTool : AIFunction
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
                => new ValueTask<object?>(AgentToolPolicy.RefusalMessage(_agentName, _name));
        }
    }

    /// <summary>
    /// Below the enforcing invoker: sends the provider only the tools the agent may be offered, whoever added the
    /// others (per-run options, context providers, middleware above). Created only by <see cref="AgentFunctionInvokingChatClient"/>.
    /// </summary>
    internal sealed class AgentToolFilterChatClient : DelegatingChatClient
    {
        private readonly AgentToolGate _gate;

        public AgentToolFilterChatClient(IChatClient innerClient, AgentToolGate gate)
            : base(innerClient) => _gate = gate;

        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => base.GetResponseAsync(messages, Filter(options), cancellationToken);

        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => base.GetStreamingResponseAsync(messages, Filter(options), cancellationToken);

        private ChatOptions? Filter(ChatOptions? options)
        {
            if (options?.Tools is not { Count: > 0 } tools)
            {
                return options;
            }

            List<AITool>? kept = Without(tools, _gate.IsOffered);
            if (kept is null)
            {
                return options;
            }

            ChatOptions filtered = options.Clone();
            filtered.Tools = kept.Count == 0 ? null : kept;
            return filtered;
        }

        /// <summary>The tools <paramref name="keep"/> accepts, or null when it accepts them all (no copy needed).</summary>
        internal static List<AITool>? Without(IList<AITool>? tools, Func<AITool, bool> keep)
        {
            if (tools is null)
            {
                return null;
            }

            List<AITool>? kept = null;
            for (int i = 0; i < tools.Count; i++)
            {
                AITool tool = tools[i];
                bool keepIt = keep(tool);
                if (!keepIt && kept is null)
                {
                    kept = new List<AITool>(tools.Count);
                    for (int j = 0; j < i; j++)
                    {
                        kept.Add(tools[j]);
                    }
                }
                else if (keepIt && kept is not null)
                {
                    kept.Add(tool);
                }
            }

            return kept;
        }
    }
}
