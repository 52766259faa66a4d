using AgentGen.AI;

namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>
/// Claude Code's permission modes, one row per tool x mode. Sources (CC 2.1.240): D-PM = code.claude.com/docs/en/permission-modes
/// "Available modes"; D-TR = /tools-reference "Permission required"; D-PERM = /permissions "Read-only commands";
/// S-PERM = /agent-sdk/permissions; D-SUB = /sub-agents "Permission modes".
/// </summary>
public class PermissionModeTests
{
    private static readonly string Project = Path.Combine(Path.GetTempPath(), "agentgen-mode-project");

    public static TheoryData<AgentPermissionMode, string, string?, string, string> Rows => new()
    {
        // mode, tool, path or command, expected, source
        { AgentPermissionMode.Default, "Read", "src/a.cs", "Allow", "D-TR: Read needs no permission" },
        { AgentPermissionMode.Default, "Read", "/etc/passwd", "Ask", "D-TR: reads outside the working directory prompt" },
        { AgentPermissionMode.Default, "Grep", null, "Allow", "D-TR: Grep needs no permission" },
        { AgentPermissionMode.Default, "Write", "src/a.cs", "Ask", "D-PM default: file edits ask" },
        { AgentPermissionMode.Default, "Bash", "ls -la", "Allow", "D-PERM: read-only command set" },
        { AgentPermissionMode.Default, "Bash", "rm -rf build", "Ask", "D-PM default: other Bash asks" },
        { AgentPermissionMode.Default, "Bash", "cat a > b", "Ask", "D-PERM: a redirection is not read-only" },
        { AgentPermissionMode.Default, "WebFetch", null, "Ask", "D-PM default: WebFetch asks" },
        { AgentPermissionMode.Default, "mcp__archive__file_document", null, "Ask", "S-MCP: MCP tools require permission" },
        { AgentPermissionMode.Manual, "Write", "src/a.cs", "Ask", "D-PM: manual is default (>=2.1.200)" },
        { AgentPermissionMode.AcceptEdits, "Write", "src/a.cs", "Allow", "D-PM acceptEdits: edits in the working directory" },
        { AgentPermissionMode.AcceptEdits, "Edit", "/etc/hosts", "Ask", "D-PM acceptEdits: paths outside ask" },
        { AgentPermissionMode.AcceptEdits, "Write", ".git/config", "Ask", "D-PM: protected paths ask in acceptEdits" },
        { AgentPermissionMode.AcceptEdits, "Write", ".claude/worktrees/x.txt", "Allow", "D-PM: .claude/worktrees is not protected" },
        { AgentPermissionMode.AcceptEdits, "Bash", "npm test", "Ask", "D-PM acceptEdits: other Bash asks" },
        { AgentPermissionMode.AcceptEdits, "mcp__archive__file_document", null, "Ask", "S-MCP: acceptEdits does not approve MCP" },
        { AgentPermissionMode.Plan, "Read", "src/a.cs", "Allow", "D-PM plan: reads run" },
        { AgentPermissionMode.Plan, "Edit", "src/a.cs", "Ask", "D-PM plan: file edits always ask" },
        { AgentPermissionMode.Plan, "Bash", "git status", "Allow", "D-PM plan: read-only commands run" },
        { AgentPermissionMode.Plan, "Bash", "touch x", "Ask", "D-PM plan: modifying commands ask (>=2.1.212)" },
        { AgentPermissionMode.Auto, "Write", "src/a.cs", "Allow", "D-PM auto: working-directory edits run" },
        { AgentPermissionMode.Auto, "Write", ".vscode/settings.json", "Ask", "D-PM auto: protected paths go to the classifier" },
        { AgentPermissionMode.Auto, "Bash", "make", "Ask", "D-PM auto: classifier (AgentGen: CanUseTool)" },
        { AgentPermissionMode.DontAsk, "Read", "src/a.cs", "Allow", "D-PM dontAsk: reads run" },
        { AgentPermissionMode.DontAsk, "Bash", "grep -r x .", "Allow", "D-PM dontAsk: read-only Bash runs" },
        { AgentPermissionMode.DontAsk, "Write", "src/a.cs", "Deny", "D-PM dontAsk: everything else denied" },
        { AgentPermissionMode.DontAsk, "Bash", "find . -delete", "Deny", "D-PERM: find -delete is not read-only" },
        { AgentPermissionMode.DontAsk, "AskUserQuestion", null, "Deny", "D-PM dontAsk: AskUserQuestion denied" },
        { AgentPermissionMode.BypassPermissions, "Write", ".git/config", "Allow", "D-PM bypass: protected paths allowed" },
        { AgentPermissionMode.BypassPermissions, "Bash", "rm -rf build", "Allow", "D-PM bypass: everything runs" },
        { AgentPermissionMode.BypassPermissions, "AskUserQuestion", null, "Ask", "S-PERM: AskUserQuestion asks even in bypass" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Mode_decides_each_tool_as_Claude_Code_documents(AgentPermissionMode mode, string tool, string? pathOrCommand, string expected, string source)
    {
        var args = new Dictionary<string, object?>();
        if (pathOrCommand is not null)
        {
            args[tool == "Bash" ? "command" : tool is "Grep" or "Glob" ? "path" : "file_path"] = pathOrCommand;
        }

        (PermissionVerdict verdict, string reason) = PermissionModeRules.Decide(mode, tool, args, Project);
        Assert.True(expected == verdict.ToString(), $"{mode} {tool} {pathOrCommand}: expected {expected} ({source}), got {verdict} ({reason})");
    }

    public static TheoryData<AgentPermissionMode?, AgentPermissionMode?, AgentPermissionMode?> ParentRows => new()
    {
        // parent, file, effective (D-SUB "Permission modes"; S-PERM warning)
        { null, null, null },
        { null, AgentPermissionMode.Plan, AgentPermissionMode.Plan },
        { AgentPermissionMode.Default, null, AgentPermissionMode.Default },
        { AgentPermissionMode.Default, AgentPermissionMode.DontAsk, AgentPermissionMode.DontAsk },
        { AgentPermissionMode.Plan, AgentPermissionMode.AcceptEdits, AgentPermissionMode.AcceptEdits },
        { AgentPermissionMode.BypassPermissions, AgentPermissionMode.Plan, AgentPermissionMode.BypassPermissions },
        { AgentPermissionMode.AcceptEdits, AgentPermissionMode.DontAsk, AgentPermissionMode.AcceptEdits },
        { AgentPermissionMode.Auto, AgentPermissionMode.Plan, AgentPermissionMode.Auto },
        { AgentPermissionMode.DontAsk, AgentPermissionMode.BypassPermissions, AgentPermissionMode.BypassPermissions },
        { AgentPermissionMode.Manual, null, AgentPermissionMode.Default },
    };

    [Theory]
    [MemberData(nameof(ParentRows))]
    public void Parent_mode_takes_over_where_Claude_Code_says(AgentPermissionMode? parent, AgentPermissionMode? own, AgentPermissionMode? expected)
        => Assert.Equal(expected, PermissionModeRules.Effective(parent, own));

    [Theory]
    [InlineData("ls -la && git log --oneline", true)]
    [InlineData("cat a | grep b", true)]
    [InlineData("git push", false)]
    [InlineData("echo $(rm -rf /)", false)]
    [InlineData("ls; rm x", false)]
    [InlineData("", false)]
    public void Read_only_commands(string command, bool readOnly) => Assert.Equal(readOnly, PermissionModeRules.IsReadOnlyCommand(command));
}
