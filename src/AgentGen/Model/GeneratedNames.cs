namespace AgentGen.Model
{
    /// <summary>
    /// The names by which the analyzers recognize AgentGen's code: the types and members of
    /// AgentGen.Abstractions that generated code builds on, and the types and members the emitters
    /// write. One place for both sides (like NetEscapades.EnumGenerators' <c>TypeNames</c>), so a
    /// rename in the emitter cannot silently turn a rule off. The generated catalogue's own member
    /// names are in <see cref="CatalogMembers"/>.
    /// </summary>
    internal static class GeneratedNames
    {
        // ---- AgentGen.Abstractions --------------------------------------------------------

        /// <summary>The assembly the analyzers require before they do anything.</summary>
        public const string AbstractionsAssembly = "AgentGen.Abstractions";

        /// <summary>The namespace of every AgentGen.Abstractions type below.</summary>
        public const string AbstractionsNamespace = "AgentGen";

        /// <summary>On every generated agent class: its name and permissions (<see cref="AgentDefinitionProperties"/>).</summary>
        public const string AgentDefinitionAttribute = "AgentDefinitionAttribute";

        /// <summary>On a parameter that takes a tool the agent must allow (AGEN100).</summary>
        public const string DeclaredToolAttribute = "DeclaredToolAttribute";

        /// <summary>On each <see cref="ToolEnum"/> member: the tool's name.</summary>
        public const string ToolNameAttribute = "ToolNameAttribute";

        /// <summary>The interface of every agent definition (its <see cref="Allows"/>(string)).</summary>
        public const string AgentDefinitionInterface = "IAgentDefinition";

        /// <summary>The base class of generated agents (<see cref="Allows"/>(string), <see cref="EnsureAllowed"/>(string)).</summary>
        public const string AgentDefinitionBase = "AgentDefinitionBase";

        public const string AgentDefinitionAttributeMetadataName = AbstractionsNamespace + "." + AgentDefinitionAttribute;
        public const string DeclaredToolAttributeMetadataName = AbstractionsNamespace + "." + DeclaredToolAttribute;
        public const string ToolNameAttributeMetadataName = AbstractionsNamespace + "." + ToolNameAttribute;
        public const string AgentDefinitionInterfaceMetadataName = AbstractionsNamespace + "." + AgentDefinitionInterface;
        public const string AgentDefinitionBaseMetadataName = AbstractionsNamespace + "." + AgentDefinitionBase;

        /// <summary>The members of agent definitions the rules look at.</summary>
        public const string Allows = "Allows";
        public const string EnsureAllowed = "EnsureAllowed";

        // ---- Generated code -----------------------------------------------------------------

        /// <summary>The first argument of <c>[GeneratedCode]</c> on every generated type.</summary>
        public const string GeneratorName = "AgentGen";

        /// <summary>The attribute whose first argument is <see cref="GeneratorName"/>.</summary>
        public const string GeneratedCodeAttribute = "GeneratedCodeAttribute";

        /// <summary>The project's enum of every tool name (<c>AgentTool.g.cs</c>).</summary>
        public const string ToolEnum = "AgentTool";

        /// <summary>The static class of <see cref="ToolEnum"/> conversions: <see cref="ToToolName"/>, <see cref="TryParse"/>.</summary>
        public const string ToolsClass = "AgentTools";

        /// <summary>The catalogue class (<c>AgentCatalog.g.cs</c>); its members are in <see cref="CatalogMembers"/>.</summary>
        public const string Catalog = CatalogMembers.ClassName;

        public const string ToToolName = "ToToolName";
        public const string TryParse = "TryParse";

        /// <summary>
        /// The project's base of the agents that may use every tool of the catalogue: it declares
        /// their <see cref="AgentToolEnum"/> and <see cref="ToAgentTool"/> once (in <c>AgentTool.g.cs</c>).
        /// Never an agent class name (those end in <c>Agent</c>).
        /// </summary>
        public const string AllToolsBase = "AllToolsAgentDefinition";

        /// <summary>Each agent class's nested enum of the tools it may use, named like <see cref="ToolEnum"/>'s members.</summary>
        public const string AgentToolEnum = "Tool";

        /// <summary>Each agent class's conversion from its <see cref="AgentToolEnum"/> to <see cref="ToolEnum"/>.</summary>
        public const string ToAgentTool = "ToAgentTool";

        /// <summary>Each agent class's singleton property.</summary>
        public const string Instance = "Instance";

        /// <summary>Each agent class's constant holding the agent's name.</summary>
        public const string AgentName = "AgentName";

        /// <summary>The type names no agent or payload record may take (AGEN020): the project-wide generated types.</summary>
        public static readonly string[] ProjectTypes = { ToolEnum, ToolsClass, Catalog, AllToolsBase };

        /// <summary>The hint names of the project-wide generated files.</summary>
        public const string ToolEnumHintName = ToolEnum + ".g.cs";
        public const string CatalogHintName = Catalog + ".g.cs";

        /// <summary>The named arguments of <c>[AgentDefinition]</c>, as the emitter writes them and the analyzers read them.</summary>
        public static class AgentDefinitionProperties
        {
            public const string Tools = "Tools";
            public const string DisallowedTools = "DisallowedTools";
            public const string InheritsAllTools = "InheritsAllTools";
            public const string Memory = "Memory";
            public const string SourceFile = "SourceFile";
        }
    }
}
