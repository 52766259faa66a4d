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
            : base(new AgentToolFilterChatClient(innerClient ?? throw new ArgumentNullException(nameof(innerClient)), gate), loggerFactory, services)
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
        public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            ChatResponse response = await base.GetResponseAsync(messages, Prepare(options), cancellationToken).ConfigureAwait(false);
            foreach (ChatMessage message in response.Messages)
            {
                HideRefusedCalls(message.Contents);
            }

            return response;
        }

        /// <inheritdoc/>
        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (ChatResponseUpdate update in base.GetStreamingResponseAsync(messages, Prepare(options), cancellationToken).ConfigureAwait(false))
            {
                HideRefusedCalls(update.Contents);
                yield return update;
            }
        }

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
            AgentToolDecision decision = await _gate.DecideAsync(new AgentToolCall(context.Function, toolName, callId, context.Arguments), cancellationToken).ConfigureAwait(false);
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

            return await base.InvokeFunctionAsync(context, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The request's options as this client works from them: provider-side tools and function declarations the
        /// agent may not have are removed (a declaration's call would go back to the caller unchecked), and stand-ins
        /// for the app's tools it may not use are added, so a call to one is refused by <see cref="InvokeFunctionAsync"/>
        /// ("not allowed") rather than "not found". The filter below removes from the request every tool the agent
        /// may not be offered. The caller's options are never changed.
        /// </summary>
        private ChatOptions? Prepare(ChatOptions? options)
        {
            if (TerminateOnUnknownCalls)
            {
                // Calls to unknown tools would go back to the caller, where whatever sits above could invoke them unchecked.
                throw new InvalidOperationException($"TerminateOnUnknownCalls cannot be set on the function invoker of agent '{_gate.Agent.Name}': it would hand unchecked tool calls to the caller.");
            }

            IList<AITool>? tools = options?.Tools;
            List<AITool>? kept = AgentToolFilterChatClient.Without(tools, tool => tool is AIFunction || _gate.IsOffered(tool));

            if (_refusedStandIns.Length > 0)
            {
                kept ??= tools is null ? new List<AITool>(_refusedStandIns.Length) : new List<AITool>(tools);
                kept.AddRange(_refusedStandIns);
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
