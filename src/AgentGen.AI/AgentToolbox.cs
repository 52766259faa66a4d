using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace AgentGen.AI
{
    /// <summary>
    /// The implementations of the tools agents may use, keyed by the name agent files use for them
    /// (<c>Read</c>, <c>Bash</c>, <c>mcp__github__create_issue</c>). An agent is offered exactly the tools of the
    /// toolbox its file allows (<see cref="IAgentDefinition.Allows(string)"/>).
    /// </summary>
    /// <remarks>
    /// A toolbox is safe to share between agents and threads once filled; adding tools while agents run is not supported.
    /// </remarks>
    public sealed class AgentToolbox
    {
        private readonly List<AIFunction> _tools = new List<AIFunction>();
        private readonly List<string> _names = new List<string>();
        private readonly Dictionary<string, AIFunction> _byName = new Dictionary<string, AIFunction>(StringComparer.Ordinal);

        /// <summary>
        /// Raised when a model asks for a tool its agent does not allow, on every pipeline built with this toolbox
        /// (<see cref="AgentChatExtensions.UseAgentFunctionInvocation"/>,
        /// and the agents of <c>AgentGen.Agents</c>). The call's implementation never ran. Raised on the thread that runs
        /// the tool calls; a handler that throws fails the run.
        /// </summary>
        public event EventHandler<ToolCallRefusedEventArgs>? ToolRefused;

        /// <summary>The tools, in the order they were added.</summary>
        public IReadOnlyList<AIFunction> Tools => _tools;

        /// <summary>The tool names, in the order they were added.</summary>
        public IReadOnlyList<string> ToolNames => _names;

        /// <summary>Adds <paramref name="implementation"/> as the tool <paramref name="toolName"/> (the model sees that name).</summary>
        /// <exception cref="ArgumentException">The name is empty or already in the toolbox.</exception>
        public AgentToolbox Add(string toolName, AIFunction implementation)
        {
            if (string.IsNullOrWhiteSpace(toolName))
            {
                throw new ArgumentException("A tool needs a name, such as 'Read' or 'mcp__github__create_issue'.", nameof(toolName));
            }

            if (implementation is null)
            {
                throw new ArgumentNullException(nameof(implementation));
            }

            if (_byName.ContainsKey(toolName))
            {
                throw new ArgumentException($"The toolbox already has a tool named '{toolName}'.", nameof(toolName));
            }

            AIFunction tool = string.Equals(implementation.Name, toolName, StringComparison.Ordinal)
                ? implementation
                : new NamedAIFunction(implementation, toolName);
            _byName.Add(toolName, tool);
            _tools.Add(tool);
            _names.Add(toolName);
            return this;
        }

        /// <summary>Adds a tool made from <paramref name="implementation"/> by <see cref="AIFunctionFactory"/>, named <paramref name="toolName"/>.</summary>
        public AgentToolbox Add(string toolName, Delegate implementation, string? description = null)
        {
            if (implementation is null)
            {
                throw new ArgumentNullException(nameof(implementation));
            }

            return Add(toolName, AIFunctionFactory.Create(implementation, new AIFunctionFactoryOptions { Name = toolName, Description = description }));
        }

        /// <summary>
        /// Adds the tools of an MCP server (for example <c>await mcpClient.ListToolsAsync()</c>), each as
        /// <c>mcp__&lt;serverName&gt;__&lt;tool&gt;</c>, the name Claude Code gives MCP tools.
        /// </summary>
        public AgentToolbox AddMcpServer(string serverName, IEnumerable<AIFunction> tools)
        {
            if (string.IsNullOrWhiteSpace(serverName))
            {
                throw new ArgumentException("An MCP server needs a name, as in mcp__<server>__<tool>.", nameof(serverName));
            }

            if (tools is null)
            {
                throw new ArgumentNullException(nameof(tools));
            }

            foreach (AIFunction tool in tools)
            {
                Add("mcp__" + serverName + "__" + tool.Name, tool);
            }

            return this;
        }

        /// <summary>The tool named <paramref name="toolName"/>, if the toolbox has it.</summary>
        public bool TryGetTool(string toolName, [NotNullWhen(true)] out AIFunction? tool)
        {
            if (toolName is not null && _byName.TryGetValue(toolName, out AIFunction? found))
            {
                tool = found;
                return true;
            }

            tool = null;
            return false;
        }

        /// <summary>The tools <paramref name="agent"/> allows, in the order they were added.</summary>
        public IReadOnlyList<AIFunction> GetTools(IAgentDefinition agent)
        {
            if (agent is null)
            {
                throw new ArgumentNullException(nameof(agent));
            }

            var allowed = new List<AIFunction>();
            foreach (AIFunction tool in _tools)
            {
                if (AgentToolPolicy.IsAllowed(agent, tool))
                {
                    allowed.Add(tool);
                }
            }

            return allowed;
        }

        internal void OnToolRefused(ToolCallRefusedEventArgs e) => ToolRefused?.Invoke(this, e);

        /// <summary>A tool under the name an agent file uses, whatever the implementation was called.</summary>
        private sealed class NamedAIFunction : DelegatingAIFunction
        {
            private readonly string _name;

            public NamedAIFunction(AIFunction inner, string name)
                : base(inner) => _name = name;

            public override string Name => _name;

            protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
                => base.InvokeCoreAsync(arguments, cancellationToken);
        }
    }
}
