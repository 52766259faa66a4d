using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace AgentGen.AI
{
    /// <summary>What a permission mode says about one tool call.</summary>
    internal enum PermissionVerdict
    {
        /// <summary>Runs without asking.</summary>
        Allow,

        /// <summary>Goes to <see cref="AgentRuntimeOptions.CanUseTool"/>; with none, denied (Claude Code's non-interactive runs).</summary>
        Ask,

        /// <summary>Denied outright; the callback is not asked.</summary>
        Deny,
    }

    /// <summary>
    /// Claude Code's permission modes, as AgentGen applies them to one tool call. Follows Claude Code 2.1.240
    /// (code.claude.com/docs/en/permission-modes "Available modes", /permissions "Permission system",
    /// /tools-reference "Permission required", /agent-sdk/permissions "Mode details"; RUNTIME-FIDELITY.md §2).
    /// AgentGen reads no settings files, so there are no allow, ask or deny <em>rules</em> here: the file's
    /// <c>tools</c>/<c>disallowedTools</c> bound every call before a mode is consulted, and the app's
    /// <see cref="AgentRuntimeOptions.CanUseTool"/> stands where Claude Code prompts (and, in <c>auto</c>, where its
    /// classifier decides).
    /// </summary>
    internal static class PermissionModeRules
    {
        // "No prompt" tools in Manual mode (D-TR "Permission required: No", CC 2.1.240). Read, Glob and Grep still prompt
        // for paths outside the working directory. Task and LS/NotebookRead are the legacy names of Agent and the readers.
        private static readonly HashSet<string> s_noPrompt = new HashSet<string>(StringComparer.Ordinal)
        {
            "Read", "Glob", "Grep", "LSP", "Agent", "Task", "LS", "NotebookRead", "TodoWrite", "TodoRead",
            "TaskCreate", "TaskUpdate", "TaskGet", "TaskList", "TaskOutput", "TaskStop", "ToolSearch",
            "ListMcpResourcesTool", "ReadMcpResourceTool", "SendMessage", "CronCreate", "CronDelete", "CronList",
            "EnterPlanMode", "ExitWorktree",
        };

        // File-edit tools: Edit rules cover Write and NotebookEdit (D-PERM "Read and Edit"); MultiEdit is the legacy name.
        private static readonly HashSet<string> s_edits = new HashSet<string>(StringComparer.Ordinal) { "Edit", "Write", "NotebookEdit", "MultiEdit" };

        // Tools whose path argument decides whether the call stays inside the working directory.
        private static readonly HashSet<string> s_pathScoped = new HashSet<string>(StringComparer.Ordinal) { "Read", "Glob", "Grep", "LS", "NotebookRead", "Edit", "Write", "NotebookEdit", "MultiEdit" };

        // Protected paths (D-PM "Protected paths", CC 2.1.240): writes prompt in default/acceptEdits, are not auto-approved
        // in auto, denied in dontAsk, allowed in bypassPermissions.
        private static readonly string[] s_protectedDirectories = { ".git", ".vscode", ".idea", ".husky", ".cargo", ".devcontainer", ".yarn", ".mvn", ".claude" };
        private static readonly HashSet<string> s_protectedFiles = new HashSet<string>(StringComparer.Ordinal)
        {
            ".bashrc", ".bash_profile", ".bash_login", ".bash_logout", ".zshrc", ".zprofile", ".zshenv", ".zlogin", ".profile",
            ".gitconfig", ".gitmodules", ".npmrc", ".mcp.json", ".claude.json",
        };

        // Bash's built-in read-only set runs without a prompt in every mode but bypass (where everything runs) (D-PERM
        // "Read-only commands", CC 2.1.240). AgentGen keeps a conservative subset; anything it cannot show to be read-only asks.
        private static readonly HashSet<string> s_readOnlyCommands = new HashSet<string>(StringComparer.Ordinal)
        {
            "ls", "cat", "head", "tail", "wc", "grep", "egrep", "fgrep", "rg", "pwd", "echo", "which", "whoami", "date",
            "file", "stat", "du", "df", "tree", "sort", "uniq", "cut", "diff", "find", "basename", "dirname", "realpath", "true", "false",
        };

        private static readonly HashSet<string> s_readOnlyGit = new HashSet<string>(StringComparer.Ordinal)
        {
            "status", "diff", "log", "show", "blame", "rev-parse", "ls-files", "grep", "describe", "shortlog",
        };

        /// <summary>
        /// The mode a run of an agent is in. Claude Code 2.1.240 (code.claude.com/docs/en/sub-agents "Permission modes";
        /// /agent-sdk/permissions warning): a parent in <c>bypassPermissions</c>, <c>acceptEdits</c> or <c>auto</c>
        /// "takes precedence and can't be overridden"; otherwise the file's <c>permissionMode</c>, or the parent's mode
        /// when the file has none. Plugin agents ignore <c>permissionMode</c> (same page; AgentGen has no plugin agents).
        /// <c>manual</c> is the alias of <c>default</c> (≥2.1.200; hooks receive <c>"default"</c>).
        /// <see langword="null"/>: neither the app nor the file set a mode, and calls are not mode-gated.
        /// </summary>
        public static AgentPermissionMode? Effective(AgentPermissionMode? parent, AgentPermissionMode? own)
        {
            AgentPermissionMode? p = Normalize(parent);
            AgentPermissionMode? o = Normalize(own);
            if (p is AgentPermissionMode.BypassPermissions or AgentPermissionMode.AcceptEdits or AgentPermissionMode.Auto)
            {
                return p;
            }

            return o ?? p;
        }

        /// <summary><c>manual</c> is <c>default</c> (CC ≥2.1.200).</summary>
        public static AgentPermissionMode? Normalize(AgentPermissionMode? mode) => mode == AgentPermissionMode.Manual ? AgentPermissionMode.Default : mode;

        /// <summary>The name hooks and logs use for a mode (Claude Code's <c>permission_mode</c>; never <c>manual</c>).</summary>
        public static string WireName(AgentPermissionMode? mode) => Normalize(mode) switch
        {
            AgentPermissionMode.AcceptEdits => "acceptEdits",
            AgentPermissionMode.Auto => "auto",
            AgentPermissionMode.DontAsk => "dontAsk",
            AgentPermissionMode.BypassPermissions => "bypassPermissions",
            AgentPermissionMode.Plan => "plan",
            _ => "default",
        };

        /// <summary>
        /// What <paramref name="mode"/> says about a call of <paramref name="toolName"/> with <paramref name="arguments"/>.
        /// <paramref name="projectDirectory"/> is the working directory; <paramref name="memoryDirectory"/>, when the agent
        /// has <c>memory</c>, is its memory directory, where Read, Write and Edit run without asking (inferred from
        /// code.claude.com/docs/en/sub-agents "Enable persistent memory": "Read, Write, and Edit tools are automatically enabled").
        /// </summary>
        public static (PermissionVerdict Verdict, string Reason) Decide(AgentPermissionMode mode, string toolName, IReadOnlyDictionary<string, object?>? arguments, string projectDirectory, string? memoryDirectory = null)
        {
            mode = Normalize(mode) ?? AgentPermissionMode.Default;

            // AskUserQuestion asks whoever answers the user, even in bypassPermissions; dontAsk denies it (S-PERM "How
            // permissions are evaluated" step 3; D-PM dontAsk, CC 2.1.240).
            if (toolName == "AskUserQuestion")
            {
                return mode == AgentPermissionMode.DontAsk
                    ? (PermissionVerdict.Deny, "dontAsk mode denies AskUserQuestion")
                    : (PermissionVerdict.Ask, "AskUserQuestion always goes to the user");
            }

            if (mode == AgentPermissionMode.BypassPermissions)
            {
                return (PermissionVerdict.Allow, "bypassPermissions runs every call");
            }

            string? path = s_pathScoped.Contains(toolName) ? PathArgument(arguments, projectDirectory) : null;
            bool inMemory = path is not null && memoryDirectory is not null && IsUnder(path, memoryDirectory);
            bool inProject = path is null || IsUnder(path, projectDirectory) || inMemory;

            if (inMemory && (s_edits.Contains(toolName) || toolName == "Read"))
            {
                return (PermissionVerdict.Allow, "the agent's memory directory");
            }

            PermissionVerdict notApproved = mode == AgentPermissionMode.DontAsk ? PermissionVerdict.Deny : PermissionVerdict.Ask;

            if (s_noPrompt.Contains(toolName))
            {
                // Read, Glob and Grep prompt outside the working directory (D-TR); auto approves reads (D-PM auto).
                return inProject || mode == AgentPermissionMode.Auto
                    ? (PermissionVerdict.Allow, "a tool that needs no permission")
                    : (notApproved, "a path outside the project directory");
            }

            if (s_edits.Contains(toolName))
            {
                bool inScope = path is not null && inProject && !IsProtected(path, projectDirectory);
                switch (mode)
                {
                    case AgentPermissionMode.AcceptEdits:
                    case AgentPermissionMode.Auto:
                        // acceptEdits: edits inside the working directory run (D-PM acceptEdits); auto: working-directory
                        // edits run, protected paths do not (D-PM auto, Protected paths).
                        return inScope ? (PermissionVerdict.Allow, "a file edit inside the project directory") : (PermissionVerdict.Ask, "a file edit outside the project directory or on a protected path");
                    case AgentPermissionMode.Plan:
                        return (PermissionVerdict.Ask, "plan mode asks for every file edit");
                    default:
                        return (notApproved, "a file edit");
                }
            }

            if (toolName == "Bash")
            {
                // The read-only set runs in every mode (D-PERM "Read-only commands"; D-PM dontAsk, plan).
                return IsReadOnlyCommand(StringArgument(arguments, "command"))
                    ? (PermissionVerdict.Allow, "a read-only command")
                    : (notApproved, "a shell command");
            }

            // Everything else prompts in Manual mode: PowerShell, WebFetch, WebSearch, Skill, Monitor, ExitPlanMode,
            // EnterWorktree, MCP tools ("MCP tools require explicit permission", S-MCP) and the app's own tools. In auto,
            // Claude Code's classifier decides; AgentGen has none, so the app's CanUseTool takes its place.
            return (notApproved, toolName.StartsWith("mcp__", StringComparison.Ordinal) ? "an MCP tool" : "a tool that needs permission");
        }

        /// <summary>Whether every part of <paramref name="command"/> is a read-only command (compound commands are split on <c>&amp;&amp; || ; | &amp;</c> and newlines; D-PERM "Bash").</summary>
        public static bool IsReadOnlyCommand(string? command)
        {
            if (string.IsNullOrWhiteSpace(command))
            {
                return false;
            }

            // Redirections, substitutions and expansions can write or run anything: never read-only here.
            if (command!.IndexOfAny(new[] { '>', '<', '`', '$', '(', ')', '{', '}', '\\' }) >= 0)
            {
                return false;
            }

            foreach (string part in command.Split(new[] { "&&", "||", ";", "|", "&", "\n", "\r" }, StringSplitOptions.None))
            {
                string[] words = part.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                {
                    continue;
                }

                string head = words[0];
                if (head == "git")
                {
                    if (words.Length < 2 || !s_readOnlyGit.Contains(words[1]))
                    {
                        return false;
                    }

                    continue;
                }

                if (!s_readOnlyCommands.Contains(head))
                {
                    return false;
                }

                if (head == "find")
                {
                    foreach (string w in words)
                    {
                        if (w is "-exec" or "-execdir" or "-ok" or "-okdir" or "-delete" or "-fprint" or "-fprintf" or "-fls")
                        {
                            return false;
                        }
                    }
                }
            }

            return true;
        }

        /// <summary>Whether <paramref name="path"/> is inside a protected directory or is a protected file (D-PM "Protected paths"; <c>.claude/worktrees</c> excepted).</summary>
        public static bool IsProtected(string path, string projectDirectory)
        {
            string relative = Relative(path, projectDirectory).Replace('\\', '/');
            string[] parts = relative.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 0 && s_protectedFiles.Contains(parts[parts.Length - 1]))
            {
                return true;
            }

            for (int i = 0; i < parts.Length - 1; i++)
            {
                if (parts[i] == ".config" && parts[i + 1] == "git")
                {
                    return true;
                }

                if (Array.IndexOf(s_protectedDirectories, parts[i]) >= 0)
                {
                    return !(parts[i] == ".claude" && parts[i + 1] == "worktrees");
                }
            }

            return false;
        }

        /// <summary>The call's path argument (<c>file_path</c>, <c>notebook_path</c> or <c>path</c>), made absolute against the project directory.</summary>
        internal static string? PathArgument(IReadOnlyDictionary<string, object?>? arguments, string projectDirectory)
        {
            string? value = StringArgument(arguments, "file_path") ?? StringArgument(arguments, "notebook_path") ?? StringArgument(arguments, "path");
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(Path.Combine(projectDirectory, value));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // An unusable path is outside every directory.
                return "\0" + value;
            }
        }

        internal static string? StringArgument(IReadOnlyDictionary<string, object?>? arguments, string name)
        {
            if (arguments is null || !arguments.TryGetValue(name, out object? value) || value is null)
            {
                return null;
            }

            return value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
                JsonElement e => e.GetRawText(),
                _ => value.ToString(),
            };
        }

        internal static bool IsUnder(string path, string directory)
        {
            string dir = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            StringComparison comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(path, dir, comparison)
                || (path.StartsWith(dir, comparison) && path.Length > dir.Length && (path[dir.Length] == Path.DirectorySeparatorChar || path[dir.Length] == Path.AltDirectorySeparatorChar));
        }

        private static string Relative(string path, string directory)
        {
            string dir = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return IsUnder(path, dir) && path.Length > dir.Length ? path.Substring(dir.Length + 1) : path;
        }
    }
}
