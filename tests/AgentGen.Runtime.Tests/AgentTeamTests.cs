using System.Text.Json;
using AgentGen.Agents;
using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

public class AgentTeamTests
{
    private static FunctionResultContent ResultOf(ScriptedChatClient model, string callId)
        => model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().First(r => r.CallId == callId);

    private static AgentTeam Team(ScriptedChatClient model, TestTools tools) => new(model, AgentCatalog.All, tools.Box);

    [Fact]
    public async Task The_lead_delegates_to_the_reviewer_and_gets_its_answer_as_the_tool_result()
    {
        var tools = new TestTools();
        var (lead, reviewer) = (AgentCatalog.Lead, AgentCatalog.Reviewer);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "reviewer", prompt = "Review src/Basket.cs", description = "review basket" }, "d1")
            .Calls(reviewer, "Read", new { path = "src/Basket.cs" })
            .Calls(reviewer, "Write", new { path = "src/Basket.cs", content = "fixed" }, "w1")
            .Says(reviewer, "blocker: prices use double")
            .Says(lead, "The reviewer found a blocker.");
        AgentTeam team = Team(model, tools);
        var delegations = new List<AgentDelegationEventArgs>();
        team.Delegated += (_, e) => delegations.Add(e);

        AgentResponse response = await team["lead"].RunAsync("Change the basket");

        Assert.Equal("The reviewer found a blocker.", response.Text);
        Assert.Equal("blocker: prices use double", ResultOf(model, "d1").Result?.ToString());
        Assert.Equal(["Read src/Basket.cs"], tools.Ran);
        Assert.Equal(("reviewer", "Write"), (tools.Refused.Single().AgentName, tools.Refused.Single().ToolName));
        Assert.StartsWith("Error: tool 'Write' is not allowed for agent 'reviewer'", ResultOf(model, "w1").Result?.ToString());
        var d = Assert.Single(delegations);
        Assert.Equal(("lead", "reviewer", "Review src/Basket.cs", 1), (d.Caller, d.Subagent, d.Prompt, d.Depth));
        // The sub-agent starts fresh: it sees the prompt, not the lead's conversation.
        Assert.DoesNotContain(model.RequestsOf(reviewer).First().Messages, m => m.Text == "Change the basket");
    }

    [Fact]
    public async Task Delegation_and_refusals_work_in_a_streaming_run()
    {
        var tools = new TestTools();
        var (lead, reviewer) = (AgentCatalog.Lead, AgentCatalog.Reviewer);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "reviewer", prompt = "Review a.cs", description = "review" }, "d1")
            .Calls(reviewer, "Edit", new { path = "a.cs" }, "e1")
            .Says(reviewer, "no edits from me")
            .Says(lead, "reviewed");
        AgentTeam team = Team(model, tools);

        var text = new List<string>();
        await foreach (AgentResponseUpdate update in team["lead"].RunStreamingAsync("go"))
        {
            text.Add(update.Text);
        }

        Assert.Equal("reviewed", string.Concat(text));
        Assert.Equal("no edits from me", ResultOf(model, "d1").Result?.ToString());
        Assert.StartsWith("Error: tool 'Edit' is not allowed for agent 'reviewer'", ResultOf(model, "e1").Result?.ToString());
        Assert.Empty(tools.Ran);
    }

    [Fact]
    public async Task Only_agents_that_allow_Agent_are_offered_the_Agent_tool()
    {
        var tools = new TestTools();
        var model = new ScriptedChatClient().Says(AgentCatalog.Lead, "a").Says(AgentCatalog.Reviewer, "b").Says(AgentCatalog.Archivist, "c").Says(AgentCatalog.Writer, "d");
        AgentTeam team = Team(model, tools);

        foreach (string name in new[] { "lead", "reviewer", "archivist", "writer" })
        {
            await team[name].RunAsync("hi");
        }

        Assert.Equal(["Agent", "Read", "Grep"], model.RequestsOf(AgentCatalog.Lead).Single().OfferedTools);
        Assert.Equal(["Read", "Grep"], model.RequestsOf(AgentCatalog.Reviewer).Single().OfferedTools);
        Assert.Equal(["Read", "mcp__archive__file_document"], model.RequestsOf(AgentCatalog.Archivist).Single().OfferedTools);
        Assert.Contains("Agent", model.RequestsOf(AgentCatalog.Writer).Single().OfferedTools); // no tools field: every tool
        AITool agentTool = model.RequestsOf(AgentCatalog.Lead).Single().Options!.Tools!.First(t => t.Name == "Agent");
        string schema = ((AIFunction)agentTool).JsonSchema.GetRawText();
        Assert.Contains("\"subagent_type\"", schema);
        Assert.Contains("\"prompt\"", schema);
        Assert.Contains("\"description\"", schema);
        Assert.Contains("- reviewer: Reviews one file", agentTool.Description);
    }

    [Fact]
    public async Task A_model_that_calls_Agent_without_the_permission_is_refused()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Agent", new { subagent_type = "writer", prompt = "x", description = "x" }, "a1").Says(reviewer, "ok");

        await Team(model, tools)["reviewer"].RunAsync("go");

        Assert.StartsWith("Error: tool 'Agent' is not allowed for agent 'reviewer'", ResultOf(model, "a1").Result?.ToString());
        Assert.Empty(model.RequestsOf(AgentCatalog.Writer));
    }

    [Fact]
    public async Task An_unknown_subagent_type_gets_a_result_naming_close_matches()
    {
        var tools = new TestTools();
        var lead = AgentCatalog.Lead;
        var model = new ScriptedChatClient().Calls(lead, "Agent", new { subagent_type = "reviewr", prompt = "x", description = "x" }, "d1").Says(lead, "ok");

        await Team(model, tools)["lead"].RunAsync("go");

        Assert.Equal("Error: No agent is named 'reviewr'. Did you mean 'reviewer'?", ResultOf(model, "d1").Result?.ToString());
    }

    [Fact]
    public async Task Delegation_depth_is_bounded()
    {
        var tools = new TestTools();
        var (lead, writer) = (AgentCatalog.Lead, AgentCatalog.Writer);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "writer", prompt = "notes", description = "notes" }, "d1")
            .Calls(writer, "Agent", new { subagent_type = "reviewer", prompt = "check", description = "check" }, "d2")
            .Says(writer, "wrote them myself")
            .Says(lead, "done");
        AgentTeam team = Team(model, tools);

        await team["lead"].RunAsync("go");

        Assert.Equal("Error: agent 'writer' cannot start another agent here: delegation is limited to 1 level(s). Do the task yourself.", ResultOf(model, "d2").Result?.ToString());
        Assert.Empty(model.RequestsOf(AgentCatalog.Reviewer));
        Assert.Equal("wrote them myself", ResultOf(model, "d1").Result?.ToString());
    }

    [Fact]
    public async Task A_deeper_limit_lets_sub_agents_delegate()
    {
        var tools = new TestTools();
        var (lead, writer, reviewer) = (AgentCatalog.Lead, AgentCatalog.Writer, AgentCatalog.Reviewer);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "writer", prompt = "notes", description = "notes" })
            .Calls(writer, "Agent", new { subagent_type = "reviewer", prompt = "check", description = "check" }, "d2")
            .Says(reviewer, "fine")
            .Says(writer, "ok")
            .Says(lead, "done");
        AgentTeam team = Team(model, tools);
        team.MaxDelegationDepth = 2;

        await team["lead"].RunAsync("go");

        Assert.Equal("fine", ResultOf(model, "d2").Result?.ToString());
    }

    [Fact]
    public void The_indexer_names_close_matches()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Team(new ScriptedChatClient(), new TestTools())["leda"]);
        Assert.Contains("'lead'", ex.Message);
    }

    [Fact]
    public async Task A_typed_request_reaches_the_other_agent_as_its_AgentRequest_envelope()
    {
        var tools = new TestTools();
        var (lead, reviewer) = (AgentCatalog.Lead, AgentCatalog.Reviewer);
        var model = new ScriptedChatClient()
            .Calls(lead, ReviewChangePayload.RequestType, new { payload = new Dictionary<string, object?> { ["file"] = "src/Basket.cs", ["focus"] = "rounding", ["blocking"] = true } }, "r1")
            .Says(reviewer, "rounding is wrong")
            .Says(lead, "ok");
        AgentTeam team = Team(model, tools);
        AIFunction request = team.CreateRequestTool<ReviewChangePayload>("lead", "reviewer");

        Assert.Equal("review_change", request.Name);
        Assert.Contains("\"focus\"", request.JsonSchema.GetRawText());
        await team["lead"].RunAsync("go", options: new ChatClientAgentRunOptions(new ChatOptions { Tools = [request] }));

        Assert.Equal("rounding is wrong", ResultOf(model, "r1").Result?.ToString());
        string sent = model.RequestsOf(reviewer).Single().Messages.Last(m => m.Role == ChatRole.User).Text;
        var envelope = JsonSerializer.Deserialize<AgentRequest<ReviewChangePayload>>(sent)!;
        Assert.Equal(new AgentRequest<ReviewChangePayload>("lead", "review_change", new ReviewChangePayload("src/Basket.cs", "rounding", true)), envelope);
    }

    [Fact]
    public async Task A_typed_request_tool_needs_the_Agent_permission()
    {
        var tools = new TestTools();
        var archivist = AgentCatalog.Archivist; // tools: Read, mcp__archive
        var model = new ScriptedChatClient()
            .Calls(archivist, ReviewChangePayload.RequestType, new { payload = new Dictionary<string, object?> { ["file"] = "a", ["focus"] = "b", ["blocking"] = false } }, "r1")
            .Says(archivist, "ok");
        AgentTeam team = Team(model, tools);
        AIFunction request = team.CreateRequestTool<ReviewChangePayload>("archivist", "reviewer");

        await team["archivist"].RunAsync("go", options: new ChatClientAgentRunOptions(new ChatOptions { Tools = [request] }));

        Assert.DoesNotContain("review_change", model.Requests[0].OfferedTools);
        Assert.StartsWith("Error: tool 'review_change' is not allowed for agent 'archivist'", ResultOf(model, "r1").Result?.ToString());
        Assert.Empty(model.RequestsOf(AgentCatalog.Reviewer));
    }

    [Fact]
    public async Task SendAsync_sends_a_typed_request_from_code()
    {
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Says(reviewer, "noted");
        AgentTeam team = Team(model, new TestTools());

        AgentResponse answer = await team.SendAsync(AgentCatalog.Lead, "reviewer", new ReviewChangePayload("a.cs", "names", false));

        Assert.Equal("noted", answer.Text);
        using JsonDocument sent = JsonDocument.Parse(model.Requests.Single().Messages.Last().Text);
        Assert.Equal("review_change", sent.RootElement.GetProperty("request_type").GetString());
        Assert.Equal("lead", sent.RootElement.GetProperty("requesting_agent").GetString());
    }
}
