using AgentGen;
using AgentGen.Agents;
using AgentGen.AI;
using Anthropic;
using Inkwell.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Inkwell;

/// <summary>
/// A team on the Microsoft Agent Framework: tech-lead (Read, Grep, Glob, Edit, Agent) delegates a review to
/// code-reviewer (Read, Grep, Glob; never Write or Edit). Claude when ANTHROPIC_API_KEY is set, else offline.
/// </summary>
internal static class TeamDemo
{
    // A tiny in-memory repository for the tools to work on.
    private static readonly Dictionary<string, string> Files = new()
    {
        ["src/Checkout/BasketService.cs"] = """
            namespace Inkwell.Checkout;

            public sealed class BasketService
            {
                public double Total(IEnumerable<BasketLine> lines)
                {
                    double total = 0;
                    foreach (var line in lines) total += line.UnitPrice * line.Quantity;
                    return Math.Round(total, 2);
                }
            }
            """,
        ["src/Checkout/BasketLine.cs"] = "public sealed record BasketLine(string Isbn, double UnitPrice, int Quantity);",
    };

    public static async Task RunAsync()
    {
        Console.WriteLine();
        Console.WriteLine("== A team run: tech-lead delegates a review to code-reviewer ==");

        string? apiKey = Environment.GetEnvironmentVariable("ANTHROPIC_API_KEY");
        string claudeModel = Environment.GetEnvironmentVariable("ANTHROPIC_MODEL") ?? "claude-sonnet-5-5";
        IChatClient chatClient = string.IsNullOrEmpty(apiKey)
            ? new OfflineModel(AgentCatalog.TechLead, AgentCatalog.CodeReviewer)
            : new AnthropicClient { ApiKey = apiKey }.AsIChatClient(claudeModel);
        Console.WriteLine(string.IsNullOrEmpty(apiKey)
            ? "ANTHROPIC_API_KEY is not set: running on a scripted, offline IChatClient (no network)."
            : $"Talking to Claude ({claudeModel}) through the Anthropic SDK.");

        // Tools by the names agent files use; each run prints which agent used it.
        var toolbox = new AgentToolbox()
            .Add("Read", (string path) => Log("Read", path, Files.TryGetValue(path, out var text) ? text : $"No file {path}."), "Reads a file of the repository.")
            .Add("Grep", (string pattern) => Log("Grep", pattern, string.Join("\n", Files.SelectMany(f => f.Value.Split('\n').Select((l, i) => (f.Key, i, l))).Where(x => x.l.Contains(pattern)).Select(x => $"{x.Key}:{x.i + 1}: {x.l.Trim()}"))), "Searches the repository.")
            .Add("Glob", (string pattern) => Log("Glob", pattern, string.Join("\n", Files.Keys)), "Lists files.")
            .Add("Edit", (string file_path, string old_string, string new_string) => Log("Edit", file_path, "Edited."), "Replaces text in a file.");
        toolbox.ToolRefused += (_, e) => Console.WriteLine($"    [{e.AgentName}] REFUSED {e.ToolName} -> the model was told: \"{e.Result}\"");

        // The file says `model: sonnet`; map the alias to the provider's id.
        var options = new AgentRuntimeOptions
        {
            Models = new AgentModelMap { Sonnet = claudeModel, Opus = claudeModel, Haiku = claudeModel, Fable = claudeModel },

            // Claude Code's `default` mode: reads run, edits are asked. The app answers instead of a person
            // (without CanUseTool, an asked call is denied, as in `claude -p`).
            PermissionMode = AgentPermissionMode.Default,
            CanUseTool = (request, _) =>
            {
                bool allow = request.ToolName == "Edit" && request.Arguments.TryGetValue("file_path", out object? path) && path?.ToString()?.StartsWith("src/", StringComparison.Ordinal) == true;
                Console.WriteLine($"    [{request.AgentName}] asked: {request.ToolName} ({request.Reason}) -> {(allow ? "allowed by the app" : "denied")}");
                return new ValueTask<ToolPermissionDecision>(allow ? ToolPermissionDecision.Allow() : ToolPermissionDecision.Deny("The app only allows edits under src/."));
            },
        };

        // A .NET PreToolUse hook with Claude Code's matcher rules: it sees every Grep before it runs.
        options.Hooks.AddPreToolUse("Grep", (call, _) =>
        {
            Console.WriteLine($"    [{call.AgentName}] hook: PreToolUse {call.ToolName} {call.Arguments["pattern"]}");
            return new ValueTask<PreToolUseResult>(PreToolUseResult.Continue);
        });

        AgentTeam team = await AgentTeam.CreateAsync(chatClient, [AgentCatalog.TechLead, AgentCatalog.CodeReviewer], toolbox, options);
        team.Delegating += (_, e) => Console.WriteLine($"  {e.Caller} -> {e.Subagent} (Agent tool): {e.Prompt}");
        team.Delegated += (_, e) => Console.WriteLine($"  {e.Subagent} answered {e.Caller}: {OneLine(e.Answer)}");

        AIAgent lead = team["tech-lead"];
        Console.WriteLine($"  user -> {lead.Name}: Check how the basket total is computed.");
        AgentResponse response = await lead.RunAsync("Check how the basket total is computed in src/Checkout/BasketService.cs and get it reviewed.");
        Console.WriteLine($"  {lead.Name} answered: {OneLine(response.Text)}");
    }

    private static string Log(string tool, string argument, string result)
    {
        string agent = AIAgent.CurrentRunContext?.Agent.Name ?? "?";
        Console.WriteLine($"    [{agent}] {tool} {argument}");
        return result;
    }

    private static string OneLine(string? text) => string.Join(" ", (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
