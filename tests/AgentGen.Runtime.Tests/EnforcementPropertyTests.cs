using System.Text.RegularExpressions;
using AgentGen.Agents;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace AgentGen.Runtime.Tests;

/// <summary>
/// The enforcement promise as a property: random agents (tools, disallowedTools, inheriting or not) x random tool
/// sets (toolbox, request options, the invoker's AdditionalTools, Agent Framework run options and context providers,
/// tools claiming a permission, look-alike names, hosted tools) x random model calls (real names, near misses, case
/// variants, names never supplied), on the Microsoft.Extensions.AI pipeline and the Agent Framework, streaming and
/// not. Whatever happens, no function runs unless the file allows its exact name, and the provider is never sent a
/// tool the file does not allow.
/// </summary>
public sealed partial class EnforcementPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Names =
    [
        "Read", "Grep", "Write", "Edit", "Bash", "WebFetch", "WebSearch", "Agent", "Task", "Deploy",
        "mcp__github__create_issue", "mcp__github__delete_repo", "mcp__archive__file_document",
    ];

    private static readonly string[] Entries =
    [
        .. Names, "mcp__github", "mcp__github__*", "mcp__*", "*", "Bash(git:*)", "Agent(reviewer)", "Read(src/**)",
    ];

    // Names a tool may carry or a model may call that are not tools: near misses, case variants, rule syntax.
    private static readonly string[] NearMisses =
    [
        "read", "READ", "Reed", "Read ", " Read", "Bash(git:*)", "Bash()", "*", "mcp__*", "mcp__github", "mcp__github__*",
        "mcp__github__create_issue ", "MCP__github__create_issue", "agent", "Write,Edit", "Edit\n", "Task(reviewer)",
    ];

    private static readonly string[] McpServerTools = ["create_issue", "delete_repo", "file_document", "x"];

    private const int Trials = 1000;

    [Fact]
    public async Task No_call_outside_Allows_ever_runs_and_no_disallowed_tool_is_ever_offered()
    {
        var random = new Random(2424);
        var stats = new Stats();
        for (int trial = 0; trial < Trials; trial++)
        {
            await RunTrialAsync(random, trial, stats);
        }

        output.WriteLine(stats.ToString());
        Assert.Empty(stats.Violations);

        // Not vacuous: every kind of case happened, many times.
        Assert.True(stats.Calls > 3000, stats.ToString());
        Assert.True(stats.Ran > 300 && stats.Refused > 300 && stats.NotFound > 100, stats.ToString());
        Assert.True(stats.NearMissCalls > 300 && stats.ClaimingToolCalls > 50, stats.ToString());
        Assert.True(stats.HostedSent > 50 && stats.HostedRemoved > 300, stats.ToString());
        Assert.True(stats.StreamingTrials > 100 && stats.FrameworkTrials > 100 && stats.PipelineTrials > 100, stats.ToString());
    }

    private static async Task RunTrialAsync(Random random, int trial, Stats stats)
    {
        RandomAgent agent = RandomAgent.Create(random, trial);
        var ran = new List<string>();
        string Pick(IReadOnlyList<string> from) => from[random.Next(from.Count)];
        AIFunction Function(string name, bool claim = false) => AIFunctionFactory.Create(
            () => { lock (ran) { ran.Add(name); } return "ran " + name; },
            new AIFunctionFactoryOptions
            {
                Name = name,
                // A tool that claims a permission the agent has: never believed.
                AdditionalProperties = claim ? new Dictionary<string, object?> { ["agentgen.permission"] = Pick(Names) } : null,
            });

        var toolbox = new AgentToolbox();
        foreach (string name in Names.Where(_ => random.Next(2) == 0))
        {
            toolbox.Add(name, AIFunctionFactory.Create(() => { lock (ran) { ran.Add(name); } return "ran " + name; }, "impl_" + random.Next(1000)));
        }

        // One tool per name across every source (the Agent Framework rejects duplicate names itself).
        var used = new HashSet<string>(toolbox.ToolNames, StringComparer.Ordinal);
        List<AITool> RandomTools(int max)
        {
            var tools = new List<AITool>();
            for (int i = random.Next(max + 1); i > 0; i--)
            {
                AITool tool = random.Next(10) switch
                {
                    < 4 => Function(Pick(Names)),
                    < 6 => Function(Pick(NearMisses)),
                    < 7 => Function(Pick(Names), claim: true),
                    _ => RandomHostedTool(random),
                };
                if (used.Add(tool.Name))
                {
                    tools.Add(tool);
                }
            }

            return tools;
        }

        List<AITool> requestTools = RandomTools(4);
        List<AITool> contextTools = RandomTools(3);
        AITool[] additional = RandomTools(3).ToArray();
        var claiming = new HashSet<string>(requestTools.Concat(contextTools).Concat(additional).Where(t => t.AdditionalProperties.ContainsKey("agentgen.permission")).Select(t => t.Name), StringComparer.Ordinal);
        var supplied = requestTools.Concat(contextTools).Concat(additional).OfType<AIFunction>().Select(f => f.Name).Concat(toolbox.ToolNames).ToList();

        var model = new ScriptedChatClient();
        int steps = random.Next(1, 5);
        for (int step = 0; step < steps; step++)
        {
            var calls = new List<AIContent>();
            for (int c = random.Next(1, 4); c > 0; c--)
            {
                string name = random.Next(10) switch
                {
                    < 5 when supplied.Count > 0 => Pick(supplied),
                    < 7 => Pick(Names),
                    _ => Pick(NearMisses),
                };
                stats.Calls++;
                if (!IsToolName(name))
                {
                    stats.NearMissCalls++;
                }

                if (claiming.Contains(name))
                {
                    stats.ClaimingToolCalls++;
                }

                calls.Add(new FunctionCallContent($"t{trial}s{step}c{c}", name, new Dictionary<string, object?>()));
            }

            model.On(agent, _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, calls)));
        }

        for (int i = 0; i < 3; i++)
        {
            model.Says(agent, "done");
        }

        bool streaming = random.Next(2) == 0;
        stats.StreamingTrials += streaming ? 1 : 0;
        if (random.Next(2) == 0)
        {
            stats.PipelineTrials++;
            IChatClient client = model.AsBuilder().UseAgentFunctionInvocation(agent, toolbox).Build();
            client.GetService<FunctionInvokingChatClient>()!.AdditionalTools = additional;
            ChatOptions options = agent.CreateChatOptions(toolbox);
            options.Tools = [.. options.Tools ?? [], .. requestTools, .. contextTools];
            _ = streaming
                ? await client.GetStreamingResponseAsync("go", options).ToChatResponseAsync()
                : await client.GetResponseAsync("go", options);
        }
        else
        {
            stats.FrameworkTrials++;
            var provider = new ToolsProvider(contextTools);
            AIAgent framework = agent.CreateAIAgent(model, toolbox, configure: o => o.AIContextProviders = [provider]);
            var runOptions = new ChatClientAgentRunOptions(new ChatOptions { Tools = [.. requestTools, .. additional] });
            if (streaming)
            {
                await foreach (AgentResponseUpdate _ in framework.RunStreamingAsync("go", options: runOptions))
                {
                }
            }
            else
            {
                await framework.RunAsync("go", options: runOptions);
            }
        }

        foreach (string name in ran)
        {
            stats.Ran++;
            if (!IsToolName(name) || !agent.Allows(name))
            {
                stats.Violations.Add($"trial {trial}: ran '{name}' for {agent}");
            }
        }

        var results = model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>()
            .GroupBy(r => r.CallId).Select(g => g.First().Result?.ToString() ?? string.Empty).ToList();
        stats.Refused += results.Count(r => r.Contains("is not allowed for agent", StringComparison.Ordinal));
        stats.NotFound += results.Count(r => r.Contains("not found", StringComparison.OrdinalIgnoreCase));

        foreach (ScriptedChatClient.Request request in model.Requests)
        {
            foreach (AITool tool in request.Options?.Tools ?? [])
            {
                if (tool is AIFunctionDeclaration f ? !(IsToolName(f.Name) && agent.Allows(f.Name)) : !HostedAllowed(agent, tool))
                {
                    stats.Violations.Add($"trial {trial}: offered '{tool.Name}' ({tool.GetType().Name}) to {agent}");
                }
                else if (tool is not AIFunctionDeclaration)
                {
                    stats.HostedSent++;
                }
            }
        }

        int hostedSupplied = requestTools.Concat(contextTools).Count(t => t is not AIFunctionDeclaration);
        int hostedSent = model.Requests.FirstOrDefault()?.Options?.Tools?.Count(t => t is not AIFunctionDeclaration) ?? 0;
        stats.HostedRemoved += Math.Max(0, hostedSupplied - hostedSent);
    }

    private static AITool RandomHostedTool(Random random) => random.Next(6) switch
    {
        0 => new HostedWebSearchTool(),
        1 => new HostedCodeInterpreterTool(),
        2 => new HostedFileSearchTool(),
        3 => new HostedMcpServerTool("github", "https://mcp.example.invalid/github"),
        4 => new HostedMcpServerTool(random.Next(2) == 0 ? "github" : "archive", "https://mcp.example.invalid/x")
        {
            AllowedTools = [McpServerTools[random.Next(McpServerTools.Length)]],
        },
        _ => new HostedMcpServerTool(random.Next(2) == 0 ? "git hub" : "github__create_issue", "https://mcp.example.invalid/y"),
    };

    /// <summary>
    /// The oracle for a provider-side tool, written independently of the gate: web search needs WebSearch; an MCP
    /// server needs every tool it may run allowed (the listed ones, or every tool the server could have); nothing else
    /// is ever allowed (no mapping is given here).
    /// </summary>
    private static bool HostedAllowed(IAgentDefinition agent, AITool tool) => tool switch
    {
        HostedWebSearchTool => agent.Allows("WebSearch"),
        HostedMcpServerTool mcp when McpName(mcp.ServerName) is { Length: > 0 } server && !server.Contains("__", StringComparison.Ordinal)
            => (mcp.AllowedTools ?? McpServerTools.Concat(["delete_everything"]).ToList()).All(t => agent.Allows("mcp__" + server + "__" + McpName(t))),
        _ => false,
    };

    /// <summary>Claude Code's MCP name form: every character outside A-Za-z0-9_- as '_' (code.claude.com/docs/en/mcp).</summary>
    private static string McpName(string name) => Regex.Replace(name, "[^A-Za-z0-9_-]", "_");

    /// <summary>A tool's name, not a rule or a near miss with spaces.</summary>
    private static bool IsToolName(string name) => ToolName().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z0-9_\-.]+$")]
    private static partial Regex ToolName();

    private sealed class Stats
    {
        public int Calls;
        public int Ran;
        public int Refused;
        public int NotFound;
        public int NearMissCalls;
        public int ClaimingToolCalls;
        public int HostedSent;
        public int HostedRemoved;
        public int StreamingTrials;
        public int FrameworkTrials;
        public int PipelineTrials;

        public List<string> Violations { get; } = [];

        public override string ToString()
            => $"{Trials} trials ({PipelineTrials} M.E.AI pipeline, {FrameworkTrials} Agent Framework; {StreamingTrials} streaming): "
             + $"{Calls} model calls ({NearMissCalls} near misses, {ClaimingToolCalls} to tools claiming a permission); "
             + $"{Ran} ran, {Refused} refused, {NotFound} not found; hosted tools: {HostedSent} sent (allowed), {HostedRemoved} removed; "
             + $"{Violations.Count} violations ({Violations.Count(v => v.Contains(": ran '", StringComparison.Ordinal))} calls ran, {Violations.Count(v => v.Contains(": offered '", StringComparison.Ordinal))} tools offered)";
    }

    private sealed class ToolsProvider(List<AITool> tools) : AIContextProvider
    {
        protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
            => new(new AIContext { Tools = tools });
    }

    /// <summary>A random agent file, decided by Claude Code's rules (AgentToolRules, as generated agents are).</summary>
    private sealed class RandomAgent : IAgentRuntimeDefinition
    {
        private RandomAgent(string name, bool inherits, string[] tools, string[] disallowed)
        {
            Name = name;
            InheritsAllTools = inherits;
            ToolNames = tools;
            DisallowedToolNames = disallowed;
        }

        public static RandomAgent Create(Random random, int trial)
        {
            string[] Some(int max) => Enumerable.Range(0, random.Next(max + 1)).Select(_ => Entries[random.Next(Entries.Length)]).Distinct().ToArray();
            return new RandomAgent("agent-" + trial, random.Next(4) == 0, Some(5), Some(3));
        }

        public string Name { get; }

        public string Description => "A random agent.";

        public string? Model => null;

        public string Instructions => $"You are {Name}.";

        public bool InheritsAllTools { get; }

        public IReadOnlyList<string> ToolNames { get; }

        public IReadOnlyList<string> DisallowedToolNames { get; }

        public IReadOnlyDictionary<string, string> Metadata { get; } = new Dictionary<string, string>();

        public int? MaxTurns => null;

        public AgentEffort? Effort => null;

        public IReadOnlyList<string>? AgentTypes => null;

        public AgentPermissionMode? PermissionMode => null;

        public IReadOnlyList<string> Skills { get; } = Array.Empty<string>();

        public AgentMemoryScope? Memory => null;

        public string? HooksJson => null;

        public string? InitialPrompt => null;

        public bool Allows(string toolName) => AgentToolRules.Allows(InheritsAllTools, ToolNames, DisallowedToolNames, toolName);

        public override string ToString()
            => $"{Name} (tools: {(InheritsAllTools ? "(none: every tool)" : string.Join(", ", ToolNames))}; disallowedTools: {string.Join(", ", DisallowedToolNames)})";
    }
}
