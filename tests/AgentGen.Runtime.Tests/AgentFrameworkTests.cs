using AgentGen.Agents;
using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

public class AgentFrameworkTests
{
    private static FunctionResultContent ResultOf(ScriptedChatClient model, string callId)
        => model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().First(r => r.CallId == callId);

    [Fact]
    public void AsAIAgent_is_a_ChatClientAgent_described_by_the_file()
    {
        var agent = (ChatClientAgent)AgentCatalog.Reviewer.AsAIAgent(new ScriptedChatClient(), new TestTools().Box);

        Assert.Equal("reviewer", agent.Name);
        Assert.Equal(AgentCatalog.Reviewer.Description, agent.Description);
        Assert.Equal(AgentCatalog.Reviewer.Instructions, agent.Instructions);
    }

    [Fact]
    public async Task A_run_uses_allowed_tools_and_refuses_the_others()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient()
            .On(reviewer, _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, [
                new FunctionCallContent("c1", "Read", new Dictionary<string, object?> { ["path"] = "src/Basket.cs" }),
                new FunctionCallContent("c2", "Edit", new Dictionary<string, object?> { ["path"] = "src/Basket.cs" })])))
            .Says(reviewer, "one finding");
        AIAgent agent = reviewer.AsAIAgent(model, tools.Box, new AgentModelMap { Sonnet = "claude-sonnet-5-5" });

        AgentResponse response = await agent.RunAsync("review src/Basket.cs");

        Assert.Equal("one finding", response.Text);
        Assert.Equal(["Read src/Basket.cs"], tools.Ran);
        Assert.StartsWith("Error: tool 'Edit' is not allowed for agent 'reviewer'", ResultOf(model, "c2").Result?.ToString());
        Assert.Equal("Edit", Assert.Single(tools.Refused).ToolName);
        Assert.All(model.Requests, r => Assert.Equal(["Read", "Grep"], r.OfferedTools));
        Assert.Equal("claude-sonnet-5-5", model.Requests[0].Options!.ModelId);
    }

    [Fact]
    public async Task Streaming_runs_enforce_the_same_policy()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Bash", new { command = "curl evil" }, "c1").Says(reviewer, "done");
        AIAgent agent = reviewer.AsAIAgent(model, tools.Box);

        var text = new List<string>();
        await foreach (AgentResponseUpdate update in agent.RunStreamingAsync("go"))
        {
            text.Add(update.Text);
        }

        Assert.Equal("done", string.Concat(text));
        Assert.Empty(tools.Ran);
        Assert.StartsWith("Error: tool 'Bash' is not allowed", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task Tools_added_by_run_options_are_stripped_and_refused()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        bool ran = false;
        AIFunction deploy = AIFunctionFactory.Create(() => { ran = true; return "deployed"; }, "Deploy");
        var model = new ScriptedChatClient().Calls(reviewer, "Deploy", null, "c1").Says(reviewer, "ok");
        AIAgent agent = reviewer.AsAIAgent(model, tools.Box);

        await agent.RunAsync("go", options: new ChatClientAgentRunOptions(new ChatOptions { Tools = [deploy] }));

        Assert.False(ran);
        Assert.DoesNotContain("Deploy", model.Requests[0].OfferedTools);
        Assert.StartsWith("Error: tool 'Deploy' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task Tools_added_by_a_context_provider_are_stripped_and_refused()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var provider = new ToolAddingProvider();
        var model = new ScriptedChatClient().Calls(reviewer, "Deploy", null, "c1").Calls(reviewer, "Lookup", new { isbn = "978" }, "c2").Says(reviewer, "ok");
        AIAgent agent = reviewer.CreateAIAgent(model, tools.Box, configure: o => o.AIContextProviders = [provider]);

        await agent.RunAsync("go");

        Assert.False(provider.DeployRan);
        Assert.DoesNotContain("Deploy", model.Requests[0].OfferedTools);
        Assert.StartsWith("Error: tool 'Deploy' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
        // A provider's tool is checked under its own name, whatever permission it claims for itself.
        Assert.DoesNotContain("Lookup", model.Requests[0].OfferedTools);
        Assert.StartsWith("Error: tool 'Lookup' is not allowed for agent 'reviewer'", ResultOf(model, "c2").Result?.ToString());
        Assert.False(provider.LookupRan);
    }

    private sealed class ToolAddingProvider : AIContextProvider
    {
        public bool DeployRan { get; private set; }

        public bool LookupRan { get; private set; }

        protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
            => new(new AIContext
            {
                Tools =
                [
                    AIFunctionFactory.Create(() => { DeployRan = true; return "deployed"; }, "Deploy"),
                    // Claims the Read permission, which the reviewer has: never read.
                    AIFunctionFactory.Create((string isbn) => { LookupRan = true; return "found " + isbn; }, new AIFunctionFactoryOptions
                    {
                        Name = "Lookup",
                        AdditionalProperties = new Dictionary<string, object?> { ["agentgen.permission"] = "Read" },
                    }),
                ],
            });
    }

    [Fact]
    public async Task A_session_keeps_the_conversation_between_runs()
    {
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Says(reviewer, "first answer").Says(reviewer, "second answer");
        AIAgent agent = reviewer.AsAIAgent(model, new TestTools().Box);
        AgentSession session = await agent.CreateSessionAsync();

        await agent.RunAsync("first question", session);
        AgentResponse second = await agent.RunAsync("second question", session);

        Assert.Equal("second answer", second.Text);
        var seen = model.Requests[1].Messages.Select(m => m.Text).ToList();
        Assert.Contains("first question", seen);
        Assert.Contains("first answer", seen);
        Assert.Contains("second question", seen);
    }

    [Fact]
    public async Task An_approval_required_tool_surfaces_an_approval_request_and_runs_once_approved()
    {
        var writer = AgentCatalog.Writer;
        bool ran = false;
        var box = new AgentToolbox().Add("Write", new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path) => { ran = true; return "written"; }, "Write")));
        var model = new ScriptedChatClient().Calls(writer, "Write", new { path = "NOTES.md" }, "c1").Says(writer, "saved");
        AIAgent agent = writer.AsAIAgent(model, box);
        AgentSession session = await agent.CreateSessionAsync();

        AgentResponse first = await agent.RunAsync("write the notes", session);
        ToolApprovalRequestContent request = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.False(ran);

        AgentResponse second = await agent.RunAsync(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]), session);

        Assert.True(ran);
        Assert.Equal("saved", second.Text);
    }
}
