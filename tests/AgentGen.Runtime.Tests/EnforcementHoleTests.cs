using AgentGen.Agents;
using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

/// <summary>
/// The ways around run-time enforcement found by probing it as an attacker would (issue 24): each test is one hole,
/// and fails on the code before the enforcing invoker.
/// </summary>
public class EnforcementHoleTests
{
    private static FunctionResultContent ResultOf(ScriptedChatClient model, string callId)
        => model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().First(r => r.CallId == callId);

    [Fact]
    public async Task A_tool_cannot_name_its_own_permission()
    {
        var reviewer = AgentCatalog.Reviewer; // Read, Grep
        bool ran = false;
        AIFunction deploy = AIFunctionFactory.Create(() => { ran = true; return "deployed"; }, new AIFunctionFactoryOptions
        {
            Name = "Deploy",
            AdditionalProperties = new Dictionary<string, object?> { ["agentgen.permission"] = "Read" },
        });
        var model = new ScriptedChatClient().Calls(reviewer, "Deploy", null, "c1").Says(reviewer, "ok");
        ChatOptions options = reviewer.CreateChatOptions(new TestTools().Box);
        options.Tools!.Add(deploy);

        await model.AsBuilder().UseAgentToolPolicy(reviewer).Build().GetResponseAsync("go", options);

        Assert.False(ran);
        Assert.DoesNotContain("Deploy", model.Requests[0].OfferedTools);
        Assert.StartsWith("Error: tool 'Deploy' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task A_hosted_MCP_server_is_checked_as_its_server_and_its_tools()
    {
        var sandboxed = AgentCatalog.Sandboxed; // every tool but Bash and mcp__github
        var archivist = AgentCatalog.Archivist; // Read, mcp__archive
        var model = new ScriptedChatClient().Says(sandboxed, "a").Says(sandboxed, "b").Says(archivist, "c").Says(archivist, "d");
        var github = new HostedMcpServerTool("github", "https://mcp.example.invalid/github");
        var githubIssues = new HostedMcpServerTool("github", "https://mcp.example.invalid/github") { AllowedTools = ["create_issue"] };
        var archive = new HostedMcpServerTool("archive", "https://mcp.example.invalid/archive");
        var archiveListed = new HostedMcpServerTool("archive", "https://mcp.example.invalid/archive") { AllowedTools = ["file_document"] };

        await model.AsBuilder().UseAgentToolPolicy(sandboxed).Build().GetResponseAsync("go", new ChatOptions { Instructions = sandboxed.Instructions, Tools = [github] });
        await model.AsBuilder().UseAgentToolPolicy(sandboxed).Build().GetResponseAsync("go", new ChatOptions { Instructions = sandboxed.Instructions, Tools = [githubIssues] });
        await model.AsBuilder().UseAgentToolPolicy(archivist).Build().GetResponseAsync("go", new ChatOptions { Instructions = archivist.Instructions, Tools = [archive] });
        await model.AsBuilder().UseAgentToolPolicy(archivist).Build().GetResponseAsync("go", new ChatOptions { Instructions = archivist.Instructions, Tools = [archiveListed, github] });

        // The provider never gets a server the file forbids (it would run it where no invoker can see).
        Assert.Empty(model.Requests[0].OfferedTools);
        Assert.Empty(model.Requests[1].OfferedTools);
        Assert.Equal(["mcp"], model.Requests[2].OfferedTools);
        Assert.Same(archiveListed, Assert.Single(model.Requests[3].Options!.Tools!));
    }

    [Fact]
    public async Task Other_hosted_tools_are_removed_unless_the_app_maps_them()
    {
        var sandboxed = AgentCatalog.Sandboxed;
        var model = new ScriptedChatClient().Says(sandboxed, "a").Says(sandboxed, "b").Says(sandboxed, "c");
        ChatOptions Options() => new() { Instructions = sandboxed.Instructions, Tools = [new HostedCodeInterpreterTool(), new HostedFileSearchTool(), new HostedWebSearchTool()] };

        await model.AsBuilder().UseAgentToolPolicy(sandboxed).Build().GetResponseAsync("go", Options());
        var asShell = new AgentRuntimeOptions { HostedToolPermissions = { [typeof(HostedCodeInterpreterTool)] = "Bash" } };
        await model.AsBuilder().UseAgentFunctionInvocation(sandboxed, options: asShell).Build().GetResponseAsync("go", Options());
        var asRead = new AgentRuntimeOptions { HostedToolPermissions = { [typeof(HostedCodeInterpreterTool)] = "Read", [typeof(HostedFileSearchTool)] = "Grep" } };
        await model.AsBuilder().UseAgentFunctionInvocation(sandboxed, options: asRead).Build().GetResponseAsync("go", Options());

        Assert.Equal(["web_search"], model.Requests[0].OfferedTools);
        Assert.Equal(["web_search"], model.Requests[1].OfferedTools); // mapped to Bash, which the file disallows
        Assert.Equal(3, model.Requests[2].OfferedTools.Count);
    }

    [Fact]
    public async Task A_pipeline_without_function_invocation_still_refuses()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Write", new { path = "a.cs", content = "x" }, "c1").Says(reviewer, "ok");
        ChatOptions options = reviewer.CreateChatOptions(tools.Box);
        Assert.True(tools.Box.TryGetTool("Write", out AIFunction? write));
        options.Tools!.Add(write);

        // Before: no FunctionInvokingChatClient below the policy, so it silently enforced nothing and the
        // Write call went back to the caller to run.
        ChatResponse response = await model.AsBuilder().UseAgentToolPolicy(reviewer).Build().GetResponseAsync("go", options);

        Assert.Empty(tools.Ran);
        Assert.Equal("ok", response.Text);
        Assert.StartsWith("Error: tool 'Write' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
        Assert.DoesNotContain(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>(), c => c.Name == "Write" && !response.Messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Any(r => r.CallId == c.CallId));
    }

    [Fact]
    public async Task UseFunctionInvocation_above_the_policy_never_gets_a_call_to_run()
    {
        var reviewer = AgentCatalog.Reviewer;
        bool ran = false;
        AIFunction bash = AIFunctionFactory.Create((string command) => { ran = true; return "ok"; }, "Bash");
        var model = new ScriptedChatClient().Calls(reviewer, "Bash", new { command = "rm -rf /" }, "c1").Says(reviewer, "done");
        IChatClient client = model.AsBuilder().UseFunctionInvocation(configure: f => f.AdditionalTools = [bash]).UseAgentToolPolicy(reviewer).Build();

        ChatResponse response = await client.GetResponseAsync("go", new ChatOptions { Instructions = reviewer.Instructions, Tools = [bash] });

        Assert.False(ran);
        Assert.Equal("done", response.Text);
        Assert.StartsWith("Error: tool 'Bash' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task An_array_of_tools_given_to_the_agent_is_used_as_is_and_still_enforced()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        Assert.True(tools.Box.TryGetTool("Read", out AIFunction? read));
        Assert.True(tools.Box.TryGetTool("Bash", out AIFunction? bash));
        var model = new ScriptedChatClient().Calls(reviewer, "Bash", new { command = "ls" }, "c1").Calls(reviewer, "Read", new { path = "a" }, "c2").Says(reviewer, "ok");

        // The Agent Framework hands ChatOptions.Tools to the function invoker's AdditionalTools: an array here
        // used to make AgentGen's Add throw.
        AIAgent agent = reviewer.CreateAIAgent(model, tools.Box, configure: o => o.ChatOptions!.Tools = new AITool[] { read, bash });
        await agent.RunAsync("go");

        Assert.Equal(["Read a"], tools.Ran);
        Assert.StartsWith("Error: tool 'Bash' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public void A_chat_client_that_invokes_functions_itself_is_refused_by_agents_and_teams()
    {
        var tools = new TestTools();
        IChatClient invoking = new ScriptedChatClient().AsBuilder().UseFunctionInvocation().Build();

        Assert.Throws<InvalidOperationException>(() => AgentCatalog.Reviewer.AsAIAgent(invoking, tools.Box));
        Assert.Throws<InvalidOperationException>(() => new AgentTeam(invoking, [AgentCatalog.Reviewer], tools.Box));
        Assert.Throws<InvalidOperationException>(() => new AgentTeam(invoking, [AgentCatalog.Lead, AgentCatalog.Reviewer], new TestTools().Box));
    }

    [Fact]
    public async Task Two_teams_running_at_once_share_no_state()
    {
        // Team B runs inside a tool of team A's sub-agent: its lead is at depth 0 of team B and may delegate.
        var (lead, reviewer) = (AgentCatalog.Lead, AgentCatalog.Reviewer);
        var modelB = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "reviewer", prompt = "check", description = "check" }, "b1")
            .Says(reviewer, "B reviewed")
            .Says(lead, "B done");
        var teamB = new AgentTeam(modelB, AgentCatalog.All, new TestTools().Box);
        var boxA = new AgentToolbox().Add("Grep", async (string pattern) => (await teamB["lead"].RunAsync(pattern)).Text);
        var modelA = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "reviewer", prompt = "look", description = "look" }, "a1")
            .Calls(reviewer, "Grep", new { pattern = "ask team B" }, "a2")
            .Says(reviewer, "A reviewed")
            .Says(lead, "A done");
        var teamA = new AgentTeam(modelA, AgentCatalog.All, boxA);

        Task<AgentResponse> runA = teamA["lead"].RunAsync("go");
        AgentResponse a = await runA;

        Assert.Equal("A done", a.Text);
        Assert.Equal("B done", ResultOf(modelA, "a2").Result?.ToString());
        Assert.Equal("B reviewed", ResultOf(modelB, "b1").Result?.ToString());
    }
}
