using AgentGen.Common;

namespace AgentGen.Model
{
    /// <summary>Project-wide settings from MSBuild (docs/configuration.md, "MSBuild properties") and the compilation.</summary>
    internal sealed record GeneratorOptions(string Namespace, string Accessibility, EquatableArray<string> KnownTools, string ProjectDir)
    {
        public static readonly GeneratorOptions Default = new("Agents", "public", EquatableArray<string>.Empty, string.Empty);

        /// <summary>
        /// <c>build_property.AgentGenRepositoryRoot</c>: the repository root the package's props
        /// found (the nearest folder holding <c>.git</c>), empty when not set.
        /// </summary>
        public string RepositoryRoot { get; init; } = string.Empty;

        /// <summary>
        /// The folder paths are shown relative to, in messages and in the generated
        /// <c>SourceFile</c>: the repository root when the project lies under it (so an agent file
        /// at the root or beside the project reads <c>.claude/agents/reviewer.md</c> and
        /// <c>src/App/.claude/agents/own.md</c> on every machine), else the project folder.
        /// </summary>
        public string DisplayDir => RepositoryRoot.Length > 0 && SpecBuilder.IsUnder(ProjectDir, RepositoryRoot) ? RepositoryRoot : ProjectDir;
    }

    /// <summary>A tool name, its <c>AgentTool</c> member and that member's value (its position in <c>AgentTool</c>).</summary>
    internal readonly record struct ToolRef(string Name, string Member, int Value = 0);

    /// <summary>Everything needed to emit one agent class; equal specs emit equal text.</summary>
    internal sealed record AgentSpec(
        AgentFileModel Agent,
        string Namespace,
        string Accessibility,
        string ClassName,
        string SourceFile,
        EquatableArray<ToolRef> Tools,
        EquatableArray<ToolRef> AllowedEnumMembers)
    {
        /// <summary>The generated file's hint name: unique ignoring case (Roslyn requires it), ASCII and short.</summary>
        public string HintName { get; init; } = ClassName + ".g.cs";

        /// <summary>
        /// True when the agent's <c>Tool</c> enum would be the project's catalogue, member for member
        /// (it inherits every tool and disallows none): it derives from the project's
        /// <c>AllToolsAgentDefinition</c>, which declares that enum and <c>ToAgentTool</c> once.
        /// </summary>
        public bool SharesCatalogue { get; init; }
    }

    /// <summary>
    /// The project's <c>AgentTool</c> enum and <c>AgentTools</c> helpers, and <see cref="Catalogue"/>:
    /// the members of the <c>Tool</c> enum shared by the agents that may use every tool.
    /// </summary>
    internal sealed record ToolEnumSpec(string Namespace, string Accessibility, EquatableArray<ToolRef> Tools, EquatableArray<ToolRef> Catalogue);

    internal readonly record struct CatalogEntry(string Name, string ClassName, string PropertyName);

    /// <summary>The project's <c>AgentCatalog</c>.</summary>
    internal sealed record CatalogSpec(string Namespace, string Accessibility, EquatableArray<CatalogEntry> Agents)
    {
        /// <summary>The servers of the project's <c>.mcp.json</c> (<c>AgentCatalog.McpServers</c>), by name; empty: no member is emitted.</summary>
        public EquatableArray<Generator.McpServerSpec> McpServers { get; init; } = EquatableArray<Generator.McpServerSpec>.Empty;
    }

    internal readonly record struct RecordProperty(string JsonName, string PropertyName, string TypeSyntax);

    /// <summary>One record: the payload record of a request type (RequestType set) or a nested one.</summary>
    internal sealed record RecordSpec(string TypeName, string? RequestType, EquatableArray<RecordProperty> Properties);

    /// <summary>One request type's records, emitted to one file.</summary>
    internal sealed record MessageSpec(
        string Namespace,
        string Accessibility,
        bool JsonAttributes,
        string RequestType,
        EquatableArray<string> SourceFiles,
        EquatableArray<RecordSpec> Records)
    {
        /// <summary>The generated file's hint name: unique ignoring case (Roslyn requires it), ASCII and short.</summary>
        public string HintName { get; init; } = Records[0].TypeName + ".g.cs";
    }
}
