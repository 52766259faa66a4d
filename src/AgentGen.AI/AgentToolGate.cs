using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace AgentGen.AI
{
    /// <summary>
    /// The one place that decides, for one agent, whether a tool may be offered and whether a call may run. The
    /// enforcing invoker (<see cref="AgentFunctionInvokingChatClient"/>) asks <see cref="DecideAsync"/> for every
    /// function call, and its filter asks <see cref="IsOffered"/> for every tool of every request. Permissions come
    /// from the agent's file and from AgentGen's own records (<see cref="AgentToolRegistry"/>), never from the tool.
    /// </summary>
    /// <remarks>
    /// <para>What a tool is checked under (its permission name):</para>
    /// <list type="bullet">
    /// <item><description>a function AgentGen registered (the team's <c>Agent</c> tool, typed request tools): what it was registered under;</description></item>
    /// <item><description>any other function or function declaration (toolbox tools included: a toolbox tool's name is the name it was added under): its own name;</description></item>
    /// <item><description><see cref="HostedWebSearchTool"/>: <c>WebSearch</c>; <see cref="HostedMcpServerTool"/>: <c>mcp__&lt;server&gt;</c> and each tool it lists;</description></item>
    /// <item><description>any other provider-side tool: the permission <see cref="AgentRuntimeOptions.HostedToolPermissions"/> maps its type to; unmapped, it has none and is never offered.</description></item>
    /// </list>
    /// <para>A name the rules would read as a pattern or entry (<c>Bash(rm:*)</c>, <c>*</c>, <c>mcp__*</c>, whitespace) is never a tool's name: refused.</para>
    /// </remarks>
    internal sealed class AgentToolGate
    {
        private const string McpPrefix = "mcp__";

        private readonly AgentToolRegistry? _registry;
        private readonly IReadOnlyDictionary<Type, string>? _hostedToolPermissions;

        public AgentToolGate(IAgentDefinition agent, AgentRuntimeOptions? options, AgentToolRegistry? registry)
        {
            Agent = agent ?? throw new ArgumentNullException(nameof(agent));
            _registry = registry;
            _hostedToolPermissions = options?.SnapshotHostedToolPermissions();
            AgentTypes = (agent as IAgentRuntimeDefinition)?.AgentTypes;
            File = new AgentPermissionGate(agent, options, options?.LoggerFactory?.CreateLogger(typeof(AgentPermissionGate).FullName!));
        }

        /// <summary>The rest of the file at run time: permission mode, CanUseTool, hooks, skills, memory, initialPrompt.</summary>
        public AgentPermissionGate File { get; }

        /// <summary>The agent whose file decides.</summary>
        public IAgentDefinition Agent { get; }

        /// <summary>The agent types its <c>Agent(...)</c> entries allow, or null for any (<see cref="IAgentRuntimeDefinition.AgentTypes"/>).</summary>
        public IReadOnlyList<string>? AgentTypes { get; }

        /// <summary>Whether the model may be offered <paramref name="tool"/> (and, for a provider-side tool, whether the provider may run it).</summary>
        public bool IsOffered(AITool tool)
        {
            if (tool is null)
            {
                return false;
            }

            if (tool is AIFunctionDeclaration function)
            {
                return _registry is not null && _registry.TryGet(function, out AgentToolRegistry.Entry? entry)
                    ? IsOwnedBy(entry!) && Agent.Allows(entry!.Permission)
                    : IsPlainToolName(function.Name) && Agent.Allows(function.Name);
            }

            return IsHostedToolAllowed(Agent, tool, _hostedToolPermissions);
        }

        /// <summary>Decides one function call the model made: allowed (possibly with other arguments) or refused with the text the model gets.</summary>
        /// <remarks>
        /// Every call passes, in order: the file's <c>tools</c>/<c>disallowedTools</c> (always the bound; nothing below
        /// can allow what they do not), the <c>Agent(...)</c> types, then <see cref="AgentPermissionGate"/>: PreToolUse
        /// hooks, the permission mode, <see cref="AgentRuntimeOptions.CanUseTool"/>. A call refused anywhere never runs.
        /// </remarks>
        public async ValueTask<AgentToolDecision> DecideAsync(AgentToolCall call, CancellationToken cancellationToken)
        {
            AgentToolDecision decision = await DecideFileToolsAsync(call, cancellationToken).ConfigureAwait(false);
            if (!decision.IsAllowed)
            {
                return decision;
            }

            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (call.Arguments is not null)
            {
                foreach (KeyValuePair<string, object?> pair in call.Arguments)
                {
                    arguments[pair.Key] = pair.Value;
                }
            }

            GateDecision file = await File.CheckAsync(PermissionName(call.Function), call.CallId, arguments, cancellationToken).ConfigureAwait(false);
            if (!file.IsAllowed)
            {
                return AgentToolDecision.Refuse(file.Message!);
            }

            if (ReferenceEquals(file.Arguments, arguments))
            {
                return AgentToolDecision.Allow();
            }

            var replaced = new AIFunctionArguments(new Dictionary<string, object?>(StringComparer.Ordinal)) { Services = call.Arguments?.Services, Context = call.Arguments?.Context };
            foreach (KeyValuePair<string, object?> pair in file.Arguments!)
            {
                replaced[pair.Key] = pair.Value;
            }

            return AgentToolDecision.Allow(replaced);
        }

        /// <summary>PostToolUse hooks for a call that ran; what a blocking file hook says to the model, or null.</summary>
        public ValueTask<string?> AfterAsync(AgentToolCall call, object? result, CancellationToken cancellationToken)
        {
            var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
            if (call.Arguments is not null)
            {
                foreach (KeyValuePair<string, object?> pair in call.Arguments)
                {
                    arguments[pair.Key] = pair.Value;
                }
            }

            return File.AfterAsync(PermissionName(call.Function), call.CallId, arguments, result, cancellationToken);
        }

        /// <summary>The Claude Code tool name a call is checked, hooked and asked under: what AgentGen registered it as, else its own name.</summary>
        private string PermissionName(AIFunction function)
            => _registry is not null && _registry.TryGet(function, out AgentToolRegistry.Entry? entry) ? entry!.Permission : function.Name;

        private ValueTask<AgentToolDecision> DecideFileToolsAsync(AgentToolCall call, CancellationToken cancellationToken)
        {
            if (call is null)
            {
                throw new ArgumentNullException(nameof(call));
            }

            cancellationToken.ThrowIfCancellationRequested();
            AIFunction function = call.Function;
            if (!string.Equals(call.ToolName, function.Name, StringComparison.Ordinal) || !IsOffered(function))
            {
                return new ValueTask<AgentToolDecision>(AgentToolDecision.Refuse(AgentToolPolicy.RefusalMessage(Agent.Name, call.ToolName)));
            }

            if (_registry is not null && _registry.TryGet(function, out AgentToolRegistry.Entry? entry) && entry!.DelegationTarget is { } target)
            {
                string? member = target(call.Arguments);
                if (member is not null && !AllowsAgentType(member))
                {
                    return new ValueTask<AgentToolDecision>(AgentToolDecision.Refuse(DelegationRefusal(member)));
                }
            }

            return new ValueTask<AgentToolDecision>(AgentToolDecision.Allow());
        }

        /// <summary>Whether the file's <c>Agent(...)</c> entries let the agent delegate to <paramref name="agentType"/>.</summary>
        public bool AllowsAgentType(string agentType)
        {
            if (AgentTypes is null)
            {
                return true;
            }

            foreach (string allowed in AgentTypes)
            {
                if (string.Equals(allowed, agentType, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The tool result for a delegation to <paramref name="agentType"/> the file's <c>Agent(...)</c> entries do not allow.</summary>
        internal string DelegationRefusal(string agentType)
        {
            string allowed = AgentTypes is { Count: > 0 } types ? string.Join(", ", types) : "none";
            return $"Error: agent '{Agent.Name}' may not start the agent '{agentType}': its file allows only Agent({allowed}). It was not run. Agents it may start: {allowed}.";
        }

        private bool IsOwnedBy(AgentToolRegistry.Entry entry)
            => entry.Owner is null || string.Equals(entry.Owner, Agent.Name, StringComparison.Ordinal);

        /// <summary>Whether <paramref name="agent"/> may have the provider run <paramref name="tool"/> (any tool that is not a function).</summary>
        internal static bool IsHostedToolAllowed(IAgentDefinition agent, AITool tool, IReadOnlyDictionary<Type, string>? mapped)
        {
            switch (tool)
            {
                case HostedWebSearchTool when tool.GetType() == typeof(HostedWebSearchTool):
                    return agent.Allows("WebSearch");
                case HostedMcpServerTool mcp when tool.GetType() == typeof(HostedMcpServerTool):
                    return IsMcpServerAllowed(agent, mcp);
            }

            // Every other provider-side tool (code interpreter, file search, image generation, a provider's own, a
            // subclass of the above): none unless the app maps its exact type to a permission.
            return mapped is not null && mapped.TryGetValue(tool.GetType(), out string? permission) && IsPlainToolName(permission) && agent.Allows(permission);
        }

        /// <summary>
        /// A provider-run MCP server is checked as Claude Code names MCP tools, <c>mcp__&lt;server&gt;__&lt;tool&gt;</c>
        /// (code.claude.com/docs/en/mcp; the server name with every character outside <c>A-Za-z0-9_-</c> as <c>_</c>, as
        /// the docs state for plugin servers): when it lists its allowed tools, every one of them must be allowed;
        /// when it lists none (the whole server), the agent must allow the whole server (<c>mcp__server</c>,
        /// <c>mcp__server__*</c>, <c>mcp__*</c> or every tool) and disallow none of its tools.
        /// </summary>
        private static bool IsMcpServerAllowed(IAgentDefinition agent, HostedMcpServerTool tool)
        {
            string server = AgentToolRules.NormalizeMcpName(tool.ServerName);
            if (server.Length == 0 || server.IndexOf("__", StringComparison.Ordinal) >= 0)
            {
                return false; // "a__b" would read as server a, tool b
            }

            string prefix = McpPrefix + server;
            if (tool.AllowedTools is { } listed)
            {
                if (listed.Count == 0)
                {
                    return false;
                }

                foreach (string name in listed)
                {
                    string normalized = AgentToolRules.NormalizeMcpName(name);
                    if (normalized.Length == 0 || !agent.Allows(prefix + "__" + normalized))
                    {
                        return false;
                    }
                }

                return true;
            }

            // The whole server: granted by mcp__server, mcp__server__*, mcp__* or every tool (AgentToolRules.Covers).
            if (!agent.Allows(prefix) && !agent.Allows(prefix + "__*"))
            {
                return false;
            }

            foreach (string entry in agent.DisallowedToolNames)
            {
                string name = AgentToolRules.StripSpecifier(entry);
                if (name.StartsWith(prefix + "__", StringComparison.Ordinal))
                {
                    return false; // one of its tools is disallowed: the whole server cannot be handed to the provider
                }
            }

            return true;
        }

        /// <summary>A name that is a tool's name, not a rule: no specifier, wildcard, separator or whitespace.</summary>
        internal static bool IsPlainToolName(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            foreach (char c in name!)
            {
                if (c == '(' || c == ')' || c == '*' || c == ',' || char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>One function call the model made, as <see cref="AgentToolGate"/> sees it.</summary>
    internal sealed class AgentToolCall
    {
        public AgentToolCall(AIFunction function, string toolName, string callId, AIFunctionArguments? arguments)
        {
            Function = function;
            ToolName = toolName;
            CallId = callId;
            Arguments = arguments;
        }

        /// <summary>The function the invoker found for the call.</summary>
        public AIFunction Function { get; }

        /// <summary>The tool name the model called.</summary>
        public string ToolName { get; }

        /// <summary>The model's call id.</summary>
        public string CallId { get; }

        /// <summary>The arguments the model passed.</summary>
        public AIFunctionArguments? Arguments { get; }
    }

    /// <summary>What <see cref="AgentToolGate.DecideAsync"/> decided for one call.</summary>
    internal sealed class AgentToolDecision
    {
        private static readonly AgentToolDecision s_allow = new AgentToolDecision(true, null, null);

        private AgentToolDecision(bool isAllowed, string? message, AIFunctionArguments? arguments)
        {
            IsAllowed = isAllowed;
            Message = message;
            Arguments = arguments;
        }

        /// <summary>Whether the call runs.</summary>
        public bool IsAllowed { get; }

        /// <summary>For a refused call: the tool result the model gets instead.</summary>
        public string? Message { get; }

        /// <summary>For an allowed call: the arguments it runs with instead of the model's, or null to keep them.</summary>
        public AIFunctionArguments? Arguments { get; }

        public static AgentToolDecision Allow(AIFunctionArguments? replacedArguments = null)
            => replacedArguments is null ? s_allow : new AgentToolDecision(true, null, replacedArguments);

        public static AgentToolDecision Refuse(string message)
            => new AgentToolDecision(false, message ?? throw new ArgumentNullException(nameof(message)), null);
    }
}
