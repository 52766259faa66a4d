using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace AgentGen.AI.Mcp
{
    /// <summary>
    /// Reads MCP server entries: the project's <c>.mcp.json</c> (<c>{"mcpServers": {"&lt;name&gt;": entry}}</c>) and the
    /// inline entries of an agent's <c>mcpServers</c>, which the generator hands over as one JSON object of the same
    /// entries. Never throws on bad input: a file that does not parse gives no server and a problem, an entry that cannot
    /// start gives a config with <see cref="McpServerConfig.Error"/> (build time reports both, AGEN025).
    /// </summary>
    internal static class McpConfigReader
    {
        /// <summary>The project file's name, at the project root (code.claude.com/docs/en/mcp, "Project scope").</summary>
        public const string FileName = ".mcp.json";

        /// <summary>
        /// Names Claude Code reserves and skips with a warning (code.claude.com/docs/en/mcp, v2.1.240).
        /// </summary>
        private static readonly HashSet<string> s_reserved = new HashSet<string>(StringComparer.Ordinal)
        {
            "workspace", "claude-in-chrome", "computer-use", "Claude Preview", "Claude Browser",
        };

        /// <summary>The servers of <c>&lt;projectDirectory&gt;/.mcp.json</c>; null when there is no such file.</summary>
        public static IReadOnlyList<McpServerConfig>? ReadProjectFile(string projectDirectory, ICollection<string> problems)
        {
            string path = Path.Combine(projectDirectory, FileName);
            if (!File.Exists(path))
            {
                return null;
            }

            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                problems.Add($"'{path}' could not be read: {ex.Message}");
                return Array.Empty<McpServerConfig>();
            }

            return ReadProjectText(text, path, problems);
        }

        /// <summary>The servers of a <c>.mcp.json</c> text.</summary>
        public static IReadOnlyList<McpServerConfig> ReadProjectText(string text, string source, ICollection<string> problems)
        {
            if (!TryParse(text, source, problems, out JsonElement root))
            {
                return Array.Empty<McpServerConfig>();
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"'{source}' is not a JSON object with an 'mcpServers' object.");
                return Array.Empty<McpServerConfig>();
            }

            // Only "mcpServers" is read; a VS Code style "servers" key is not (code.claude.com/docs/en/debug-your-config).
            if (!root.TryGetProperty("mcpServers", out JsonElement servers))
            {
                problems.Add($"'{source}' has no 'mcpServers' object; no server is configured.");
                return Array.Empty<McpServerConfig>();
            }

            return ReadEntries(servers, McpServerScope.Project, source, problems);
        }

        /// <summary>An agent's inline entries: a JSON object <c>{"&lt;name&gt;": entry}</c> (generated from its file).</summary>
        public static IReadOnlyList<McpServerConfig> ReadInline(string? json, string source, ICollection<string> problems)
        {
            if (string.IsNullOrEmpty(json) || !TryParse(json!, source, problems, out JsonElement root))
            {
                return Array.Empty<McpServerConfig>();
            }

            return ReadEntries(root, McpServerScope.Inline, source, problems);
        }

        private static bool TryParse(string text, string source, ICollection<string> problems, out JsonElement root)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                root = document.RootElement.Clone();
                return true;
            }
            catch (JsonException ex)
            {
                problems.Add($"'{source}' is not valid JSON: {ex.Message}");
                root = default;
                return false;
            }
        }

        private static IReadOnlyList<McpServerConfig> ReadEntries(JsonElement servers, McpServerScope scope, string source, ICollection<string> problems)
        {
            var result = new List<McpServerConfig>();
            if (servers.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"'mcpServers' in '{source}' is not an object of servers.");
                return result;
            }

            foreach (JsonProperty server in servers.EnumerateObject())
            {
                if (s_reserved.Contains(server.Name))
                {
                    problems.Add($"MCP server '{server.Name}' in '{source}' has a name Claude Code reserves; it is skipped.");
                    continue;
                }

                result.Add(ReadEntry(server.Name, server.Value, scope));
            }

            return result;
        }

        internal static McpServerConfig ReadEntry(string name, JsonElement entry, McpServerScope scope)
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Broken(name, scope, McpTransportKind.Stdio, $"MCP server '{name}' is not an object with 'command' or 'url'.");
            }

            string? type = String(entry, "type");
            string? command = String(entry, "command");
            string? url = String(entry, "url");
            McpTransportKind transport;
            switch (type)
            {
                case null:
                    if (command is null && url is not null)
                    {
                        // Claude Code's own message for this case (code.claude.com/docs/en/mcp, v2.1.240).
                        return Broken(name, scope, McpTransportKind.Http, $"MCP server \"{name}\" has a \"url\" but no \"type\"; add \"type\": \"http\" (or \"sse\" / \"ws\") to this entry");
                    }

                    transport = McpTransportKind.Stdio; // an entry without "type" is stdio
                    break;
                case "stdio":
                    transport = McpTransportKind.Stdio;
                    break;
                case "http":
                case "streamable-http":
                    transport = McpTransportKind.Http;
                    break;
                case "sse":
                    transport = McpTransportKind.Sse;
                    break;
                case "ws":
                    transport = McpTransportKind.WebSocket;
                    break;
                default:
                    return Broken(name, scope, McpTransportKind.Stdio, $"MCP server '{name}' has the unknown type '{type}' (stdio, http, sse or ws).");
            }

            if (transport == McpTransportKind.Stdio && string.IsNullOrWhiteSpace(command))
            {
                return Broken(name, scope, transport, $"MCP server '{name}' has no 'command' (a stdio server needs one).");
            }

            if (transport != McpTransportKind.Stdio && string.IsNullOrWhiteSpace(url))
            {
                return Broken(name, scope, transport, $"MCP server '{name}' has no 'url' (a {type} server needs one).");
            }

            return new McpServerConfig(name, scope, transport, command, Strings(entry, "args"), Map(entry, "env"), url, Map(entry, "headers"), error: null);
        }

        private static McpServerConfig Broken(string name, McpServerScope scope, McpTransportKind transport, string error)
            => new McpServerConfig(name, scope, transport, null, McpServerConfig.NoArgs, McpServerConfig.NoMap, null, McpServerConfig.NoMap, error);

        private static string? String(JsonElement entry, string property)
            => entry.TryGetProperty(property, out JsonElement value) ? Scalar(value) : null;

        /// <summary>A string, or the text of a number or boolean (a YAML entry may write <c>PORT: 8080</c>).</summary>
        private static string? Scalar(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };

        private static IReadOnlyList<string> Strings(JsonElement entry, string property)
        {
            if (!entry.TryGetProperty(property, out JsonElement value) || value.ValueKind != JsonValueKind.Array)
            {
                return McpServerConfig.NoArgs;
            }

            var list = new List<string>();
            foreach (JsonElement item in value.EnumerateArray())
            {
                if (Scalar(item) is { } s)
                {
                    list.Add(s);
                }
            }

            return list;
        }

        private static IReadOnlyDictionary<string, string> Map(JsonElement entry, string property)
        {
            if (!entry.TryGetProperty(property, out JsonElement value) || value.ValueKind != JsonValueKind.Object)
            {
                return McpServerConfig.NoMap;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (JsonProperty item in value.EnumerateObject())
            {
                if (Scalar(item.Value) is { } s)
                {
                    map[item.Name] = s;
                }
            }

            return map;
        }
    }
}
