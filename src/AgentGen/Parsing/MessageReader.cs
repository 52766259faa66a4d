using System;
using System.Collections.Generic;
using System.Globalization;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;

namespace AgentGen.Parsing
{
    /// <summary>
    /// Reads one ```json block: reports it when it is not valid JSON (AGEN017), and turns an
    /// object with a string <c>request_type</c> and an object <c>payload</c> into a message.
    /// </summary>
    internal static class MessageReader
    {
        /// <summary>The block names a protocol message's keys: it is meant as a message, so broken JSON is reported.</summary>
        internal static bool MentionsMessageKeys(string text, int start, int end)
        {
            foreach (string key in new[] { "\"request_type\"", "\"payload\"", "\"requesting_agent\"" })
            {
                if (end > start && text.IndexOf(key, start, end - start, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The block is a sketch in JSON's clothes, not data: outside strings it holds a comment
        /// (<c>//</c>, <c>/*</c>), an alternative (<c>"allow" | "deny"</c>) or an ellipsis
        /// (<c>...</c>). Such blocks are documentation; nothing is generated from them.
        /// </summary>
        internal static bool LooksLikePseudoJson(string text, int start, int end)
        {
            bool inString = false;
            for (int i = start; i < end && i < text.Length; i++)
            {
                char c = text[i];
                if (inString)
                {
                    if (c == '\\')
                    {
                        i++;
                    }
                    else if (c == '"')
                    {
                        inString = false;
                    }

                    continue;
                }

                switch (c)
                {
                    case '"':
                        inString = true;
                        break;
                    case '|':
                    case '\u2026':
                        return true;
                    case '/' when i + 1 < end && (text[i + 1] == '/' || text[i + 1] == '*'):
                        return true;
                    case '.' when i + 2 < end && text[i + 1] == '.' && text[i + 2] == '.':
                        return true;
                }
            }

            return false;
        }

        public static void Read(string text, FencedBlock block, string path, List<MessageModel> messages, List<DiagnosticInfo> diagnostics)
        {
            int start = block.ContentStart;
            int end = Math.Max(start, block.ContentEnd);
            if (!JsonReader.TryParse(text, start, end, out JsonNode? root, out JsonError error))
            {
                if (!MentionsMessageKeys(text, start, end) && LooksLikePseudoJson(text, start, end))
                {
                    return; // a schema or prose sketch, not a message: not AGEN017 (docs/rules/AGEN017.md)
                }

                int at = Math.Min(Math.Max(error.Offset, start), text.Length);
                var span = new SourceSpan(at, TextLines.LineEnd(text, at) > at ? 1 : 0);
                diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidJsonBlock, span, new[] { error.Message }));
                return;
            }

            if (root is null || root.Kind != JsonKind.Object)
            {
                return;
            }

            // "\uD800" alone is RFC 8259 JSON, but System.Text.Json cannot read it (and a record's
            // [JsonPropertyName] cannot even store it: attribute strings are UTF-8 in metadata).
            if (FindLoneSurrogate(root) is { } lone)
            {
                int at = Math.Min(Math.Max(lone, start), text.Length);
                diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidJsonBlock, new SourceSpan(at, at < end ? 1 : 0), new[] { "a string holds an unpaired surrogate (\\uD800-\\uDFFF without its pair), which System.Text.Json cannot read" }));
                return;
            }

            JsonProperty? requestType = Find(root, "request_type");
            JsonProperty? payload = Find(root, "payload");
            if (requestType is not { Value.Kind: JsonKind.String } rt || payload is not { Value.Kind: JsonKind.Object } p || rt.Value.Text!.Trim().Length == 0)
            {
                return;
            }

            JsonProperty? requesting = Find(root, "requesting_agent");
            string? requestingAgent = requesting is { Value.Kind: JsonKind.String } ra ? ra.Value.Text : null;
            SourceSpan requestingSpan = requesting is { } r ? SourceSpan.FromBounds(r.Value.Start, r.Value.End) : default;

            messages.Add(new MessageModel(
                rt.Value.Text!,
                SourceSpan.FromBounds(rt.Value.Start, rt.Value.End),
                requestingAgent,
                requestingSpan,
                Infer(p.Value),
                AgentFileParser.NormalizeNewlines(text.Substring(start, end - start))));
        }

