using AgentGen.Common;

namespace AgentGen.Model
{
    /// <summary>
    /// One agent file, parsed: everything the emitter and the cross-file rules need, and nothing
    /// that ties it to a compilation (no symbols, syntax, AdditionalText or Location).
    /// </summary>
    internal sealed record AgentFileModel(
        string Path,
        string Name,
        SourceSpan NameSpan,
        string Description,
        string? Model,
        TextRange Body,
        bool InheritsAllTools,
        EquatableArray<string> Tools,
        EquatableArray<string> DisallowedTools,
        EquatableArray<KeyValue> Metadata,
        AgentOptionalFields Optional,
        EquatableArray<MessageModel> Messages)
    {
        /// <summary>The C# class name (<see cref="Naming.AgentClassName"/>; README.md, "Quick start").</summary>
        public string ClassName => Naming.AgentClassName(Name);

        /// <summary>The Markdown body, exactly as in the file (line endings as '\n'): a copy of <see cref="Body"/>.</summary>
        public string Instructions => Body.ToString();
    }

    /// <summary>Typed values of the known optional fields; null when absent or invalid.</summary>
    internal sealed record AgentOptionalFields(
        string? Color,
        string? PermissionMode,
        int? MaxTurns,
        EquatableArray<string>? Skills,
        EquatableArray<string>? McpServers,
        string? Hooks,
        string? Memory,
        bool? Background,
        bool? OmitClaudeMd,
        string? Effort,
        string? Isolation,
        string? InitialPrompt,
        string? Experimental,
        string? HooksJson = null)
    {
        public static readonly AgentOptionalFields None = new(null, null, null, null, null, null, null, null, null, null, null, null, null);

        /// <summary>The agent types of the file's <c>Agent(...)</c> entries in <c>tools</c>; null when delegation may go to any agent.</summary>
        public EquatableArray<string>? AgentTypes { get; init; }

        /// <summary>The inline <c>mcpServers</c> entries as one JSON object (name to entry), for the runtime; null when none.</summary>
        public string? McpServerEntries { get; init; }
    }

    /// <summary>A protocol message documented by a ```json block.</summary>
    internal sealed record MessageModel(
        string RequestType,
        SourceSpan RequestTypeSpan,
        string? RequestingAgent,
        SourceSpan RequestingAgentSpan,
        PayloadShape Payload,
        string ExampleJson);

    internal enum ShapeKind
    {
        Null,
        String,
        Integer,
        Long,
        Double,
        Boolean,
        Array,
        Object,
        Any,
    }

    /// <summary>The inferred type of a JSON value (recursive, equatable).</summary>
    internal sealed record PayloadShape(ShapeKind Kind, PayloadShape? Element, EquatableArray<PayloadProperty> Properties)
    {
        public static readonly PayloadShape Null = new(ShapeKind.Null, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape String = new(ShapeKind.String, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape Integer = new(ShapeKind.Integer, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape Long = new(ShapeKind.Long, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape Double = new(ShapeKind.Double, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape Boolean = new(ShapeKind.Boolean, null, EquatableArray<PayloadProperty>.Empty);
        public static readonly PayloadShape Any = new(ShapeKind.Any, null, EquatableArray<PayloadProperty>.Empty);

        public static PayloadShape ArrayOf(PayloadShape element) => new(ShapeKind.Array, element, EquatableArray<PayloadProperty>.Empty);

        public static PayloadShape ObjectOf(EquatableArray<PayloadProperty> properties) => new(ShapeKind.Object, null, properties);
    }

    /// <summary>One key of a payload object. <paramref name="Nullable"/>: absent or null in some example.</summary>
    internal sealed record PayloadProperty(string JsonName, PayloadShape Shape, bool Nullable);
}
