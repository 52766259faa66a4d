using System.Diagnostics;
using AgentGen.AI;

namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>The file's own command hooks, run as real processes (D-HK "Exit code output", CC 2.1.240). Unix shells only.</summary>
public class CommandHookTests
{
    private static string Hooks(string hookEvent, string matcher, string command, int? timeout = null)
        => "{\"" + hookEvent + "\":[{\"matcher\":\"" + matcher + "\",\"hooks\":[{\"type\":\"command\",\"command\":" + System.Text.Json.JsonSerializer.Serialize(command)
           + (timeout is int t ? ",\"timeout\":" + t : string.Empty) + "}]}]}";

    private static Dictionary<string, object?> Command(string c) => new() { ["command"] = c };

    [Fact]
    public async Task Exit_2_blocks_and_stderr_goes_to_the_model_with_the_input_on_stdin()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var project = new TempProject();
        string script = project.Write("block.sh", "#!/bin/sh\ncat > \"$CLAUDE_PROJECT_DIR/input.json\"\npwd > \"$CLAUDE_PROJECT_DIR/cwd.txt\"\necho 'rm is not allowed here' >&2\nexit 2\n");
        var agent = new TestAgent("guarded", hooksJson: Hooks("PreToolUse", "Bash", "sh " + script));
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = true };
        var gate = new AgentPermissionGate(agent, options, null);

        GateDecision d = await gate.CheckAsync("Bash", "toolu_1", Command("rm -rf x"), CancellationToken.None);

        Assert.False(d.IsAllowed);
        Assert.Equal("rm is not allowed here", d.Message);
        string input = File.ReadAllText(Path.Combine(project.Directory, "input.json"));
        using var json = System.Text.Json.JsonDocument.Parse(input);
        Assert.Equal("PreToolUse", json.RootElement.GetProperty("hook_event_name").GetString());
        Assert.Equal("Bash", json.RootElement.GetProperty("tool_name").GetString());
        Assert.Equal("rm -rf x", json.RootElement.GetProperty("tool_input").GetProperty("command").GetString());
        Assert.Equal("toolu_1", json.RootElement.GetProperty("tool_use_id").GetString());
        Assert.Equal("default", json.RootElement.GetProperty("permission_mode").GetString());
        Assert.Equal(project.Directory, json.RootElement.GetProperty("cwd").GetString());
        Assert.Equal(Path.GetFullPath(project.Directory), Path.GetFullPath(File.ReadAllText(Path.Combine(project.Directory, "cwd.txt")).Trim()));
    }

    [Fact]
    public async Task Other_exit_codes_do_not_block_and_json_output_is_honoured()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var project = new TempProject();
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = true };
        var failing = new AgentPermissionGate(new TestAgent("a", hooksJson: Hooks("PreToolUse", "*", "echo oops >&2; exit 1")), options, null);
        Assert.True((await failing.CheckAsync("Bash", "c", Command("ls"), CancellationToken.None)).IsAllowed);

        string deny = "echo '{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":\"deny\",\"permissionDecisionReason\":\"json says no\"}}'";
        var jsonDeny = new AgentPermissionGate(new TestAgent("b", hooksJson: Hooks("PreToolUse", "Bash", deny)), options, null);
        GateDecision d = await jsonDeny.CheckAsync("Bash", "c", Command("ls"), CancellationToken.None);
        Assert.False(d.IsAllowed);
        Assert.Equal("json says no", d.Message);

        string update = "echo '{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"updatedInput\":{\"command\":\"ls -la\"}}}'";
        var jsonUpdate = new AgentPermissionGate(new TestAgent("c", hooksJson: Hooks("PreToolUse", "Bash", update)), options, null);
        d = await jsonUpdate.CheckAsync("Bash", "c", Command("ls"), CancellationToken.None);
        Assert.True(d.IsAllowed);
        Assert.Equal("ls -la", PermissionModeRules.StringArgument(d.Arguments, "command"));
    }

    [Fact]
    public async Task A_hook_that_times_out_is_killed_and_renders_no_decision()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var project = new TempProject();
        var log = new ListLogger();
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = true };
        var gate = new AgentPermissionGate(new TestAgent("slow", hooksJson: Hooks("PreToolUse", "*", "sleep 30; exit 2", timeout: 1)), options, log);
        var watch = Stopwatch.StartNew();
        GateDecision d = await gate.CheckAsync("Bash", "c", Command("ls"), CancellationToken.None);
        watch.Stop();
        Assert.True(d.IsAllowed);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), "took " + watch.Elapsed);
        Assert.Contains(log.Lines, l => l.Contains("timed out"));
    }

    [Fact]
    public async Task Untrusted_project_skips_the_files_hooks_with_a_warning()
    {
        using var project = new TempProject();
        string marker = Path.Combine(project.Directory, "ran.txt");
        var log = new ListLogger();
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = false };
        var gate = new AgentPermissionGate(new TestAgent("u", hooksJson: Hooks("PreToolUse", "*", "touch '" + marker + "'; exit 2")), options, log);
        Assert.True((await gate.CheckAsync("Bash", "c", Command("ls"), CancellationToken.None)).IsAllowed);
        Assert.False(File.Exists(marker));
        Assert.Contains(log.Lines, l => l.Contains("TrustProjectFiles"));
    }

    [Fact]
    public async Task PostToolUse_exit_2_feeds_stderr_back_and_Stop_becomes_SubagentStop()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var project = new TempProject();
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory, TrustProjectFiles = true };
        var post = new AgentPermissionGate(new TestAgent("p", hooksJson: Hooks("PostToolUse", "Write", "echo 'format the file' >&2; exit 2")), options, null);
        Assert.Equal("format the file", await post.AfterAsync("Write", "c", new Dictionary<string, object?>(), "written", CancellationToken.None));

        string input = Path.Combine(project.Directory, "stop.json");
        var stop = new AgentPermissionGate(new TestAgent("s", hooksJson: Hooks("Stop", "", "cat > '" + input + "'; echo 'not yet' >&2; exit 2")), options, null);
        using (AgentRunScope.EnterSubagent(AgentPermissionMode.Default))
        {
            Assert.Equal("not yet", await stop.StopAsync("my answer", false, CancellationToken.None));
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(input));
        Assert.Equal("SubagentStop", json.RootElement.GetProperty("hook_event_name").GetString());
        Assert.Equal("s", json.RootElement.GetProperty("agent_type").GetString());
        Assert.Equal("my answer", json.RootElement.GetProperty("last_assistant_message").GetString());
    }

    [Theory]
    [InlineData("Bash(git *)", "Bash", "git push", true)]
    [InlineData("Bash(git *)", "Bash", "git", true)]
    [InlineData("Bash(git *)", "Bash", "gitk", false)]
    [InlineData("Bash", "Bash", "anything", true)]
    [InlineData("Write(*.md)", "Write", "docs/a.md", true)]
    [InlineData("Write(*.md)", "Edit", "docs/a.md", false)]
    public void If_rules_match_like_permission_rules(string rule, string tool, string value, bool matches)
    {
        var input = new Dictionary<string, object?> { [tool == "Bash" ? "command" : "file_path"] = value };
        Assert.Equal(matches, CommandHooks.IfMatches(rule, tool, input));
    }
}
