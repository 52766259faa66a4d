using System.Collections.Generic;

namespace AgentGen.Parsing
{
    /// <summary>The kind of a <see cref="JsonNode"/>.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        Number,
        True,
        False,
        Null,
    }

    /// <summary>One parsed JSON value with its source span.</summary>
    internal sealed class JsonNode
    {
        private static readonly IReadOnlyList<JsonProperty> NoProperties = new JsonProperty[0];
        private static readonly IReadOnlyList<JsonNode> NoItems = new JsonNode[0];

        internal JsonNode(
            JsonKind kind,
            int start,
            int end,
            string? text,
            IReadOnlyList<JsonProperty>? properties,
            IReadOnlyList<JsonNode>? items)
        {
            Kind = kind;
            Start = start;
            End = end;
            Text = text;
            Properties = properties ?? NoProperties;
            Items = items ?? NoItems;
        }

        /// <summary>What kind of value this is.</summary>
        public JsonKind Kind { get; }

        /// <summary>Offset of the first char of the value in the parsed string.</summary>
        public int Start { get; }

        /// <summary>Offset one past the last char of the value.</summary>
        public int End { get; }

        /// <summary>String: the unescaped value; Number: the raw number text; otherwise null.</summary>
        public string? Text { get; }

        /// <summary>Object only: the members in file order, duplicates kept; otherwise empty.</summary>
        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>Array only: the items in file order; otherwise empty.</summary>
        public IReadOnlyList<JsonNode> Items { get; }

        /// <summary>A short description for debugging.</summary>
        public override string ToString() => Kind + " [" + Start + ".." + End + ")" + (Text is null ? "" : " " + Text);
    }

    /// <summary>One member of a JSON object.</summary>
    /// <param name="Name">The unescaped property name.</param>
    /// <param name="NameStart">Offset of the opening quote of the name.</param>
    /// <param name="NameEnd">Offset one past the closing quote of the name.</param>
    /// <param name="Value">The property value.</param>
    internal readonly record struct JsonProperty(string Name, int NameStart, int NameEnd, JsonNode Value);

    /// <summary>A JSON syntax error.</summary>
    internal readonly struct JsonError
    {
        private readonly string? _message;

        public JsonError(int offset, string message)
        {
            Offset = offset;
            _message = message;
        }

        /// <summary>Offset into the parsed string where the problem is.</summary>
        public int Offset { get; }

        /// <summary>A short human-readable message (empty for <c>default</c>).</summary>
        public string Message => _message ?? string.Empty;

        public override string ToString() => "(" + Offset + ") " + Message;
    }
}
