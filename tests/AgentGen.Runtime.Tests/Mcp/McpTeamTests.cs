using AgentGen.Agents;
using AgentGen.AI;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests.Mcp;

/// <summary>
/// AgentTeam.CreateAsync with real stdio MCP servers (tests/AgentGen.McpTestServer) behind a scripted model: tools
/// offered and refused per the file (through the team's enforcing invoker), inline servers per run, trust, the
/// zero-tools refusal, and no server process after the team is disposed or a run is cancelled.
/// </summary>
public sealed class McpTeamTests : IDisposable
{
    private readonly McpProject _project = new();
    private readonly ScriptedChatClient _model = new();
    private readonly TestTools _tools = new();

    public void Dispose() => _project.Dispose();

    private static string ToolResult(IReadOnlyList<ChatMessage> messages)
        => messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Last().Result?.ToString() ?? "";

    [Fact]
    public async Task Allowed_MCP_tools_are_offered_and_run_and_the_others_are_neither_offered_nor_run()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["Read", "mcp__probe__echo"]);
        string? echoed = null, refused = null;
        _model.Calls(agent, "mcp__probe__echo", new { text = "hello" })
              .On(agent, m => { echoed = ToolResult(m); return ScriptedChatClient.Call("mcp__probe__die"); })
              .On(agent, m => { refused = ToolResult(m); return new ChatResponse(new ChatMessage(ChatRole.Assistant, "done")); });

        await using AgentTeam team = await AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options());
        AgentResponse response = await team["user"].RunAsync("go");

        Assert.Equal("done", response.Text);
        Assert.Equal(new[] { "Read", "mcp__probe__echo" }.Order(), _model.RequestsOf(agent).First().OfferedTools.Order());
        Assert.Contains("echo: hello", echoed);
        Assert.StartsWith("Error: ", refused); // never offered, so never found: the invoker says so and runs nothing
        Assert.Contains("mcp__probe__die", refused);
        Assert.True(McpProject.IsRunning(_project.Pid("probe")!.Value, TimeSpan.Zero), "the refused 'die' tool ran");
        Assert.Equal(McpServerStatus.Connected, Assert.Single(team.McpServerEvents).Status);
    }

    [Fact]
    public async Task Inline_servers_run_for_the_agents_run_only_and_are_its_alone()
    {
        var owner = new TestAgent("owner", ["mcp__own__add"], inlineServers: McpProject.Inline(("own", _project.Server("own"))));
        var other = new TestAgent("other", ["Read", "mcp__own__add"]);
        string? sum = null;
        int? pidDuringRun = null;
        _model.Calls(owner, "mcp__own__add", new { a = 20, b = 22 })
              .On(owner, m => { sum = ToolResult(m); pidDuringRun = _project.Pid("own"); return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")); })
              .Says(other, "no mcp here");

        await using AgentTeam team = await AgentTeam.CreateAsync(_model, [owner, other], _tools.Box, _project.Options());
        Assert.Null(_project.Pid("own")); // not started with the team
        await team["owner"].RunAsync("add");
        Assert.Equal("42", sum);
        Assert.False(McpProject.IsRunning(pidDuringRun!.Value), "the inline server outlived the run");

        await team["other"].RunAsync("hi");
        Assert.Equal(["Read"], _model.RequestsOf(other).Single().OfferedTools);
    }

    [Fact]
    public async Task Untrusted_files_leave_the_MCP_tools_missing_and_the_run_goes_on()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["Read", "mcp__probe__echo"]);
        _model.Says(agent, "ran without MCP");
        var logged = new List<string>();

        await using AgentTeam team = await AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options(trust: false));
        AgentResponse response = await team["user"].RunAsync("go");

        Assert.Equal("ran without MCP", response.Text);
        Assert.Equal(["Read"], _model.RequestsOf(agent).Single().OfferedTools);
        Assert.Null(_project.Pid("probe"));
        Assert.Equal(McpServerStatus.Skipped, Assert.Single(team.McpServerEvents).Status);
    }

    [Fact]
    public async Task An_agent_whose_listed_tools_all_resolve_to_nothing_is_refused_as_Claude_Code_refuses_it()
    {
        _project.WithMcpJson(("broken", _project.Server("broken", "crash-at-start")));
        var agent = new TestAgent("lonely", ["mcp__broken__echo", "mcp__nowhere"]);

        await using AgentTeam team = await AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => team["lonely"].RunAsync("go"));

        Assert.StartsWith("Agent 'lonely' would be spawned with zero tools — refusing.", ex.Message);
        Assert.Empty(_model.Requests); // the model was never asked
        Assert.Equal(McpServerStatus.Failed, Assert.Single(team.McpServerEvents).Status);
    }

    [Fact]
    public async Task Later_events_reach_McpServerChanged()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__probe"]);
        _model.Calls(agent, "mcp__probe__die").Says(agent, "it died");

        await using AgentTeam team = await AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options());
        var changed = new List<McpServerEventArgs>();
        team.McpServerChanged += (_, e) => { lock (changed) { changed.Add(e); } };
        Assert.Equal("it died", (await team["user"].RunAsync("die")).Text);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (changed.Count == 0 && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(25);
        }

        Assert.Equal(McpServerStatus.Disconnected, Assert.Single(changed).Status);
        Assert.Equal(2, team.McpServerEvents.Count);
    }

    [Fact]
    public async Task Disposing_the_team_and_cancelling_a_run_leave_no_server_process()
    {
        _project.WithMcpJson(("shared", _project.Server("shared")));
        var agent = new TestAgent("user", ["mcp__shared__echo", "mcp__own__echo"], inlineServers: McpProject.Inline(("own", _project.Server("own"))));
        using var cts = new CancellationTokenSource();
        int? inlinePid = null;
        _model.On(agent, _ => { inlinePid = _project.Pid("own"); cts.Cancel(); return ScriptedChatClient.Call("mcp__own__echo", new { text = "x" }); });

        AgentTeam team = await AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options());
        int sharedPid = _project.Pid("shared")!.Value;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => team["user"].RunAsync("go", cancellationToken: cts.Token));
        Assert.NotNull(inlinePid);
        Assert.False(McpProject.IsRunning(inlinePid!.Value), "the inline server outlived the cancelled run");
        Assert.True(McpProject.IsRunning(sharedPid, TimeSpan.Zero));

        await team.DisposeAsync();
        Assert.False(McpProject.IsRunning(sharedPid), "the project server outlived the team");
        await team.DisposeAsync(); // twice is fine
    }

    [Fact]
    public async Task Cancelling_CreateAsync_stops_what_it_started()
    {
        _project.WithMcpJson(("stuck", _project.Server("stuck", "hang")), ("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__stuck", "mcp__probe"]);
        using var cts = new CancellationTokenSource();
        Task<AgentTeam> create = AgentTeam.CreateAsync(_model, [agent], _tools.Box, _project.Options(), cts.Token);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((_project.Pid("stuck") is null || _project.Pid("probe") is null) && watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(25);
        }

        await Task.Delay(500); // let the probe server connect
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => create);
        Assert.False(McpProject.IsRunning(_project.Pid("stuck")!.Value), "the hung server outlived the cancelled CreateAsync");
        Assert.False(McpProject.IsRunning(_project.Pid("probe")!.Value), "the started server outlived the cancelled CreateAsync");
    }
}
