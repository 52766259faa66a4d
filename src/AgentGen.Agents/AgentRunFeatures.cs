using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.Agents
{
    /// <summary>
    /// The per-run parts of an agent file on the Agent Framework: its preloaded skills and memory as context
    /// (an <see cref="AIContextProvider"/>, the framework's own hook for per-run instructions), its <c>initialPrompt</c>
    /// and its Stop hooks (an agent around the <see cref="ChatClientAgent"/>), and telemetry (the framework's
    /// <see cref="OpenTelemetryAgent"/>).
    /// </summary>
    internal static class AgentRunFeatures
    {
        /// <summary>Adds the skills-and-memory context provider when the file has either.</summary>
        public static void AddContext(ChatClientAgentOptions agentOptions, AgentPermissionGate gate, ILogger? logger)
        {
            IReadOnlyList<string> skills = AgentFields.GetSkills(gate.Agent);
            if (skills.Count == 0 && gate.MemoryDirectory is null)
            {
                return;
            }

            var providers = new List<AIContextProvider>();
            if (agentOptions.AIContextProviders is { } existing)
            {
                providers.AddRange(existing);
            }

            providers.Add(new FileContextProvider(gate, skills, logger));
            agentOptions.AIContextProviders = providers;
        }

        /// <summary>The agent the app gets: telemetry around the framework agent, then initialPrompt and Stop hooks.</summary>
        public static AIAgent Wrap(ChatClientAgent agent, AgentPermissionGate? gate, AgentRuntimeOptions? options)
        {
            AIAgent inner = agent;
            if (options?.TelemetrySourceName is { Length: > 0 } source)
            {
                inner = new OpenTelemetryAgent(inner, source);
            }

            if (gate is null)
            {
                return inner;
            }

            string? initialPrompt = AgentFields.GetInitialPrompt(gate.Agent);
            return string.IsNullOrWhiteSpace(initialPrompt) && !gate.HasStopHooks ? inner : new FileRunAgent(inner, gate, initialPrompt);
        }

        /// <summary>Reads the skills and memory at the start of every run (D-SUB "What loads at startup").</summary>
        private sealed class FileContextProvider : AIContextProvider
        {
            private readonly AgentPermissionGate _gate;
            private readonly IReadOnlyList<string> _skills;
            private readonly ILogger? _logger;

            public FileContextProvider(AgentPermissionGate gate, IReadOnlyList<string> skills, ILogger? logger)
            {
                _gate = gate;
                _skills = skills;
                _logger = logger;
            }

            protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
                => new ValueTask<AIContext>(new AIContext
                {
                    Instructions = AgentFileContext.Build(_gate.Agent.Name, _skills, AgentFields.GetMemory(_gate.Agent), _gate.ProjectDirectory, _logger),
                });
        }

        /// <summary>
        /// <c>initialPrompt</c>: sent as the first user turn, before the app's prompt, when the agent runs as the main
        /// agent (not when delegated), once per session (D-SUB: "auto-submitted as the first user turn" only under
        /// <c>--agent</c>; "prepended to a user prompt"). Stop hooks: when the agent has answered, a hook may send it back
        /// to work with its reason as the next user turn; Claude Code overrides a Stop block after 8 in a row (D-HK).
        /// </summary>
        private sealed class FileRunAgent : DelegatingAIAgent
        {
            private const int MaxStopBlocks = 8;

            private readonly AgentPermissionGate _gate;
            private readonly string? _initialPrompt;
            private readonly ConditionalWeakTable<AgentSession, object> _prompted = new ConditionalWeakTable<AgentSession, object>();

            public FileRunAgent(AIAgent inner, AgentPermissionGate gate, string? initialPrompt)
                : base(inner)
            {
                _gate = gate;
                _initialPrompt = string.IsNullOrWhiteSpace(initialPrompt) ? null : initialPrompt;
            }

            protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
            {
                if (_gate.HasStopHooks && session is null)
                {
                    session = await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
                }

                AgentResponse response = await InnerAgent.RunAsync(WithInitialPrompt(messages, session), session, options, cancellationToken).ConfigureAwait(false);
                if (!_gate.HasStopHooks)
                {
                    return response;
                }

                var all = new List<ChatMessage>(response.Messages);
                for (int i = 0; i < MaxStopBlocks; i++)
                {
                    string? again = await _gate.StopAsync(response.Text, stopHookActive: i > 0, cancellationToken).ConfigureAwait(false);
                    if (again is null)
                    {
                        break;
                    }

                    response = await InnerAgent.RunAsync(new ChatMessage(ChatRole.User, again), session, options, cancellationToken).ConfigureAwait(false);
                    all.AddRange(response.Messages);
                }

                return new AgentResponse(all) { AgentId = response.AgentId, ResponseId = response.ResponseId, Usage = response.Usage, FinishReason = response.FinishReason };
            }

            protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                if (_gate.HasStopHooks && session is null)
                {
                    session = await InnerAgent.CreateSessionAsync(cancellationToken).ConfigureAwait(false);
                }

                IEnumerable<ChatMessage> input = WithInitialPrompt(messages, session);
                for (int i = 0; i <= MaxStopBlocks; i++)
                {
                    var text = new System.Text.StringBuilder();
                    await foreach (AgentResponseUpdate update in InnerAgent.RunStreamingAsync(input, session, options, cancellationToken).ConfigureAwait(false))
                    {
                        text.Append(update.Text);
                        yield return update;
                    }

                    if (!_gate.HasStopHooks || i == MaxStopBlocks)
                    {
                        yield break;
                    }

                    string? again = await _gate.StopAsync(text.ToString(), stopHookActive: i > 0, cancellationToken).ConfigureAwait(false);
                    if (again is null)
                    {
                        yield break;
                    }

                    input = new[] { new ChatMessage(ChatRole.User, again) };
                }
            }

            private IEnumerable<ChatMessage> WithInitialPrompt(IEnumerable<ChatMessage> messages, AgentSession? session)
            {
                if (_initialPrompt is null || AgentPermissionGate.IsSubagent)
                {
                    return messages;
                }

                if (session is not null)
                {
                    lock (_prompted)
                    {
                        if (_prompted.TryGetValue(session, out _))
                        {
                            return messages;
                        }

                        _prompted.Add(session, new object());
                    }
                }

                var list = new List<ChatMessage> { new ChatMessage(ChatRole.User, _initialPrompt) };
                list.AddRange(messages);
                return list;
            }
        }
    }
}
