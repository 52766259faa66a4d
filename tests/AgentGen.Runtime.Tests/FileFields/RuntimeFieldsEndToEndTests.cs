using System.Diagnostics;
using AgentGen.Agents;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>The file's permissionMode, hooks, skills, memory, initialPrompt and telemetry through AsAIAgent and AgentTeam on a scripted model.</summary>
public class RuntimeFieldsEndToEndTests
{
    private static string? ResultOf(ScriptedChatClient model, string callId)
        => model.Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().First(r => r.CallId == callId).Result?.ToString();

    private static TestAgent Agent(string name, AgentPermissionMode? mode = null, string[]? tools = null, string? hooksJson = null, string[]? skills = null, AgentMemoryScope? memory = null, string? initialPrompt = null)
        => new(name, mode, hooksJson, skills, memory, initialPrompt, tools, "You are the " + name + " agent.");

    [Fact]
    public async Task An_asked_call_runs_only_when_the_app_allows_it_and_never_without_an_answer()
    {
        using var project = new TempProject();
        var tools = new TestTools();
        TestAgent editor = Agent("editor", AgentPermissionMode.Default, ["Read", "Write"]);
        var model = new ScriptedChatClient()
            .Calls(editor, "Write", new { path = "a.txt", content = "x" }, "w1")
            .Calls(editor, "Write", new { path = "b.txt", content = "y" }, "w2")
            .Calls(editor, "Read", new { path = "a.txt" }, "r1")
            .Says(editor, "done");
        var asked = new List<string>();
        var options = new AgentRuntimeOptions
        {
            ProjectDirectory = project.Directory,
            CanUseTool = (request, _) =>
            {
                asked.Add(request.ToolName + " " + request.Arguments["path"]);
                return new ValueTask<ToolPermissionDecision>(request.Arguments["path"]?.ToString() == "a.txt"
                    ? ToolPermissionDecision.Allow()
                    : ToolPermissionDecision.Deny("b.txt is off limits"));
            },
        };

        AgentResponse response = await editor.CreateAIAgent(model, tools.Box, options).RunAsync("edit");

        Assert.Equal("done", response.Text);
        Assert.Equal(["Write a.txt", "Write b.txt"], asked); // Read needs no permission: the callback never fires for it
        Assert.Equal(["Write a.txt", "Read a.txt"], tools.Ran);
        Assert.Equal("b.txt is off limits", ResultOf(model, "w2"));
        Assert.Equal(("editor", "Write"), (tools.Refused.Single().AgentName, tools.Refused.Single().ToolName));

        // No callback: "ask" means deny, as in claude -p.
        var tools2 = new TestTools();
        var model2 = new ScriptedChatClient().Calls(editor, "Write", new { path = "a.txt", content = "x" }, "w3").Says(editor, "gave up");
        await editor.CreateAIAgent(model2, tools2.Box, new AgentRuntimeOptions { ProjectDirectory = project.Directory }).RunAsync("edit");
        Assert.Empty(tools2.Ran);
        Assert.StartsWith("Permission to use Write was denied", ResultOf(model2, "w3"));
    }

