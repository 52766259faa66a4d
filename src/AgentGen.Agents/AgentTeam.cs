using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using AgentGen.AI;
using AgentGen.AI.Mcp;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.Agents
{
    /// <summary>
    /// The agents of a project run as one team on one chat client. A member whose file allows <c>Agent</c> is offered
    /// Claude Code's Agent tool (<c>subagent_type</c>, <c>prompt</c>, <c>description</c>): it runs that member on a fresh
    /// session and returns its answer as the tool's result. A member without <c>Agent</c> never sees the tool.
    /// </summary>
    public sealed partial class AgentTeam : IAsyncDisposable
    {
        /// <summary>The name of Claude Code's tool for delegating to a sub-agent (formerly <c>Task</c>).</summary>
        public const string AgentToolName = "Agent";

        private static readonly string[] s_teamToolNames = { AgentToolName };

        // Per team: how deep the current flow is in this team's delegations, and the tools this team made.
        private readonly AsyncLocal<int> _depth = new AsyncLocal<int>();
        private readonly AgentToolRegistry _registry = new AgentToolRegistry();
        private readonly Dictionary<string, IAgentDefinition> _definitions = new Dictionary<string, IAgentDefinition>(StringComparer.Ordinal);
        private readonly Dictionary<string, AIAgent> _agents = new Dictionary<string, AIAgent>(StringComparer.Ordinal);
        private readonly AgentRuntimeOptions _options;
        private readonly List<string> _names = new List<string>();

        /// <summary>Builds the team: one <see cref="AIAgent"/> per agent, all on <paramref name="chatClient"/>.</summary>
        /// <exception cref="InvalidOperationException"><paramref name="chatClient"/> already invokes functions itself (built with <c>UseFunctionInvocation()</c>): pass the provider's client.</exception>
        public AgentTeam(IChatClient chatClient, IEnumerable<IAgentDefinition> agents, AgentToolbox toolbox, AgentModelMap? models = null)
            : this(chatClient, agents, toolbox, new AgentRuntimeOptions { Models = models })
        {
        }

        /// <summary>
        /// Builds the team with the model map, logging (refused tool calls included) and provider-side tool permissions
        /// of <paramref name="options"/>.
        /// </summary>
        /// <exception cref="InvalidOperationException"><paramref name="chatClient"/> already invokes functions itself: pass the provider's client.</exception>
        public static async Task<AgentTeam> CreateAsync(IChatClient chatClient, IEnumerable<IAgentDefinition> agents, AgentToolbox toolbox, AgentRuntimeOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (chatClient is null)
            {
                throw new ArgumentNullException(nameof(chatClient));
            }

            if (toolbox is null)
            {
                throw new ArgumentNullException(nameof(toolbox));
            }

            options ??= new AgentRuntimeOptions();
            List<IAgentDefinition> members = (agents ?? throw new ArgumentNullException(nameof(agents))).ToList();
            var runtime = new TeamRuntime();
            try
            {
                // One step per concern, each adding what it started to the runtime the team disposes.
                await runtime.StartMcpServersAsync(members, options, cancellationToken).ConfigureAwait(false);
                return new AgentTeam(chatClient, members, toolbox, options, runtime);
            }
            catch
            {
                await runtime.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        private AgentTeam(IChatClient chatClient, IEnumerable<IAgentDefinition> agents, AgentToolbox toolbox, AgentRuntimeOptions options, TeamRuntime? runtime = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _runtime = runtime ?? new TeamRuntime();
            _runtime.OnMcpEvent = e => McpServerChanged?.Invoke(this, e);

            if (chatClient is null)
            {
                throw new ArgumentNullException(nameof(chatClient));
            }

            if (agents is null)
            {
                throw new ArgumentNullException(nameof(agents));
            }

            Toolbox = toolbox ?? throw new ArgumentNullException(nameof(toolbox));
            foreach (IAgentDefinition agent in agents)
            {
                if (agent is null)
                {
                    throw new ArgumentException("The team's agents cannot be null.", nameof(agents));
                }

                if (_definitions.ContainsKey(agent.Name))
                {
                    throw new ArgumentException($"Two agents of the team are named '{agent.Name}'.", nameof(agents));
                }

                _definitions.Add(agent.Name, agent);
                _names.Add(agent.Name);
            }

            foreach (IAgentDefinition agent in _definitions.Values)
            {
                AITool[]? extra = agent.Allows(AgentToolName) ? new AITool[] { CreateAgentTool(agent) } : null;
                AIAgent member = AgentFrameworkExtensions.Create(agent, chatClient, toolbox, options, _registry, extra, s_teamToolNames, configure: null);
                _agents.Add(agent.Name, AgentRunFeatures.WithTelemetry(WithMcpServers(member, agent, toolbox, extra, options), options));
            }
        }

        /// <summary>Raised when a member starts running a task another member gave it.</summary>
        public event EventHandler<AgentDelegationEventArgs>? Delegating;

        /// <summary>Raised when a member has answered a task another member gave it (<see cref="AgentDelegationEventArgs.Answer"/> set).</summary>
        public event EventHandler<AgentDelegationEventArgs>? Delegated;

        /// <summary>The toolbox every member takes its tools from; its <see cref="AgentToolbox.ToolRefused"/> reports refusals.</summary>
        public AgentToolbox Toolbox { get; }

        /// <summary>
        /// How deep delegation may go: 1 (the default) lets the agents the app runs delegate, but not the sub-agents they
        /// start, as in Claude Code, where sub-agents cannot spawn sub-agents. A call past the limit gets an error result.
        /// </summary>
        public int MaxDelegationDepth { get; set; } = 1;

        /// <summary>The members' names, in the order given.</summary>
        public IReadOnlyList<string> Names => _names;

        /// <summary>The member named <paramref name="name"/>.</summary>
        /// <exception cref="KeyNotFoundException">No member has that name; the message names close matches.</exception>
        public AIAgent this[string name]
        {
            get
            {
                if (name is not null && _agents.TryGetValue(name, out AIAgent? agent))
                {
                    return agent;
                }

                throw AgentLookup.NotFound(name, _names);
            }
        }

        /// <summary>The definition of the member named <paramref name="name"/>.</summary>
        public IAgentDefinition GetDefinition(string name)
            => name is not null && _definitions.TryGetValue(name, out IAgentDefinition? d) ? d : throw AgentLookup.NotFound(name, _names);

        /// <summary>
        /// Sends <paramref name="payload"/> from <paramref name="from"/> to the member <paramref name="to"/> as its
        /// <see cref="AgentRequest{TPayload}"/> envelope (<c>requesting_agent</c>, <c>request_type</c>, <c>payload</c>),
        /// serialized as JSON, on a fresh session, and returns the answer.
        /// </summary>
        public Task<AgentResponse> SendAsync<TPayload>(IAgentDefinition from, string to, TPayload payload, CancellationToken cancellationToken = default)
            where TPayload : IAgentPayload
        {
            if (from is null)
            {
                throw new ArgumentNullException(nameof(from));
            }

            AIAgent target = this[to];
            string json = Serialize(AgentRequest.Create(from, payload));
            return target.RunAsync(json, session: null, options: null, cancellationToken);
        }

        /// <summary>
        /// A tool for the member <paramref name="from"/> that sends a typed <typeparamref name="TPayload"/> request to
        /// <paramref name="to"/>: named after the request type (<c>clarify_design_decision</c>), its one parameter
        /// <c>payload</c> is the record, so the model fills it by the record's JSON schema. Only <paramref name="from"/> may
        /// run it, under its <c>Agent</c> permission and its <c>Agent(...)</c> list; it obeys <see cref="MaxDelegationDepth"/>, and
        /// goes to the agent as run options (<c>new ChatClientAgentRunOptions(new ChatOptions { Tools = [tool] })</c>).
        /// </summary>
        public AIFunction CreateRequestTool<TPayload>(string from, string to)
            where TPayload : IAgentPayload
        {
            IAgentDefinition caller = GetDefinition(from);
            IAgentDefinition target = GetDefinition(to);
            string requestType = RequestTypeOf(typeof(TPayload));
            Func<TPayload, CancellationToken, Task<string>> send = async (TPayload payload, CancellationToken cancellationToken) =>
            {
                if (payload is null)
                {
                    return "Error: the request needs a payload.";
                }

                string json = Serialize(AgentRequest.Create(caller, payload));
                return await DelegateAsync(caller, target.Name, json, cancellationToken).ConfigureAwait(false);
            };

            AIFunction tool = AIFunctionFactory.Create(send, new AIFunctionFactoryOptions
            {
                Name = requestType,
                Description = $"Send a '{requestType}' request to the agent '{target.Name}' ({target.Description}) and get its answer.",
                SerializerOptions = AIJsonUtilities.DefaultOptions,
            });

            // Checked as delegation, by identity: only the member it was made for may run it, under its Agent permission
            // and its Agent(...) list (the target is fixed).
            _registry.Add(tool, AgentToolName, caller.Name, _ => target.Name);
            return tool;
        }

        private AIFunction CreateAgentTool(IAgentDefinition caller)
        {
            var tool = new AgentTool(this, caller);

            // Only the members the caller's Agent(...) entries allow are offered (all of them for a bare Agent).
            IReadOnlyList<string>? allowed = (caller as IAgentRuntimeDefinition)?.AgentTypes;
            string others = string.Join("\n", _definitions.Values
                .Where(d => d.Name != caller.Name && (allowed is null || allowed.Contains(d.Name)))
                .Select(d => "- " + d.Name + ": " + OneLine(d.Description)));
            AIFunction function = AIFunctionFactory.Create(
                (Func<string, string, string, CancellationToken, Task<string>>)tool.RunAsync,
                new AIFunctionFactoryOptions
                {
                    Name = AgentToolName,
                    Description = "Launch a sub-agent to handle a task on its own and return its final answer. The sub-agent starts fresh: give it everything it needs in the prompt.\nAvailable agent types:\n" + (others.Length == 0 ? "(none)" : others),
                    SerializerOptions = AIJsonUtilities.DefaultOptions,
                });
            _registry.Add(function, AgentToolName, caller.Name, SubagentType);
            return function;
        }

        /// <summary>The <c>subagent_type</c> a call of the Agent tool names.</summary>
        private static string? SubagentType(AIFunctionArguments? arguments)
        {
            if (arguments is null || !arguments.TryGetValue("subagent_type", out object? value) || value is null)
            {
                return null;
            }

            return value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                _ => value.ToString(),
            };
        }

        private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, AIJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T)));

        private async Task<string> DelegateAsync(IAgentDefinition caller, string subagentType, string prompt, CancellationToken cancellationToken)
        {
            if (string.IsNullOrWhiteSpace(subagentType) || !_agents.TryGetValue(subagentType, out AIAgent? target))
            {
                return "Error: " + AgentLookup.NotFound(subagentType, _names).Message;
            }

            // Checked here too, not only by the caller's gate: a wrapper of the Agent tool (the Agent Framework's function
            // middleware wraps every function of a request in a DelegatingAIFunction) is no longer the function the team
            // registered, so the gate sees only its name. The tool itself enforces its owner's Agent(...) list.
            var gate = new AgentToolGate(caller, options: null, registry: null);
            if (!gate.AllowsAgentType(target.Name!))
            {
                return gate.DelegationRefusal(target.Name!);
            }

            int depth = _depth.Value;
            if (depth >= MaxDelegationDepth)
            {
                return $"Error: agent '{caller.Name}' cannot start another agent here: delegation is limited to {MaxDelegationDepth} level(s). Do the task yourself.";
            }

            _depth.Value = depth + 1;

            // The member runs as a subagent whose parent is the caller, in the caller's mode (D-SUB "Permission modes").
            using IDisposable subagent = AgentRunScope.EnterSubagent(AgentPermissionGate.EffectiveModeOf(caller, _options));
            try
            {
                AgentTelemetry.Delegation(caller.Name, target.Name!, depth + 1);
                Delegating?.Invoke(this, new AgentDelegationEventArgs(caller.Name, target.Name!, prompt, depth + 1));
                AgentResponse response = await target.RunAsync(prompt, session: null, options: null, cancellationToken).ConfigureAwait(false);
                string answer = response.Text;
                Delegated?.Invoke(this, new AgentDelegationEventArgs(caller.Name, target.Name!, prompt, depth + 1, answer));
                return answer.Length == 0 ? "(the agent returned no text)" : answer;
            }
            finally
            {
                _depth.Value = depth;
            }
        }

        private static string RequestTypeOf(Type payloadType)
        {
            FieldInfo? field = payloadType.GetField("RequestType", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.GetRawConstantValue() is string value && value.Length > 0)
            {
                return value;
            }

            throw new ArgumentException($"'{payloadType}' is not a payload record generated by AgentGen (it has no RequestType constant).");
        }

        private static string OneLine(string text) => string.Join(" ", (text ?? string.Empty).Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)).Trim();

        /// <summary>Claude Code's Agent tool, as one member of the team sees it.</summary>
        private sealed class AgentTool
        {
            private readonly AgentTeam _team;
            private readonly IAgentDefinition _caller;

            public AgentTool(AgentTeam team, IAgentDefinition caller)
            {
                _team = team;
                _caller = caller;
            }

            public Task<string> RunAsync(
                [Description("The name of the agent to run (one of the available agent types).")] string subagent_type,
                [Description("The task for the agent, with all the context it needs.")] string prompt,
                [Description("A short (3-5 word) description of the task.")] string description,
                CancellationToken cancellationToken)
                => _team.DelegateAsync(_caller, subagent_type, prompt, cancellationToken);
        }
    }
}
