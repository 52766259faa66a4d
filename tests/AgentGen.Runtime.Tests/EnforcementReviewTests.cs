using AgentGen.Agents;
using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

/// <summary>
/// Ways around run-time enforcement found by the security review of issue 24's work: each test is one finding, and
/// fails on the code before its fix.
/// </summary>
public class EnforcementReviewTests
{
    [Fact]
    public async Task Agent_types_hold_when_Agent_Framework_function_middleware_wraps_the_Agent_tool()
    {
        // The Agent Framework's function middleware (AIAgentBuilder.Use(functionCallback)) wraps every function of the
        // request in a DelegatingAIFunction: the Agent tool the gate sees is no longer the one the team registered.
        var tools = new TestTools();
        var (planner, writer) = (AgentCatalog.Planner, AgentCatalog.Writer); // planner: Read, Agent(reviewer)
        var model = new ScriptedChatClient()
            .Calls(planner, "Agent", new { subagent_type = "writer", prompt = "write the notes", description = "notes" }, "d1")
            .Says(writer, "notes written")
            .Says(planner, "done");
        var team = new AgentTeam(model, AgentCatalog.All, tools.Box);
        int middlewareCalls = 0;
        AIAgent withMiddleware = team["planner"].AsBuilder()
            .Use((agent, context, next, cancellationToken) => { middlewareCalls++; return next(context, cancellationToken); })
            .Build();

        await withMiddleware.RunAsync("plan");

        Assert.Equal(1, middlewareCalls); // the wrapped tool was the one invoked
        Assert.Empty(model.RequestsOf(writer));
        Assert.StartsWith("Error: agent 'planner' may not start the agent 'writer'", model.ResultOf("d1").Result?.ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_call_left_unanswered_at_maxTurns_is_not_handed_to_an_invoker_above(bool streaming)
    {
        // lead: Read, Grep, Agent; maxTurns: 4. After its last turn the invoker stops and returns the model's last calls
        // unanswered; an invoker above (UseFunctionInvocation(), or one a ChatClientFactory of the run options adds)
        // would run them without asking the gate.
        var lead = AgentCatalog.Lead;
        bool ran = false;
        AIFunction bash = AIFunctionFactory.Create((string command) => { ran = true; return "ok"; }, "Bash");
        var model = new ScriptedChatClient();
        for (int i = 0; i < 5; i++)
        {
            model.Calls(lead, "Bash", new { command = "rm -rf /" }, "c" + i);
        }

        model.Says(lead, "done").Says(lead, "done").Says(lead, "done");
        IChatClient client = model.AsBuilder().UseFunctionInvocation(configure: f => f.AdditionalTools = [bash]).UseAgentFunctionInvocation(lead).Build();
        var options = new ChatOptions { Instructions = lead.Instructions };

        if (streaming)
        {
            await foreach (ChatResponseUpdate _ in client.GetStreamingResponseAsync("go", options))
            {
            }
        }
        else
        {
            await client.GetResponseAsync("go", options);
        }

        Assert.False(ran);
        Assert.StartsWith("Error: Requested function \"Bash\" not found", model.ResultOf("c0").Result?.ToString()); // the agent's invoker answered the earlier calls
    }
}