        /// <summary>The offset of the first string (value or property name) holding an unpaired surrogate, if any. Depth is bounded by JsonReader.MaxDepth.</summary>
        private static int? FindLoneSurrogate(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.String:
                    return HasLoneSurrogate(node.Text!) ? node.Start : null;
                case JsonKind.Array:
                    foreach (JsonNode item in node.Items)
                    {
                        if (FindLoneSurrogate(item) is { } at)
                        {
                            return at;
                        }
                    }

                    return null;
                case JsonKind.Object:
                    foreach (JsonProperty property in node.Properties)
                    {
                        if (HasLoneSurrogate(property.Name))
                        {
                            return property.NameStart;
                        }

                        if (FindLoneSurrogate(property.Value) is { } at)
                        {
                            return at;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        internal static bool HasLoneSurrogate(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(s[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static JsonProperty? Find(JsonNode node, string name)
        {
            foreach (JsonProperty property in node.Properties)
            {
                if (string.Equals(property.Name, name, StringComparison.Ordinal))
                {
                    return property;
                }
            }

            return null;
        }

        /// <summary>The C#-facing shape of a JSON example value. Depth is bounded by JsonReader.MaxDepth.</summary>
        public static PayloadShape Infer(JsonNode node)
        {
            switch (node.Kind)
            {
                case JsonKind.String:
                    return PayloadShape.String;
                case JsonKind.True:
                case JsonKind.False:
                    return PayloadShape.Boolean;
                case JsonKind.Null:
                    return PayloadShape.Null;
                case JsonKind.Number:
                    return InferNumber(node.Text ?? "0");
                case JsonKind.Array:
                {
                    PayloadShape? element = null;
                    foreach (JsonNode item in node.Items)
                    {
                        PayloadShape shape = Infer(item);
                        bool conflict = false;
                        element = element is null ? shape : PayloadShapes.Unify(element, shape, ref conflict);
                    }

                    return PayloadShape.ArrayOf(element is null || element.Kind == ShapeKind.Null ? PayloadShape.Any : element);
                }

                case JsonKind.Object:
                {
                    var properties = new List<PayloadProperty>();
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (JsonProperty property in node.Properties)
                    {
                        if (!seen.Add(property.Name))
                        {
                            continue; // a repeated key: the first one defines the property
                        }

                        PayloadShape shape = Infer(property.Value);
                        properties.Add(new PayloadProperty(property.Name, shape, shape.Kind == ShapeKind.Null));
                    }

                    return PayloadShape.ObjectOf(properties.ToEquatableArray());
                }

                default:
                    return PayloadShape.Any;
            }
        }

        private static PayloadShape InferNumber(string raw)
        {
            if (raw.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0)
            {
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && !double.IsInfinity(d)
                    ? PayloadShape.Double
                    : PayloadShape.Any;
            }

            if (int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                return PayloadShape.Integer;
            }

            // Beyond long, no CLR integer round-trips the value exactly: keep it as a JsonElement.
            return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? PayloadShape.Long : PayloadShape.Any;
        }
    }

    /// <summary>Merging the shapes of several examples of one value.</summary>
    internal static class PayloadShapes
    {
        /// <summary>
        /// The shape that holds both: int + long = long, integers + double = double, objects merge
        /// their keys (a key missing on one side becomes nullable), null makes a value nullable;
        /// anything else is <see cref="ShapeKind.Any"/> and sets <paramref name="conflict"/>.
        /// </summary>
        public static PayloadShape Unify(PayloadShape a, PayloadShape b, ref bool conflict)
        {
            if (a.Equals(b))
            {
                return a;
            }

            if (a.Kind == ShapeKind.Null)
            {
                return b;
            }

            if (b.Kind == ShapeKind.Null)
            {
                return a;
            }

            if (a.Kind == ShapeKind.Any || b.Kind == ShapeKind.Any)
            {
                return PayloadShape.Any;
            }

            if (IsNumber(a.Kind) && IsNumber(b.Kind))
            {
                return a.Kind == ShapeKind.Double || b.Kind == ShapeKind.Double ? PayloadShape.Double : PayloadShape.Long;
            }

            if (a.Kind == ShapeKind.Array && b.Kind == ShapeKind.Array)
            {
                if (a.Element!.Kind == ShapeKind.Any && b.Element!.Kind != ShapeKind.Any)
                {
                    return b; // [] and [x]: the empty example says nothing about the element type
                }

                if (b.Element!.Kind == ShapeKind.Any)
                {
                    return a;
                }

                return PayloadShape.ArrayOf(Unify(a.Element!, b.Element!, ref conflict));
            }

            if (a.Kind == ShapeKind.Object && b.Kind == ShapeKind.Object)
            {
                var merged = new List<PayloadProperty>();
                foreach (PayloadProperty pa in a.Properties)
                {
                    PayloadProperty? pb = FindProperty(b, pa.JsonName);
                    merged.Add(pb is null
                        ? pa with { Nullable = true }
                        : new PayloadProperty(pa.JsonName, Unify(pa.Shape, pb.Shape, ref conflict), pa.Nullable || pb.Nullable));
                }

                foreach (PayloadProperty pb in b.Properties)
                {
                    if (FindProperty(a, pb.JsonName) is null)
                    {
                        merged.Add(pb with { Nullable = true });
                    }
                }

                return PayloadShape.ObjectOf(merged.ToEquatableArray());
            }

            conflict = true;
            return PayloadShape.Any;
        }

        /// <summary>A short description for messages: "string", "list of int", "object".</summary>
        public static string Describe(PayloadShape shape) => shape.Kind switch
        {
            ShapeKind.Null => "null",
            ShapeKind.String => "string",
            ShapeKind.Integer => "int",
            ShapeKind.Long => "long",
            ShapeKind.Double => "double",
            ShapeKind.Boolean => "bool",
            ShapeKind.Array => "list of " + Describe(shape.Element!),
            ShapeKind.Object => "object",
            _ => "any JSON value",
        };

        private static bool IsNumber(ShapeKind k) => k is ShapeKind.Integer or ShapeKind.Long or ShapeKind.Double;

        private static PayloadProperty? FindProperty(PayloadShape shape, string name)
        {
            foreach (PayloadProperty p in shape.Properties)
            {
                if (string.Equals(p.JsonName, name, StringComparison.Ordinal))
                {
                    return p;
                }
            }

            return null;
        }
    }
}
