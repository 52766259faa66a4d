using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace AgentGen
{
    /// <summary>
    /// The base of every generated agent class, typed by the project's generated <c>AgentTool</c>
    /// enum (<typeparamref name="TTool"/>): the typed tool members every agent has (<see cref="Tools"/>,
    /// <see cref="Allows(TTool)"/>, <see cref="EnsureAllowed(TTool)"/>), written once here rather than
    /// in each agent class.
    /// </summary>
    /// <typeparam name="TTool">The project's <c>AgentTool</c> enum.</typeparam>
    public abstract class AgentDefinitionBase<TTool> : AgentDefinitionBase
        where TTool : struct, Enum
    {
        private static readonly IReadOnlyList<TTool> s_noTools = new ReadOnlyCollection<TTool>(Array.Empty<TTool>());

        private readonly Func<TTool, string> _toolName;

        /// <summary>Creates the agent from its file's values (see <see cref="AgentDefinitionBase"/>'s constructor for each field).</summary>
        /// <param name="toolName">The project's <c>AgentTools.ToToolName</c>: a tool's name as agent files write it.</param>
        /// <param name="name">The <c>name</c>.</param>
        /// <param name="description">The <c>description</c>.</param>
        /// <param name="model">The <c>model</c> as written, or null.</param>
        /// <param name="instructions">The Markdown body, exactly as in the file.</param>
        /// <param name="inheritsAllTools">True when the file has no <c>tools</c> field.</param>
        /// <param name="tools">The declared tools as <typeparamref name="TTool"/> values (whole-server MCP entries are not listed).</param>
        /// <param name="toolNames">The declared tools, in file order, specifiers stripped.</param>
        /// <param name="disallowedToolNames">The <c>disallowedTools</c>, specifiers stripped.</param>
        /// <param name="metadata">The fields AgentGen does not model, as key, value, key, value, ...</param>
        /// <param name="color">The <c>color</c>.</param>
        /// <param name="permissionMode">The <c>permissionMode</c>.</param>
        /// <param name="maxTurns">The <c>maxTurns</c>.</param>
        /// <param name="skills">The <c>skills</c>.</param>
        /// <param name="mcpServers">The names of the <c>mcpServers</c>.</param>
        /// <param name="hooks">The <c>hooks</c>, as YAML text.</param>
        /// <param name="memory">The <c>memory</c> scope.</param>
        /// <param name="background">The <c>background</c>.</param>
        /// <param name="omitClaudeMd">The <c>omitClaudeMd</c>.</param>
        /// <param name="effort">The <c>effort</c>.</param>
        /// <param name="isolation">The <c>isolation</c>.</param>
        /// <param name="initialPrompt">The <c>initialPrompt</c>.</param>
        /// <param name="experimental">The <c>experimental</c> field, as YAML text.</param>
        protected AgentDefinitionBase(
            Func<TTool, string> toolName,
            string name,
            string description,
            string? model,
            string instructions,
            bool inheritsAllTools,
            TTool[]? tools = null,
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
            string? experimental = null)
            : base(name, description, model, instructions, inheritsAllTools, toolNames, disallowedToolNames, metadata, color, permissionMode, maxTurns, skills, mcpServers, hooks, memory, background, omitClaudeMd, effort, isolation, initialPrompt, experimental)
        {
            _toolName = toolName ?? throw new ArgumentNullException(nameof(toolName));
            Tools = tools is null || tools.Length == 0 ? s_noTools : Array.AsReadOnly(tools);
        }

        /// <summary>The declared tools as <typeparamref name="TTool"/> values (whole-server MCP entries are not listed).</summary>
        public IReadOnlyList<TTool> Tools { get; }

        /// <summary>Whether this agent may use <paramref name="tool"/>, by Claude Code's rules.</summary>
        public bool Allows(TTool tool) => Allows(_toolName(tool));

        /// <summary>Throws <see cref="ToolNotAllowedException"/> unless this agent may use <paramref name="tool"/>.</summary>
        public void EnsureAllowed([DeclaredTool] TTool tool) => EnsureAllowed(_toolName(tool));
    }
}