    [Theory]
    [InlineData(AgentPermissionMode.Default, false)]   // the planner's own plan mode asks; nobody answers
    [InlineData(AgentPermissionMode.BypassPermissions, true)] // a bypass parent takes precedence (D-SUB)
    [InlineData(AgentPermissionMode.AcceptEdits, true)] // so does acceptEdits: the edit is inside the project
    public async Task A_delegated_member_runs_in_the_parents_mode_where_Claude_Code_says(AgentPermissionMode appMode, bool ran)
    {
        using var project = new TempProject();
        var tools = new TestTools();
        TestAgent lead = Agent("boss", tools: ["Agent"]);
        TestAgent planner = Agent("planner", AgentPermissionMode.Plan, ["Write"]);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "planner", prompt = "write it", description = "write" }, "d1")
            .Calls(planner, "Write", new { path = "plan.md", content = "p" }, "w1")
            .Says(planner, "planned")
            .Says(lead, "ok");
        var team = await AgentTeam.CreateAsync(model, [lead, planner], tools.Box, new AgentRuntimeOptions { ProjectDirectory = project.Directory, PermissionMode = appMode });

        await team["boss"].RunAsync("go");

        Assert.Equal(ran, tools.Ran.Contains("Write plan.md"));
    }

    [Fact]
    public async Task Hooks_block_before_the_implementation_runs_and_stop_hooks_send_the_agent_back()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var project = new TempProject();
        var tools = new TestTools();
        string hooks = "{\"PreToolUse\":[{\"matcher\":\"Write\",\"hooks\":[{\"type\":\"command\",\"command\":\"echo 'no writes on Fridays' >&2; exit 2\"}]}]}";
        TestAgent worker = Agent("worker", tools: ["Read", "Write", "Bash"], hooksJson: hooks);
        var model = new ScriptedChatClient()
            .Calls(worker, "Write", new { path = "a.txt", content = "x" }, "w1")
            .Calls(worker, "Bash", new { command = "ls" }, "b1")
            .Calls(worker, "Read", new { path = "a.txt" }, "r1")
            .Says(worker, "first answer")
            .Says(worker, "second answer");
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = true };
        options.Hooks.AddPreToolUse("Bash", (_, _) => new ValueTask<PreToolUseResult>(PreToolUseResult.Deny("use Read instead")));
        var post = new List<string>();
        options.Hooks.AddPostToolUse("Read", (c, _) => { post.Add(c.ToolName + "=" + c.Result); return default; });
        int stops = 0;
        options.Hooks.AddStop((c, _) => new ValueTask<string?>(stops++ == 0 ? "Check your answer once more." : null));

        AgentResponse response = await worker.CreateAIAgent(model, tools.Box, options).RunAsync("work");

        Assert.Equal(["Read a.txt"], tools.Ran);
        Assert.Equal("no writes on Fridays", ResultOf(model, "w1"));
        Assert.Equal("use Read instead", ResultOf(model, "b1"));
        Assert.Single(post);
        Assert.EndsWith("second answer", response.Text);
        Assert.Contains(model.Requests.Last().Messages, m => m.Role == ChatRole.User && m.Text == "Check your answer once more.");
    }

    [Fact]
    public async Task Skills_and_memory_are_in_the_context_and_initialPrompt_opens_a_main_run_only()
    {
        using var project = new TempProject();
        project.Write(".claude/skills/house-style/SKILL.md", "---\ndescription: The house style.\n---\nAlways write British English.\n");
        project.Write(".claude/agent-memory/scribe/MEMORY.md", "- The release is on Tuesday.\n");
        var tools = new TestTools();
        TestAgent scribe = Agent("scribe", tools: ["Read", "Agent"], skills: ["house-style", "gone"], memory: AgentMemoryScope.Project, initialPrompt: "Start by reading CHANGELOG.md.");
        TestAgent helper = Agent("helper", tools: ["Read"], initialPrompt: "Helper opening.");
        var model = new ScriptedChatClient()
            .Calls(scribe, "Agent", new { subagent_type = "helper", prompt = "help", description = "help" }, "d1")
            .Says(helper, "helped")
            .Says(scribe, "written");
        var log = new ListLogger();
        var team = await AgentTeam.CreateAsync(model, [scribe, helper], tools.Box, new AgentRuntimeOptions { ProjectDirectory = project.Directory, LoggerFactory = log });

        await team["scribe"].RunAsync("Write the notes");

        ScriptedChatClient.Request first = model.RequestsOf(scribe).First();
        Assert.Contains("Always write British English.", first.Options!.Instructions);
        Assert.Contains("The release is on Tuesday.", first.Options!.Instructions);
        Assert.Equal(["Start by reading CHANGELOG.md.", "Write the notes"], first.Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        Assert.DoesNotContain(model.RequestsOf(helper).First().Messages, m => m.Text == "Helper opening.");
        Assert.Contains(log.Lines, l => l.Contains("'gone'"));
    }

    [Fact]
    public async Task Runs_are_traced_through_the_Agent_Frameworks_OpenTelemetryAgent()
    {
        using var project = new TempProject();
        var exported = new List<Activity>();
        string source = "AgentGen.Tests." + Guid.NewGuid().ToString("N");
        using TracerProvider tracer = Sdk.CreateTracerProviderBuilder().AddSource(source).AddInMemoryExporter(exported).Build()!;
        var tools = new TestTools();
        TestAgent lead = Agent("chief", tools: ["Read", "Agent"]);
        TestAgent reader = Agent("reader", tools: ["Read"]);
        var model = new ScriptedChatClient()
            .Calls(lead, "Agent", new { subagent_type = "reader", prompt = "read", description = "read" }, "d1")
            .Calls(reader, "Write", new { path = "x", content = "y" }, "w1")
            .Says(reader, "read it")
            .Says(lead, "done");
        var team = await AgentTeam.CreateAsync(model, [lead, reader], tools.Box, new AgentRuntimeOptions { ProjectDirectory = project.Directory, TelemetrySourceName = source });

        await team["chief"].RunAsync("go");
        tracer.ForceFlush();

        Assert.Contains(exported, a => Equals(a.GetTagItem("gen_ai.operation.name"), "invoke_agent") && Equals(a.GetTagItem("gen_ai.agent.name"), "chief"));
        Assert.Contains(exported, a => Equals(a.GetTagItem("gen_ai.operation.name"), "invoke_agent") && Equals(a.GetTagItem("gen_ai.agent.name"), "reader"));
        Assert.Contains(exported, a => Equals(a.GetTagItem("gen_ai.operation.name"), "execute_tool") && a.Events.Any(e => e.Name == "agentgen.delegation"));
        Assert.Contains(exported, a => a.Events.Any(e => e.Name == "agentgen.tool_call.refused" && Equals(e.Tags.First(t => t.Key == "gen_ai.tool.name").Value, "Write")));
    }
}

/// <summary>The same gate on a plain Microsoft.Extensions.AI pipeline (UseAgentFunctionInvocation).</summary>
public class RuntimeFieldsChatClientTests
{
    [Fact]
    public async Task UseAgentFunctionInvocation_applies_the_mode_hooks_and_CanUseTool()
    {
        using var project = new TempProject();
        var tools = new TestTools();
        var agent = new TestAgent("planner", AgentPermissionMode.Plan, tools: ["Read", "Edit", "Bash"], instructions: "You plan.", initialPrompt: "Plan first.");
        var model = new ScriptedChatClient()
            .Calls(agent, "Edit", new { path = "a.cs" }, "e1")
            .Calls(agent, "Bash", new { command = "git status" }, "b1")
            .Says(agent, "planned");
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory };
        options.Hooks.AddPreToolUse("Bash", (c, _) => new ValueTask<PreToolUseResult>(PreToolUseResult.ChangeArguments(new Dictionary<string, object?> { ["command"] = "git status --short" })));
        IChatClient client = new ChatClientBuilder(model).UseAgentFunctionInvocation(agent, tools.Box, options).Build();

        ChatResponse response = await client.GetResponseAsync("plan it", agent.CreateChatOptions(tools.Box));

        Assert.Equal("planned", response.Text);
        Assert.Equal(["Bash git status --short"], tools.Ran); // plan mode asked for the edit; nobody answered
        Assert.Equal(["Plan first.", "plan it"], model.Requests[0].Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
    }
}
