using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AgentGen
{
    /// <summary>
    /// The base of every generated agent class: what all agents have in common (the
    /// <see cref="IAgentDefinition"/> members, <see cref="EnsureAllowed(string)"/> and the typed
    /// optional fields), built from the agent's data. A generated class passes its file's values to
    /// the constructor and adds only what depends on the project (its <c>AgentTool</c> members and
    /// its nested <c>Tool</c> enum), so the compiler binds this code once, not once per agent.
    /// </summary>
    public abstract class AgentDefinitionBase : IAgentRuntimeDefinition
    {
        private static readonly IReadOnlyList<string> s_noStrings = new ReadOnlyCollection<string>(Array.Empty<string>());
        private static readonly IReadOnlyDictionary<string, string> s_noMetadata = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.Ordinal));

        private readonly string[] _toolNames;
        private readonly string[] _disallowedToolNames;

        /// <summary>Creates the agent from its file's values; every argument after <paramref name="inheritsAllTools"/> is optional (absent in the file).</summary>
        /// <param name="name">The <c>name</c>.</param>
        /// <param name="description">The <c>description</c>.</param>
        /// <param name="model">The <c>model</c> as written, or null.</param>
        /// <param name="instructions">The Markdown body, exactly as in the file.</param>
        /// <param name="inheritsAllTools">True when the file has no <c>tools</c> field.</param>
        /// <param name="toolNames">The declared tools, in file order, specifiers stripped.</param>
        /// <param name="disallowedToolNames">The <c>disallowedTools</c>, specifiers stripped.</param>
        /// <param name="metadata">The fields AgentGen does not model, as key, value, key, value, ... (YAML text of each value).</param>
        /// <param name="color">The <c>color</c>.</param>
        /// <param name="permissionMode">The <c>permissionMode</c>.</param>
        /// <param name="maxTurns">The <c>maxTurns</c>.</param>
        /// <param name="skills">The <c>skills</c>.</param>
        /// <param name="mcpServers">The names of the <c>mcpServers</c>.</param>
        /// <param name="hooks">The <c>hooks</c>, as YAML text.</param>
        /// <param name="memory">The <c>memory</c> scope (Claude Code then also grants Read, Write and Edit).</param>
        /// <param name="background">The <c>background</c>.</param>
        /// <param name="omitClaudeMd">The <c>omitClaudeMd</c>.</param>
        /// <param name="effort">The <c>effort</c>.</param>
        /// <param name="isolation">The <c>isolation</c>.</param>
        /// <param name="initialPrompt">The <c>initialPrompt</c>.</param>
        /// <param name="experimental">The <c>experimental</c> field, as YAML text.</param>
        /// <param name="agentTypes">The agent types of the <c>tools</c> entries <c>Agent(...)</c> (see <see cref="IAgentRuntimeDefinition.AgentTypes"/>); null when delegation may go to any agent.</param>
        /// <param name="mcpServerEntries">The inline <c>mcpServers</c> entries as one JSON object (server name to its entry), or null.</param>
        /// <param name="hooksJson">The <c>hooks</c>, as JSON text (what the runtime reads).</param>
        protected AgentDefinitionBase(
            string name,
            string description,
            string? model,
            string instructions,
            bool inheritsAllTools,
            string[]? toolNames = null,
            string[]? disallowedToolNames = null,
            string[]? metadata = null,
            AgentColor? color = null,
            AgentPermissionMode? permissionMode = null,
            int? maxTurns = null,
            string[]? skills = null,
            string[]? mcpServers = null,
            string? hooks = null,
            AgentMemoryScope? memory = null,
            bool? background = null,
            bool? omitClaudeMd = null,
            AgentEffort? effort = null,
            AgentIsolation? isolation = null,
            string? initialPrompt = null,
            string? experimental = null,
            string[]? agentTypes = null,
            string? mcpServerEntries = null,
            string? hooksJson = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Description = description ?? string.Empty;
            Model = model;
            Instructions = instructions ?? string.Empty;
            InheritsAllTools = inheritsAllTools;
            _toolNames = toolNames ?? Array.Empty<string>();
            _disallowedToolNames = disallowedToolNames ?? Array.Empty<string>();
            ToolNames = ReadOnly(_toolNames);
            DisallowedToolNames = ReadOnly(_disallowedToolNames);
            Metadata = ToDictionary(metadata);
            Color = color;
            PermissionMode = permissionMode;
            MaxTurns = maxTurns;
            Skills = ReadOnly(skills);
            McpServers = ReadOnly(mcpServers);
            Hooks = hooks;
            Memory = memory;
            Background = background;
            OmitClaudeMd = omitClaudeMd;
            Effort = effort;
            Isolation = isolation;
            InitialPrompt = initialPrompt;
            Experimental = experimental;
            AgentTypes = agentTypes is null ? null : ReadOnly(agentTypes);
            McpServerEntries = mcpServerEntries;
            HooksJson = hooksJson;
        }

        /// <inheritdoc/>
        public string Name { get; }

        /// <inheritdoc/>
        public string Description { get; }

        /// <inheritdoc/>
        public string? Model { get; }

        /// <inheritdoc/>
        public string Instructions { get; }

        /// <inheritdoc/>
        public bool InheritsAllTools { get; }

        /// <inheritdoc/>
        public IReadOnlyList<string> ToolNames { get; }

        /// <inheritdoc/>
        public IReadOnlyList<string> DisallowedToolNames { get; }

        /// <inheritdoc/>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>The <c>color</c> field.</summary>
        public AgentColor? Color { get; }

        /// <summary>The <c>permissionMode</c> field.</summary>
        public AgentPermissionMode? PermissionMode { get; }

        /// <inheritdoc/>
        public int? MaxTurns { get; }

        /// <summary>The <c>skills</c> field (empty when absent).</summary>
        public IReadOnlyList<string> Skills { get; }

        /// <summary>The names of the <c>mcpServers</c> (empty when absent).</summary>
        public IReadOnlyList<string> McpServers { get; }

        /// <summary>
        /// The inline entries of <c>mcpServers</c> (<c>- name: {command: ...}</c>) as one JSON object, server name to its
        /// entry in <c>.mcp.json</c>'s shape; null when the field has none. The runtime starts these servers for the
        /// agent's runs; names of configured servers are only in <see cref="McpServers"/>.
        /// </summary>
        public string? McpServerEntries { get; }

        /// <summary>The <c>hooks</c> field, as its YAML text.</summary>
        public string? Hooks { get; }

        /// <summary>The <c>hooks</c> field as JSON text (the same map as <see cref="Hooks"/>), or <see langword="null"/>.</summary>
        public string? HooksJson { get; }

        /// <summary>The <c>memory</c> field.</summary>
        public AgentMemoryScope? Memory { get; }

        /// <summary>The <c>background</c> field.</summary>
        public bool? Background { get; }

        /// <summary>The <c>omitClaudeMd</c> field.</summary>
        public bool? OmitClaudeMd { get; }

        /// <inheritdoc/>
        public AgentEffort? Effort { get; }

        /// <summary>The <c>isolation</c> field.</summary>
        public AgentIsolation? Isolation { get; }

        /// <summary>The <c>initialPrompt</c> field.</summary>
        public string? InitialPrompt { get; }

        /// <summary>The <c>experimental</c> field, as its YAML text.</summary>
        public string? Experimental { get; }

        /// <inheritdoc/>
        public IReadOnlyList<string>? AgentTypes { get; }

        /// <inheritdoc/>
        /// <remarks>Claude Code's rules (<see cref="AgentToolRules"/>): a <c>memory</c> scope adds Read, Write and Edit.</remarks>
        public bool Allows(string toolName)
            => AgentToolRules.Allows(InheritsAllTools, _toolNames, _disallowedToolNames, Memory is not null, toolName);

        /// <summary>Throws <see cref="ToolNotAllowedException"/> unless this agent may use the tool named <paramref name="toolName"/>.</summary>
        public void EnsureAllowed([DeclaredTool] string toolName)
        {
            if (!Allows(toolName))
            {
                throw new ToolNotAllowedException(Name, toolName, ToolNames, InheritsAllTools);
            }
        }

        private static IReadOnlyList<string> ReadOnly(string[]? items)
            => items is null || items.Length == 0 ? s_noStrings : Array.AsReadOnly(items);

        private static IReadOnlyDictionary<string, string> ToDictionary(string[]? pairs)
        {
            if (pairs is null || pairs.Length < 2)
            {
                return s_noMetadata;
            }

            var map = new Dictionary<string, string>(pairs.Length / 2, StringComparer.Ordinal);
            for (int i = 0; i + 1 < pairs.Length; i += 2)
            {
                map[pairs[i]] = pairs[i + 1];
            }

            return new ReadOnlyDictionary<string, string>(map);
        }
    }
}
