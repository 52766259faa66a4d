using System.Text.Json;
using AgentGen.Agents;
using AgentGen.AI;
using Inkwell.Agents;
using Microsoft.Extensions.AI;

namespace Inkwell;

/// <summary>
/// MCP servers from the files: solution-architect lists <c>mcp__sequential-thinking__sequentialthinking</c>. When Node.js
/// and the <c>@modelcontextprotocol/server-sequential-thinking</c> package are available locally (npx's cache, no
/// network), a <c>.mcp.json</c> starts that real server and the offline model thinks through it; otherwise the sample
/// says why and the agent runs without the tool, as Claude Code runs it without a server that does not start.
/// </summary>
internal static class McpDemo
{
    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("== MCP servers from .mcp.json: solution-architect and sequential-thinking ==");
        if (FindOnPath("npx") is null || FindOnPath("node") is null)
        {
            Console.WriteLine("  Node.js (node, npx) is not on PATH: no local MCP server; the agent runs without its MCP tools.");
        }

        // A project folder of its own with the .mcp.json Claude Code would read; `--offline` keeps npx off the network.
        string project = Path.Combine(Path.GetTempPath(), "inkwell-mcp-" + Environment.ProcessId);
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, ".mcp.json"), """
            {
              "mcpServers": {
                "sequential-thinking": {
                  "command": "npx",
                  "args": ["--offline", "-y", "@modelcontextprotocol/server-sequential-thinking"],
                  "env": { "DISABLE_THOUGHT_LOGGING": "true" }
                }
              }
            }
            """);
        try
        {
            var model = new ThinkingModel();
            var toolbox = new AgentToolbox().Add("Read", (string file_path) => "No such file.", "Reads a file.");
            await using AgentTeam team = await AgentTeam.CreateAsync(model, [AgentCatalog.SolutionArchitect], toolbox, new AgentRuntimeOptions
            {
                ProjectDirectory = project,
                TrustProjectFiles = true, // this app wrote the .mcp.json itself
                McpStartupTimeout = TimeSpan.FromSeconds(20),
            });
            foreach (McpServerEventArgs e in team.McpServerEvents)
            {
                Console.WriteLine($"  mcp: {e.ServerName} {e.Status}: {e.Message}");
            }

            if (!team.McpServerEvents.Any(e => e.Status == McpServerStatus.Connected))
            {
                Console.WriteLine("  The server is not available locally (install it once with `npm install -g @modelcontextprotocol/server-sequential-thinking` or run `npx -y @modelcontextprotocol/server-sequential-thinking` online); going on without it.");
            }

            var answer = await team["solution-architect"].RunAsync("Which database for the order history?");
            Console.WriteLine($"  offered: {string.Join(", ", model.Offered)}");
            foreach (string result in model.Results)
            {
                Console.WriteLine($"  tool result: {result}");
            }

            Console.WriteLine($"  solution-architect answered: {answer.Text}");
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static string? FindOnPath(string command)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in OperatingSystem.IsWindows() ? new[] { command + ".cmd", command + ".exe" } : new[] { command })
            {
                if (File.Exists(Path.Combine(dir, name)))
                {
                    return Path.Combine(dir, name);
                }
            }
        }

        return null;
    }

    /// <summary>An offline model: thinks once through sequential-thinking when it is offered, then answers.</summary>
    private sealed class ThinkingModel : IChatClient
    {
        private const string Thinking = "mcp__sequential-thinking__sequentialthinking";
        private bool _thought;

        public List<string> Offered { get; } = new();

        public List<string> Results { get; } = new();

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (Offered.Count == 0)
            {
                Offered.AddRange(options?.Tools?.Select(t => t.Name) ?? []);
            }

            foreach (FunctionResultContent r in messages.Last().Contents.OfType<FunctionResultContent>())
            {
                Results.Add(r.Result is JsonElement json ? json.GetRawText() : r.Result?.ToString() ?? "");
            }

            if (!_thought && Offered.Contains(Thinking))
            {
                _thought = true;
                return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("think-1", Thinking, new Dictionary<string, object?>
                {
                    ["thought"] = "Order history is append-only and queried by customer: a relational table keyed by customer and date.",
                    ["thoughtNumber"] = 1,
                    ["totalThoughts"] = 1,
                    ["nextThoughtNeeded"] = false,
                })])));
            }

            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "PostgreSQL: an orders table keyed by customer and date.")));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException("The offline model does not stream.");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
