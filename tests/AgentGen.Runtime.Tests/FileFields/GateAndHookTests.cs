using AgentGen.AI;

namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>The per-call order hooks -> mode -> CanUseTool (S-PERM "How permissions are evaluated", CC 2.1.240), and hooks as Claude Code runs them.</summary>
public class GateAndHookTests
{
    private static Dictionary<string, object?> Args(string key, string value) => new() { [key] = value };

    private static async Task<GateDecision> Check(AgentPermissionGate gate, string tool, Dictionary<string, object?> args)
        => await gate.CheckAsync(tool, "call_1", args, CancellationToken.None);

    public static TheoryData<AgentPermissionMode, string, string?, string> CallbackRows => new()
    {
        // mode, tool, callback answer (null = no callback), outcome: ran / refused (asked = callback consulted)
        { AgentPermissionMode.Default, "Write", null, "refused" },          // S-TS: no canUseTool in -p/SDK -> denied
        { AgentPermissionMode.Default, "Write", "allow", "ran+asked" },
        { AgentPermissionMode.Default, "Write", "deny", "refused+asked" },
        { AgentPermissionMode.Default, "Read", "deny", "ran" },             // the callback never fires for auto-approved calls (S-PERM)
        { AgentPermissionMode.DontAsk, "Write", "allow", "refused" },       // dontAsk never calls canUseTool (D-PM)
        { AgentPermissionMode.Plan, "Edit", "allow", "ran+asked" },         // plan routes edits to canUseTool (S-PERM)
        { AgentPermissionMode.BypassPermissions, "Bash", "deny", "ran" },
        { AgentPermissionMode.Auto, "Bash", "deny", "refused+asked" },
    };

    [Theory]
    [MemberData(nameof(CallbackRows))]
    public async Task Ask_goes_to_CanUseTool_and_without_one_is_denied(AgentPermissionMode mode, string tool, string? answer, string expected)
    {
        using var project = new TempProject();
        bool asked = false;
        var options = new AgentRuntimeOptions { ProjectDirectory = project.Directory };
        if (answer is not null)
        {
            options.CanUseTool = (request, _) =>
            {
                asked = true;
                Assert.Equal("worker", request.AgentName);
                Assert.Equal(tool, request.ToolName);
                return new ValueTask<ToolPermissionDecision>(answer == "allow" ? ToolPermissionDecision.Allow() : ToolPermissionDecision.Deny("not today"));
            };
        }

        var gate = new AgentPermissionGate(new TestAgent("worker", mode), options, null);
        GateDecision d = await Check(gate, tool, Args(tool == "Bash" ? "command" : "file_path", tool == "Bash" ? "make" : "a.txt"));
        string outcome = (d.IsAllowed ? "ran" : "refused") + (asked ? "+asked" : string.Empty);
        Assert.Equal(expected, outcome);
        if (!d.IsAllowed && answer == "deny")
        {
            Assert.Equal("not today", d.Message);
        }
    }

    [Fact]
    public async Task CanUseTool_can_change_the_arguments()
    {
        using var project = new TempProject();
        var options = new AgentRuntimeOptions
        {
            ProjectDirectory = project.Directory,
            CanUseTool = (r, _) => new ValueTask<ToolPermissionDecision>(ToolPermissionDecision.Allow(new Dictionary<string, object?> { ["file_path"] = "safe.txt" })),
        };
        GateDecision d = await Check(new AgentPermissionGate(new TestAgent("w", AgentPermissionMode.Default), options, null), "Write", Args("file_path", "x.txt"));
        Assert.True(d.IsAllowed);
        Assert.Equal("safe.txt", d.Arguments!["file_path"]);
    }

    [Fact]
    public async Task No_mode_anywhere_leaves_calls_ungated()
    {
        var options = new AgentRuntimeOptions { ProjectDirectory = Path.GetTempPath() };
        GateDecision d = await Check(new AgentPermissionGate(new TestAgent("w"), options, null), "Bash", Args("command", "make"));
        Assert.True(d.IsAllowed);
    }

    [Fact]
    public async Task App_mode_is_the_parent_and_bypass_wins_over_the_file()
    {
        var options = new AgentRuntimeOptions { ProjectDirectory = Path.GetTempPath(), PermissionMode = AgentPermissionMode.BypassPermissions };
        GateDecision d = await Check(new AgentPermissionGate(new TestAgent("w", AgentPermissionMode.Plan), options, null), "Edit", Args("file_path", "a.txt"));
        Assert.True(d.IsAllowed);

        options.PermissionMode = AgentPermissionMode.Default;
        d = await Check(new AgentPermissionGate(new TestAgent("w", AgentPermissionMode.Plan), options, null), "Edit", Args("file_path", "a.txt"));
        Assert.False(d.IsAllowed);
    }

