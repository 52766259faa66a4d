using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentGen.Runtime.Tests;

/// <summary>The enforcing invoker on a plain Microsoft.Extensions.AI pipeline: UseAgentFunctionInvocation in place of UseFunctionInvocation.</summary>
public class ToolPolicyTests
{
    private static IChatClient Pipeline(ScriptedChatClient model, IAgentDefinition agent, TestTools tools, ILoggerFactory? logs = null)
        => model.AsBuilder().UseAgentFunctionInvocation(agent, tools.Box, new AgentRuntimeOptions { LoggerFactory = logs }).Build();

    private static FunctionResultContent ResultOf(ScriptedChatClient model, string callId)
        => model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single(r => r.CallId == callId);

    [Fact]
    public async Task An_allowed_call_runs()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Read", new { path = "src/Basket.cs" }, "c1").Says(reviewer, "looks fine");

        ChatResponse response = await Pipeline(model, reviewer, tools).GetResponseAsync("review", reviewer.CreateChatOptions(tools.Box));

        Assert.Equal(["Read src/Basket.cs"], tools.Ran);
        Assert.Equal("contents of src/Basket.cs", ResultOf(model, "c1").Result?.ToString());
        Assert.Equal("looks fine", response.Text);
        Assert.Empty(tools.Refused);
    }

    [Fact]
    public async Task A_call_to_a_toolbox_tool_the_agent_does_not_allow_is_refused_and_reported()
    {
        var tools = new TestTools();
        var logs = new ListLoggerProvider();
        ILoggerFactory factory = logs;
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Write", new { path = "src/Basket.cs", content = "x" }, "c1").Says(reviewer, "done");

        await Pipeline(model, reviewer, tools, factory).GetResponseAsync("fix it", reviewer.CreateChatOptions(tools.Box));

        Assert.Empty(tools.Ran);
        Assert.Equal("Error: tool 'Write' is not allowed for agent 'reviewer'. It was not run. Use only the tools you were given.", ResultOf(model, "c1").Result?.ToString());
        ToolCallRefusedEventArgs refusal = Assert.Single(tools.Refused);
        Assert.Equal(("reviewer", "Write", "c1"), (refusal.AgentName, refusal.ToolName, refusal.CallId));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Warning && e.EventId.Name == "ToolCallRefused" && e.Message.Contains("'Write'"));
        Assert.All(model.Requests, r => Assert.DoesNotContain("Write", r.OfferedTools));
    }

    [Fact]
    public async Task Tools_the_agent_does_not_allow_are_stripped_from_every_request_whoever_added_them()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Bash", new { command = "rm -rf /" }, "c1").Says(reviewer, "ok");
        ChatOptions options = reviewer.CreateChatOptions(tools.Box);
        Assert.True(tools.Box.TryGetTool("Bash", out AIFunction? bash));
        options.Tools!.Add(bash); // added by the app, per request

        await Pipeline(model, reviewer, tools).GetResponseAsync("go", options);

        Assert.Equal(["Read", "Grep"], model.Requests[0].OfferedTools);
        Assert.Empty(tools.Ran);
        Assert.StartsWith("Error: tool 'Bash' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
        Assert.Equal(3, options.Tools.Count); // the caller's options are left as they were
    }

    [Fact]
    public async Task AdditionalTools_of_the_function_invoker_cannot_bypass_the_policy()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        bool ran = false;
        AIFunction sneaky = AIFunctionFactory.Create((string path) => { ran = true; return "edited"; }, "Edit");
        var model = new ScriptedChatClient().Calls(reviewer, "Edit", new { path = "a.cs" }, "c1").Says(reviewer, "ok");
        // The invoker is built without a toolbox, so nothing marks Edit as refused in advance; the app then gives the
        // invoker (an array of) additional tools, which AgentGen never changes.
        IChatClient client = model.AsBuilder().UseAgentToolPolicy(reviewer).Build();
        client.GetService<FunctionInvokingChatClient>()!.AdditionalTools = new AITool[] { sneaky };

        await client.GetResponseAsync("go", reviewer.CreateChatOptions(tools.Box));

        Assert.False(ran);
        Assert.StartsWith("Error: tool 'Edit' is not allowed for agent 'reviewer'", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task An_unknown_tool_runs_nothing_and_the_model_is_told_it_does_not_exist()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "DeleteEverything", null, "c1").Says(reviewer, "ok");

        await Pipeline(model, reviewer, tools).GetResponseAsync("go", reviewer.CreateChatOptions(tools.Box));

        Assert.Empty(tools.Ran);
        Assert.Contains("not found", ResultOf(model, "c1").Result?.ToString());
    }

    [Fact]
    public async Task MaxTurns_caps_the_tool_iterations()
    {
        var tools = new TestTools();
        var lead = AgentCatalog.Lead; // maxTurns: 4
        var model = new ScriptedChatClient();
        for (int i = 0; i < 10; i++)
        {
            model.Calls(lead, "Grep", new { pattern = "p" + i });
        }

        await Pipeline(model, lead, tools).GetResponseAsync("go", lead.CreateChatOptions(tools.Box));

        Assert.Equal(4, tools.Ran.Count);
    }

    [Fact]
    public void A_pipeline_with_another_function_invoker_below_cannot_be_built()
    {
        // UseFunctionInvocation() after (below) AgentGen's invoker would run calls before it could check them.
        ChatClientBuilder builder = new ScriptedChatClient().AsBuilder().UseAgentFunctionInvocation(AgentCatalog.Reviewer).UseFunctionInvocation();
        var ex = Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Contains("'reviewer'", ex.Message);
        Assert.Throws<InvalidOperationException>(() => new ScriptedChatClient().AsBuilder().UseAgentToolPolicy(AgentCatalog.Reviewer).UseFunctionInvocation().Build());
        Assert.Throws<InvalidOperationException>(() => new ScriptedChatClient().AsBuilder().UseAgentToolPolicy(AgentCatalog.Reviewer).UseAgentToolPolicy(AgentCatalog.Writer).Build());
    }

    [Fact]
    public async Task An_approval_required_tool_still_asks_for_approval_and_runs_once_approved()
    {
        var tools = new TestTools();
        var writer = AgentCatalog.Writer;
        bool ran = false;
        var box = new AgentToolbox().Add("Write", new ApprovalRequiredAIFunction(AIFunctionFactory.Create((string path) => { ran = true; return "written"; }, "save_file")));
        var model = new ScriptedChatClient().Calls(writer, "Write", new { path = "NOTES.md" }, "c1").Says(writer, "saved");
        IChatClient client = model.AsBuilder().UseAgentFunctionInvocation(writer, box).Build();
        ChatOptions options = writer.CreateChatOptions(box);
        List<ChatMessage> history = [new(ChatRole.User, "write the notes")];

        ChatResponse first = await client.GetResponseAsync(history, options);
        ToolApprovalRequestContent request = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.False(ran);

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, [request.CreateResponse(approved: true)]));
        ChatResponse second = await client.GetResponseAsync(history, options);

        Assert.True(ran);
        Assert.Equal("saved", second.Text);
    }

    [Fact]
    public async Task Streaming_runs_refuse_too()
    {
        var tools = new TestTools();
        var reviewer = AgentCatalog.Reviewer;
        var model = new ScriptedChatClient().Calls(reviewer, "Write", new { path = "a", content = "b" }, "c1").Says(reviewer, "done");

        ChatResponse response = await Pipeline(model, reviewer, tools).GetStreamingResponseAsync("go", reviewer.CreateChatOptions(tools.Box)).ToChatResponseAsync();

        Assert.Empty(tools.Ran);
        Assert.Single(tools.Refused);
        Assert.Equal("done", response.Text);
    }
}

public sealed class ListLoggerProvider : ILoggerProvider, ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public List<(LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(ListLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.Entries)
            {
                owner.Entries.Add((logLevel, eventId, formatter(state, exception)));
            }
        }
    }
}
