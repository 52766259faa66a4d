using AgentGen.Model;

namespace AgentGen.Emit
{
    /// <summary>
    /// The fully qualified types and members generated code names, each written once (the System.Text.Json
    /// generator's <c>...TypeRef</c> constants). <c>AgentTool</c> and <c>AgentTools</c> are written
    /// unqualified: generated types are declared in their namespace.
    /// </summary>
    internal static class TypeRefs
    {
        public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + GeneratedNames.GeneratorName + "\", \"" + ThisAssembly.Version + "\")]";

        public const string Dictionary = "global::System.Collections.Generic.Dictionary";
        public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
        public const string KeyNotFoundException = "global::System.Collections.Generic.KeyNotFoundException";
        public const string StringComparerOrdinal = "global::System.StringComparer.Ordinal";
        public const string Func = "global::System.Func";
        public const string Enum = "global::System.Enum";
        public const string Array = "global::System.Array";
        public const string ArgumentOutOfRange = "global::System.ArgumentOutOfRangeException";
        public const string JsonPropertyNameAttribute = "global::System.Text.Json.Serialization.JsonPropertyName";

        // AgentGen.Abstractions, by the names the analyzers match (Model/GeneratedNames.cs); attributes
        // are written without their "Attribute" suffix.
        private const string Abstractions = "global::" + GeneratedNames.AbstractionsNamespace + ".";
        public const string AgentDefinitionAttribute = Abstractions + "AgentDefinition";
        public const string ToolNameAttribute = Abstractions + "ToolName";
        public const string AgentDefinitionBase = Abstractions + GeneratedNames.AgentDefinitionBase;
        public const string IAgentDefinition = Abstractions + GeneratedNames.AgentDefinitionInterface;
        public const string IAgentPayload = Abstractions + "IAgentPayload";
        public const string AgentToolParser = Abstractions + "AgentToolParser";
        public const string AgentToolRules = Abstractions + "AgentToolRules";
        public const string AgentLookup = Abstractions + "AgentLookup";
        public const string McpServerInfo = Abstractions + "McpServerInfo";
        public const string AgentColor = Abstractions + "AgentColor";
        public const string AgentPermissionMode = Abstractions + "AgentPermissionMode";
        public const string AgentMemoryScope = Abstractions + "AgentMemoryScope";
        public const string AgentEffort = Abstractions + "AgentEffort";
        public const string AgentIsolation = Abstractions + "AgentIsolation";

        /// <summary>The fields of the generated AgentTools holding ToToolName and TryParse as delegates.</summary>
        public const string NameOfTool = "NameOfTool";

        /// <inheritdoc cref="NameOfTool"/>
        public const string ParseTool = "ParseTool";

        /// <summary>The generated AgentTools' conversion of an agent's Tool member to the AgentTool member of its name.</summary>
        public const string FromToolMember = "FromToolMember";

        /// <summary><c>throw new ArgumentOutOfRangeException(nameof(tool))</c>.</summary>
        public const string ThrowToolOutOfRange = "throw new " + ArgumentOutOfRange + "(nameof(tool))";
    }
}
