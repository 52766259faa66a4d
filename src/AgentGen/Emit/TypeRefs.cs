namespace AgentGen.Emit
{
    /// <summary>
    /// The fully qualified types and members generated code names, each written once (the System.Text.Json
    /// generator's <c>...TypeRef</c> constants). <c>AgentTool</c> and <c>AgentTools</c> are written
    /// unqualified: generated types are declared in their namespace.
    /// </summary>
    internal static class TypeRefs
    {
        public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + Model.GeneratedNames.GeneratorName + "\", \"" + ThisAssembly.Version + "\")]";

        public const string Dictionary = "global::System.Collections.Generic.Dictionary";
        public const string ReadOnlyList = "global::System.Collections.Generic.IReadOnlyList";
        public const string KeyNotFoundException = "global::System.Collections.Generic.KeyNotFoundException";
        public const string StringComparerOrdinal = "global::System.StringComparer.Ordinal";
        public const string Func = "global::System.Func";
        public const string Enum = "global::System.Enum";
        public const string Array = "global::System.Array";
        public const string ArgumentOutOfRange = "global::System.ArgumentOutOfRangeException";
        public const string JsonPropertyNameAttribute = "global::System.Text.Json.Serialization.JsonPropertyName";

        public const string AgentDefinitionAttribute = "global::AgentGen.AgentDefinition";
        public const string ToolNameAttribute = "global::AgentGen.ToolName";
        public const string AgentDefinitionBase = "global::AgentGen.AgentDefinitionBase";
        public const string IAgentDefinition = "global::AgentGen.IAgentDefinition";
        public const string IAgentPayload = "global::AgentGen.IAgentPayload";
        public const string AgentToolParser = "global::AgentGen.AgentToolParser";
        public const string AgentToolRules = "global::AgentGen.AgentToolRules";
        public const string AgentLookup = "global::AgentGen.AgentLookup";
        public const string AgentColor = "global::AgentGen.AgentColor";
        public const string AgentPermissionMode = "global::AgentGen.AgentPermissionMode";
        public const string AgentMemoryScope = "global::AgentGen.AgentMemoryScope";
        public const string AgentEffort = "global::AgentGen.AgentEffort";
        public const string AgentIsolation = "global::AgentGen.AgentIsolation";

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
