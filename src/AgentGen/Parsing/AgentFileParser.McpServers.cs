using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Common;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    /// <summary>One entry of an agent's <c>mcpServers</c>: a configured server's name, or an inline <c>{name: config}</c>.</summary>
    /// <param name="Name">The server name.</param>
    /// <param name="Span">Where the name is written.</param>
    /// <param name="IsInline">An inline entry (its own config) rather than a reference to a configured server.</param>
    /// <param name="Problem">For an inline entry Claude Code cannot start (no <c>command</c> or <c>url</c>, unknown <c>type</c>): why.</param>
    internal sealed record McpServerEntry(string Name, SourceSpan Span, bool IsInline, string? Problem);

    internal static partial class AgentFileParser
    {
        private sealed partial class Session
        {
            private readonly List<McpServerEntry> _mcpServerEntries = new();
            private readonly List<KeyValuePair<string, SourceSpan>> _mcpToolEntries = new();
            private StringBuilder? _mcpServerJson;

            /// <summary>The inline entries of <c>mcpServers</c> as one JSON object (name to entry), or null when there is none.</summary>
            private string? McpServerJson => _mcpServerJson is null ? null : _mcpServerJson.ToString() + "}";

            /// <summary>A <c>tools</c> entry naming an MCP tool or server (<c>mcp__&lt;server&gt;...</c>), for AGEN026.</summary>
            private void NoteToolEntry(string field, KeyValuePair<string, SourceSpan> entry)
            {
                if (field == "tools" && entry.Key.StartsWith("mcp__", StringComparison.Ordinal))
                {
                    _mcpToolEntries.Add(entry);
                }
            }

            private void NoteServerReference(YNode name)
                => _mcpServerEntries.Add(new McpServerEntry(name.Value, Span(name), IsInline: false, Problem: null));

            /// <summary>An inline entry: checked as Claude Code checks a <c>.mcp.json</c> entry, and kept as JSON for the runtime.</summary>
            private void NoteInlineServer(YNode name, YNode config)
            {
                _mcpServerEntries.Add(new McpServerEntry(name.Value, Span(name), IsInline: true, McpEntryRules.Problem(name.Value, config.Kind == YKind.Mapping, Field(config, "type"), Field(config, "command"), Field(config, "url"))));
                if (_mcpServerJson is null)
                {
                    _mcpServerJson = new StringBuilder("{");
                }
                else
                {
                    _mcpServerJson.Append(',');
                }

                AppendJsonString(_mcpServerJson, name.Value);
                _mcpServerJson.Append(':');
                AppendJson(_mcpServerJson, config, 0);
            }

            private static string? Field(YNode mapping, string key)
            {
                if (mapping.Kind != YKind.Mapping)
                {
                    return null;
                }

                foreach (KeyValuePair<YNode, YNode> entry in mapping.Entries)
                {
                    if (entry.Key.Kind == YKind.Scalar && entry.Key.Value == key)
                    {
                        return entry.Value.Kind == YKind.Scalar && !entry.Value.IsNull ? entry.Value.Value : null;
                    }
                }

                return null;
            }

            /// <summary>YAML to JSON: mappings to objects, sequences to arrays, every scalar to a string (null for a null).</summary>
            private static void AppendJson(StringBuilder json, YNode node, int depth)
            {
                if (depth > 32)
                {
                    json.Append("null");
                    return;
                }

                switch (node.Kind)
                {
                    case YKind.Mapping:
                        json.Append('{');
                        bool first = true;
                        foreach (KeyValuePair<YNode, YNode> entry in node.Entries)
                        {
                            if (entry.Key.Kind != YKind.Scalar)
                            {
                                continue;
                            }

                            if (!first)
                            {
                                json.Append(',');
                            }

                            first = false;
                            AppendJsonString(json, entry.Key.Value);
                            json.Append(':');
                            AppendJson(json, entry.Value, depth + 1);
                        }

                        json.Append('}');
                        break;
                    case YKind.Sequence:
                        json.Append('[');
                        for (int i = 0; i < node.Items.Count; i++)
                        {
                            if (i > 0)
                            {
                                json.Append(',');
                            }

                            AppendJson(json, node.Items[i], depth + 1);
                        }

                        json.Append(']');
                        break;
                    case YKind.Scalar when !node.IsNull:
                        AppendJsonString(json, node.Value);
                        break;
                    default:
                        json.Append("null");
                        break;
                }
            }

            private static void AppendJsonString(StringBuilder json, string value)
            {
                json.Append('"');
                foreach (char c in value)
                {
                    switch (c)
                    {
                        case '"': json.Append("\\\""); break;
                        case '\\': json.Append("\\\\"); break;
                        default:
                            if (c < ' ' || c == '\u2028' || c == '\u2029')
                            {
                                json.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                            }
                            else
                            {
                                json.Append(c);
                            }

                            break;
                    }
                }

                json.Append('"');
            }
        }
    }

    /// <summary>
    /// Claude Code's rules for one MCP server entry (code.claude.com/docs/en/mcp, v2.1.240), shared by the <c>.mcp.json</c>
    /// check and the inline <c>mcpServers</c> check: no <c>type</c> is stdio; stdio needs <c>command</c>; <c>http</c>
    /// (also <c>streamable-http</c>), <c>sse</c> and <c>ws</c> need <c>url</c>; a <c>url</c> without <c>type</c> is an error.
    /// The runtime (AgentGen.AI, McpConfigReader) applies the same rules.
    /// </summary>
    internal static class McpEntryRules
    {
        public static string? Problem(string name, bool isObject, string? type, string? command, string? url)
        {
            if (!isObject)
            {
                return $"the MCP server '{name}' is not an object with 'command' or 'url'";
            }

            switch (type)
            {
                case null:
                    if (command is null && url is not null)
                    {
                        return $"the MCP server '{name}' has a 'url' but no 'type'; add \"type\": \"http\" (or \"sse\" / \"ws\")";
                    }

                    return string.IsNullOrWhiteSpace(command) ? $"the MCP server '{name}' has no 'command' (a stdio server needs one) and no 'url' with a 'type'" : null;
                case "stdio":
                    return string.IsNullOrWhiteSpace(command) ? $"the stdio MCP server '{name}' has no 'command'" : null;
                case "http":
                case "streamable-http":
                case "sse":
                case "ws":
                    return string.IsNullOrWhiteSpace(url) ? $"the {type} MCP server '{name}' has no 'url'" : null;
                default:
                    return $"the MCP server '{name}' has the unknown type '{type}' (stdio, http, sse or ws)";
            }
        }

        /// <summary>The transport a valid entry uses, as Claude Code names it: stdio, http, sse or ws.</summary>
        public static string Transport(string? type) => type switch
        {
            null or "stdio" => "stdio",
            "streamable-http" => "http",
            _ => type,
        };
    }
}
