using System.Collections.Generic;

namespace AgentGen
{
    /// <summary>An agent defined by a Markdown agent file (YAML frontmatter + system prompt body).</summary>
    public interface IAgentDefinition
    {
        /// <summary>The agent's <c>name</c>, its identity.</summary>
        string Name { get; }

        /// <summary>The agent's <c>description</c>: when it should be used.</summary>
        string Description { get; }

        /// <summary>The <c>model</c> as written, or <see langword="null"/> when the file has none.</summary>
        string? Model { get; }

        /// <summary>The Markdown body of the file: the agent's system prompt.</summary>
        string Instructions { get; }

        /// <summary><see langword="true"/> when the file has no <c>tools</c> field, so the agent inherits every tool.</summary>
        bool InheritsAllTools { get; }

        /// <summary>The declared tools, in file order, permission specifiers stripped.</summary>
        IReadOnlyList<string> ToolNames { get; }

        /// <summary>The <c>disallowedTools</c>, in file order, permission specifiers stripped.</summary>
        IReadOnlyList<string> DisallowedToolNames { get; }

        /// <summary>Frontmatter fields AgentGen does not model, as the YAML text of each value.</summary>
        IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>Whether the agent may use the tool, by Claude Code's rules.</summary>
        bool Allows(string toolName);
    }
}
