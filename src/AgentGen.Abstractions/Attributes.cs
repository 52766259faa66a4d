using System;

namespace AgentGen
{
    /// <summary>
    /// Put by the generator on every agent class: the agent's permissions, readable from the
    /// symbol alone by analyzers and by projects that reference the agent's assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AgentDefinitionAttribute : Attribute
    {
        /// <summary>Creates the attribute for the agent named <paramref name="name"/>.</summary>
        public AgentDefinitionAttribute(string name) => Name = name;

        /// <summary>The agent's name.</summary>
        public string Name { get; }

        /// <summary>The declared tools, specifiers stripped.</summary>
        public string[] Tools { get; set; } = Array.Empty<string>();

        /// <summary>The disallowed tools, specifiers stripped.</summary>
        public string[] DisallowedTools { get; set; } = Array.Empty<string>();

        /// <summary>True when the file has no <c>tools</c> field.</summary>
        public bool InheritsAllTools { get; set; }

        /// <summary>The file's <c>memory</c> scope (<c>user</c>, <c>project</c>, <c>local</c>), or null: when set, Claude Code also grants Read, Write and Edit.</summary>
        public string? Memory { get; set; }

        /// <summary>The agent file's path as the compiler saw it (used by code fixes).</summary>
        public string? SourceFile { get; set; }
    }

    /// <summary>
    /// Put by the generator on every member of the generated <c>AgentTool</c> enum: the tool's name
    /// as agent files write it (<c>mcp__context7__resolve-library-id</c>), so analyzers can tell
    /// which tool a constant names, also from a referenced assembly.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
    public sealed class ToolNameAttribute : Attribute
    {
        /// <summary>Creates the attribute for the tool named <paramref name="name"/>.</summary>
        public ToolNameAttribute(string name) => Name = name;

        /// <summary>The tool's name.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Marks a parameter that receives a tool handed to an agent. AgentGen's analyzer (AGEN100)
    /// reports a compile-time error when a constant tool passed here is not allowed for the agent
    /// known at the call site (the receiver, another argument or a type argument).
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class DeclaredToolAttribute : Attribute
    {
    }
}