    [Fact]
    public async Task PreToolUse_hook_denies_even_in_bypass_and_can_change_arguments()
    {
        var options = new AgentRuntimeOptions { ProjectDirectory = Path.GetTempPath(), PermissionMode = AgentPermissionMode.BypassPermissions };
        options.Hooks.AddPreToolUse("Bash", (c, _) => new ValueTask<PreToolUseResult>(
            PreToolUseResult.Deny("no shell for " + c.AgentName)));
        options.Hooks.AddPreToolUse("Write|Edit", (c, _) => new ValueTask<PreToolUseResult>(
            PreToolUseResult.ChangeArguments(new Dictionary<string, object?> { ["file_path"] = "out/" + c.Arguments["file_path"] })));
        var gate = new AgentPermissionGate(new TestAgent("w"), options, null);

        GateDecision bash = await Check(gate, "Bash", Args("command", "ls"));
        Assert.False(bash.IsAllowed);
        Assert.Equal("no shell for w", bash.Message);

        GateDecision write = await Check(gate, "Write", Args("file_path", "a.txt"));
        Assert.True(write.IsAllowed);
        Assert.Equal("out/a.txt", write.Arguments!["file_path"]);

        GateDecision read = await Check(gate, "Read", Args("file_path", "a.txt"));
        Assert.True(read.IsAllowed);
        Assert.Equal("a.txt", read.Arguments!["file_path"]);
    }

    [Fact]
    public async Task PreToolUse_hook_allow_skips_the_mode_and_ask_goes_to_the_callback()
    {
        var options = new AgentRuntimeOptions { ProjectDirectory = Path.GetTempPath() };
        options.Hooks.AddPreToolUse("Write", (_, _) => new ValueTask<PreToolUseResult>(PreToolUseResult.Allow()));
        options.Hooks.AddPreToolUse("Read", (_, _) => new ValueTask<PreToolUseResult>(PreToolUseResult.Ask("check reads")));
        var gate = new AgentPermissionGate(new TestAgent("w", AgentPermissionMode.Default), options, null);
        Assert.True((await Check(gate, "Write", Args("file_path", "a.txt"))).IsAllowed);
        Assert.False((await Check(gate, "Read", Args("file_path", "a.txt"))).IsAllowed); // asked, no callback -> denied
    }

    [Fact]
    public async Task PostToolUse_and_Stop_hooks_see_the_result_and_can_send_the_agent_back()
    {
        var options = new AgentRuntimeOptions { ProjectDirectory = Path.GetTempPath() };
        object? seen = null;
        options.Hooks.AddPostToolUse("*", (c, _) => { seen = c.Result; return default; });
        options.Hooks.AddStop((c, _) => new ValueTask<string?>(c.StopHookActive ? null : "Run the tests first."));
        options.Hooks.AddSubagentStop("other", (_, _) => new ValueTask<string?>("never"));
        var gate = new AgentPermissionGate(new TestAgent("w"), options, null);
        await gate.AfterAsync("Read", "c1", Args("file_path", "a"), "the text", CancellationToken.None);
        Assert.Equal("the text", seen);
        Assert.Equal("Run the tests first.", await gate.StopAsync("done", stopHookActive: false, CancellationToken.None));
        Assert.Null(await gate.StopAsync("done", stopHookActive: true, CancellationToken.None));
        using (AgentRunScope.EnterSubagent(null))
        {
            // As a subagent, Stop hooks do not fire; SubagentStop hooks matching the agent's name do.
            Assert.Null(await gate.StopAsync("done", stopHookActive: false, CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(null, "Bash", true)]
    [InlineData("*", "Write", true)]
    [InlineData("", "Write", true)]
    [InlineData("Bash", "Bash", true)]
    [InlineData("Bash", "BashOutput", false)]
    [InlineData("Write|Edit", "Edit", true)]
    [InlineData("Write, Edit", "Edit", true)]
    [InlineData("Edit.*", "NotebookEdit", true)]
    [InlineData("mcp__archive__.*", "mcp__archive__file_document", true)]
    [InlineData("^Read$", "ReadMcpResourceTool", false)]
    [InlineData("(unclosed", "Bash", false)]
    public void Hook_matchers_follow_Claude_Code(string? matcher, string tool, bool matches)
        => Assert.Equal(matches, new HookMatcher(matcher).Matches(tool));
}
