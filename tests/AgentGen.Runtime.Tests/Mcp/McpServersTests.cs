using AgentGen.AI;
using AgentGen.AI.Mcp;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests.Mcp;

/// <summary>
/// AgentMcpServers against real stdio MCP servers (tests/AgentGen.McpTestServer): which servers start, which tools an
/// agent is offered, failures, the startup timeout, ${VAR} expansion, the trust gate, and that no server process
/// outlives the team.
/// </summary>
public sealed class McpServersTests : IDisposable
{
    private readonly McpProject _project = new();
    private readonly List<McpServerEventArgs> _events = new();

    public void Dispose() => _project.Dispose();

    private Task<AgentMcpServers> StartAsync(IEnumerable<IAgentDefinition> agents, AgentRuntimeOptions options, Func<string, string?>? env = null, CancellationToken ct = default)
        => AgentMcpServers.StartAsync(agents, options, (_, e) => { lock (_events) { _events.Add(e); } }, env, ct);

    private static async Task<string> CallAsync(IReadOnlyList<AIFunction> tools, string name, object? args = null)
    {
        AIFunction tool = tools.Single(t => t.Name == name);
        var arguments = new AIFunctionArguments(args?.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(args)) ?? new Dictionary<string, object?>());
        object? result = await tool.InvokeAsync(arguments);
        return result is System.Text.Json.JsonElement e ? e.ToString() : result?.ToString() ?? "";
    }

    [Fact]
    public async Task Project_server_tools_are_named_as_Claude_Code_names_them_and_offered_per_Allows()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__probe__echo", "mcp__probe__get_env"]);
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());

        Assert.Equal(["mcp__probe__add", "mcp__probe__die", "mcp__probe__echo", "mcp__probe__get_args", "mcp__probe__get_env"], servers.SharedTools.Select(t => t.Name).Order());
        IReadOnlyList<AIFunction> offered = servers.SharedToolsFor(agent);
        Assert.Equal(["mcp__probe__echo", "mcp__probe__get_env"], offered.Select(t => t.Name).Order());
        Assert.Contains("echo: hi", await CallAsync(offered, "mcp__probe__echo", new { text = "hi" }));
        Assert.Equal(McpServerStatus.Connected, Assert.Single(_events).Status);
    }

    [Fact]
    public async Task A_whole_server_entry_allows_every_tool_of_that_server_and_disallowedTools_removes_them()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var whole = new TestAgent("whole", ["mcp__probe"]);
        var denied = new TestAgent("denied", null, disallowed: ["mcp__probe__die"]);
        await using AgentMcpServers servers = await StartAsync([whole, denied], _project.Options());

        Assert.Equal(5, servers.SharedToolsFor(whole).Count);
        Assert.DoesNotContain("mcp__probe__die", servers.SharedToolsFor(denied).Select(t => t.Name));
        Assert.Equal(4, servers.SharedToolsFor(denied).Count);
    }

    [Fact]
    public async Task Servers_no_agent_needs_are_not_started()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")), ("other", _project.Server("other")));
        var agent = new TestAgent("user", ["Read", "mcp__probe__echo"]);
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());

        Assert.NotNull(_project.Pid("probe"));
        Assert.Null(_project.Pid("other"));
        Assert.Equal(["probe"], _events.Select(e => e.ServerName));
    }

    [Fact]
    public async Task Untrusted_project_files_start_no_server_and_say_why()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__probe__echo"], inlineServers: McpProject.Inline(("own", _project.Server("own"))));
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options(trust: false));
        await using McpRunScope run = await servers.StartInlineAsync(agent, ((AgentDefinitionBase)agent).McpServerEntries, default);

        Assert.Empty(servers.SharedTools);
        Assert.Empty(run.Tools);
        Assert.Null(_project.Pid("probe"));
        Assert.Null(_project.Pid("own"));
        Assert.Equal([McpServerStatus.Skipped, McpServerStatus.Skipped], _events.Select(e => e.Status));
        Assert.All(_events, e => Assert.Contains("TrustProjectFiles", e.Message));
    }

    [Fact]
    public async Task Inline_servers_start_for_one_run_and_stop_after_it()
    {
        var agent = new TestAgent("user", ["mcp__own__add"], inlineServers: McpProject.Inline(("own", _project.Server("own"))));
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());
        Assert.Null(_project.Pid("own"));

        int pid;
        await using (McpRunScope run = await servers.StartInlineAsync(agent, ((AgentDefinitionBase)agent).McpServerEntries, default))
        {
            Assert.Equal(["mcp__own__add"], run.Tools.Select(t => t.Name));
            Assert.Equal("5", await CallAsync(run.Tools, "mcp__own__add", new { a = 2, b = 3 }));
            pid = _project.Pid("own")!.Value;
            Assert.True(McpProject.IsRunning(pid, TimeSpan.Zero));
        }

        Assert.False(McpProject.IsRunning(pid), "the inline server outlived the run");
        Assert.Equal("own", Assert.Single(_events).ServerName);
        Assert.Equal("user", _events[0].AgentName);
    }

    [Fact]
    public async Task A_server_that_crashes_at_start_leaves_its_tools_missing_and_the_others_running()
    {
        _project.WithMcpJson(("broken", _project.Server("broken", "crash-at-start")), ("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__broken__echo", "mcp__probe__echo"]);
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());

        Assert.Equal(["mcp__probe__echo"], servers.SharedToolsFor(agent).Select(t => t.Name));
        McpServerEventArgs failed = Assert.Single(_events, e => e.ServerName == "broken");
        Assert.Equal(McpServerStatus.Failed, failed.Status);
        Assert.False(McpProject.IsRunning(_project.Pid("broken")!.Value));
    }

    [Fact]
    public async Task A_hung_server_times_out_and_is_stopped()
    {
        _project.WithMcpJson(("stuck", _project.Server("stuck", "hang")));
        var agent = new TestAgent("user", ["mcp__stuck"]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options(timeout: TimeSpan.FromSeconds(2)));
        watch.Stop();

        Assert.Empty(servers.SharedTools);
        McpServerEventArgs failed = Assert.Single(_events);
        Assert.Equal(McpServerStatus.Failed, failed.Status);
        Assert.IsType<TimeoutException>(failed.Exception);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(20));
        Assert.False(McpProject.IsRunning(_project.Pid("stuck")!.Value), "the hung server was left running");
    }

    [Fact]
    public async Task A_server_that_dies_mid_run_is_reported_and_its_tools_answer_with_an_error_then_disappear()
    {
        _project.WithMcpJson(("probe", _project.Server("probe")));
        var agent = new TestAgent("user", ["mcp__probe"]);
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());
        IReadOnlyList<AIFunction> tools = servers.SharedToolsFor(agent);

        string died = await CallAsync(tools, "mcp__probe__die");
        Assert.Contains("no longer connected", died);
        Assert.Contains("no longer connected", await CallAsync(tools, "mcp__probe__echo", new { text = "x" }));
        await WaitUntil(() => _events.Any(e => e.Status == McpServerStatus.Disconnected));
        Assert.Empty(servers.SharedToolsFor(agent));
    }

    [Fact]
    public async Task Variables_are_expanded_in_command_args_and_env_as_Claude_Code_does()
    {
        var entry = _project.Server("probe", env: new() { ["FROM_ENV"] = "${AGENTGEN_T_SET}", ["WITH_DEFAULT"] = "${AGENTGEN_T_UNSET:-fallback}", ["LEFT"] = "${AGENTGEN_T_UNSET}" }, extraArgs: ["--flag=${AGENTGEN_T_SET}"]);
        _project.WithMcpJson(("probe", entry));
        var agent = new TestAgent("user", ["mcp__probe"]);
        var env = new Dictionary<string, string> { ["AGENTGEN_T_SET"] = "expanded" };
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options(), name => env.TryGetValue(name, out string? v) ? v : null);
        IReadOnlyList<AIFunction> tools = servers.SharedToolsFor(agent);

        Assert.Equal("expanded", await CallAsync(tools, "mcp__probe__get_env", new { name = "FROM_ENV" }));
        Assert.Equal("fallback", await CallAsync(tools, "mcp__probe__get_env", new { name = "WITH_DEFAULT" }));
        Assert.Equal("${AGENTGEN_T_UNSET}", await CallAsync(tools, "mcp__probe__get_env", new { name = "LEFT" }));
        Assert.Equal(_project.Directory, await CallAsync(tools, "mcp__probe__get_env", new { name = "CLAUDE_PROJECT_DIR" }));
        Assert.Equal("serve|--flag=expanded", await CallAsync(tools, "mcp__probe__get_args"));
    }

    [Fact]
    public async Task Dispose_stops_every_server_process()
    {
        _project.WithMcpJson(("one", _project.Server("one")), ("two", _project.Server("two")));
        var agent = new TestAgent("user", ["mcp__one", "mcp__two", "mcp__own"], inlineServers: McpProject.Inline(("own", _project.Server("own"))));
        AgentMcpServers servers = await StartAsync([agent], _project.Options());
        McpRunScope run = await servers.StartInlineAsync(agent, ((AgentDefinitionBase)agent).McpServerEntries, default);
        int[] pids = new[] { "one", "two", "own" }.Select(n => _project.Pid(n)!.Value).ToArray();
        Assert.All(pids, pid => Assert.True(McpProject.IsRunning(pid, TimeSpan.Zero)));

        await servers.DisposeAsync(); // the run's scope is still open: the team's dispose stops its servers too

        Assert.All(pids, pid => Assert.False(McpProject.IsRunning(pid), $"process {pid} outlived the team"));
        await run.DisposeAsync();
    }

    [Fact]
    public async Task Cancelling_the_start_stops_the_servers_it_was_starting()
    {
        _project.WithMcpJson(("stuck", _project.Server("stuck", "hang")));
        var agent = new TestAgent("user", ["mcp__stuck"]);
        using var cts = new CancellationTokenSource();
        Task<AgentMcpServers> start = StartAsync([agent], _project.Options(), ct: cts.Token);
        await WaitUntil(() => _project.Pid("stuck") is not null);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        Assert.False(McpProject.IsRunning(_project.Pid("stuck")!.Value), "the server outlived the cancelled start");
    }

    [Fact]
    public async Task Entries_that_cannot_start_are_skipped_with_their_reason()
    {
        _project.WithMcpJson(("remote", new { url = "http://localhost:1/mcp" }), ("nothing", new { type = "stdio" }));
        var agent = new TestAgent("user", null);
        await using AgentMcpServers servers = await StartAsync([agent], _project.Options());

        Assert.Equal(2, _events.Count);
        Assert.All(_events, e => Assert.Equal(McpServerStatus.Skipped, e.Status));
        Assert.Contains(_events, e => e.Message.Contains("has a \"url\" but no \"type\""));
        Assert.Contains(_events, e => e.Message.Contains("no 'command'"));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "timed out waiting");
            await Task.Delay(25);
        }
    }
}
