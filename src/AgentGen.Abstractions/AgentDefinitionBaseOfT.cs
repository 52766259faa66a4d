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
    /// <remarks>
    /// <see cref="Tools"/> is built from the declared tool names with the project's
    /// <c>AgentTools.TryParse</c> (a name canonicalized, then looked up; a tool listed twice once),
    /// so each agent class states its tools once.
    /// </remarks>
    public abstract class AgentDefinitionBase<TTool> : AgentDefinitionBase
        where TTool : struct, Enum
    {
        private static readonly IReadOnlyList<TTool> s_noTools = new ReadOnlyCollection<TTool>(Array.Empty<TTool>());

        private readonly Func<TTool, string> _toolName;

        /// <summary>Creates the agent from its file's values (see <see cref="AgentDefinitionBase"/>'s constructor for each field).</summary>
        /// <param name="toolName">The project's <c>AgentTools.ToToolName</c>: a tool's name as agent files write it.</param>
        /// <param name="parseTool">The project's <c>AgentTools.TryParse</c>.</param>
        /// <param name="name">The <c>name</c>.</param>
        /// <param name="description">The <c>description</c>.</param>
        /// <param name="model">The <c>model</c> as written, or null.</param>
        /// <param name="instructions">The Markdown body, exactly as in the file.</param>
        /// <param name="inheritsAllTools">True when the file has no <c>tools</c> field.</param>
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
        /// <param name="agentTypes">The agent types of the <c>tools</c> entries <c>Agent(...)</c>; null when delegation may go to any agent.</param>
        /// <param name="mcpServerEntries">The inline <c>mcpServers</c> entries as one JSON object, or null.</param>
        /// <param name="hooksJson">The <c>hooks</c>, as JSON text.</param>
        protected AgentDefinitionBase(
            Func<TTool, string> toolName,
            AgentToolParser<TTool> parseTool,
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
            : base(name, description, model, instructions, inheritsAllTools, toolNames, disallowedToolNames, metadata, color, permissionMode, maxTurns, skills, mcpServers, hooks, memory, background, omitClaudeMd, effort, isolation, initialPrompt, experimental, agentTypes, mcpServerEntries, hooksJson)
        {
            _toolName = toolName ?? throw new ArgumentNullException(nameof(toolName));
            if (parseTool is null)
            {
                throw new ArgumentNullException(nameof(parseTool));
            }

            Tools = ParseTools(parseTool, ToolNames);
        }

        /// <summary>The declared tools as <typeparamref name="TTool"/> values (whole-server MCP entries are not listed).</summary>
        public IReadOnlyList<TTool> Tools { get; }

        private static IReadOnlyList<TTool> ParseTools(AgentToolParser<TTool> parse, IReadOnlyList<string> names)
        {
            if (names.Count == 0)
            {
                return s_noTools;
            }

            var tools = new List<TTool>(names.Count);
            foreach (string name in names)
            {
                if (parse(name, out TTool tool) && !tools.Contains(tool))
                {
                    tools.Add(tool);
                }
            }

            return tools.Count == 0 ? s_noTools : new ReadOnlyCollection<TTool>(tools);
        }

        /// <summary>Whether this agent may use <paramref name="tool"/>, by Claude Code's rules.</summary>
        public bool Allows(TTool tool) => Allows(_toolName(tool));

        /// <summary>Throws <see cref="ToolNotAllowedException"/> unless this agent may use <paramref name="tool"/>.</summary>
        public void EnsureAllowed([DeclaredTool] TTool tool) => EnsureAllowed(_toolName(tool));
    }
}

namespace AgentGen
{
    /// <summary>The shape of the generated <c>AgentTools.TryParse</c>: a tool name to the project's <c>AgentTool</c>.</summary>
    /// <typeparam name="TTool">The project's <c>AgentTool</c> enum.</typeparam>
    /// <param name="toolName">A tool name as agent files write it.</param>
    /// <param name="tool">The tool, when the name is known.</param>
    /// <returns>Whether the name is a tool of the project.</returns>
    public delegate bool AgentToolParser<TTool>(string toolName, out TTool tool)
        where TTool : struct, Enum;
}
