using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// An agent file's own <c>hooks</c> of <c>type: command</c>, run as real processes the way Claude Code 2.1.240 runs
    /// them (code.claude.com/docs/en/hooks "Hook handler fields", "Exit code output", "JSON output"; /sub-agents "Hooks in
    /// subagent frontmatter"): the event's input as JSON on stdin (Claude Code's field names), the working directory the
    /// project directory, <c>CLAUDE_PROJECT_DIR</c> set and <c>OTEL_*</c> removed, 600 s unless the handler says
    /// <c>timeout</c> (seconds). Exit 0: stdout is parsed when it is a JSON object. Exit 2: blocking; stderr is the
    /// reason. Any other exit, a process that cannot start, or a timeout: no decision (logged), the call proceeds
    /// (the 2.1.295 <c>onFailure: "block"</c> is not followed). Only <c>type: command</c> runs; <c>http</c>,
    /// <c>prompt</c>, <c>agent</c> and <c>mcp_tool</c> handlers are skipped with a warning.
    /// </summary>
    internal sealed class CommandHooks
    {
        /// <summary>Claude Code's default command-hook timeout (D-HK "Default timeouts", CC 2.1.240).</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

        private static readonly Action<ILogger, string, string, Exception?> s_logSkipped = LoggerMessage.Define<string, string>(
            LogLevel.Warning, new EventId(20, "HookSkipped"), "Agent '{AgentName}': hook skipped: {Reason}");

        private static readonly Action<ILogger, string, string, string, Exception?> s_logFailed = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning, new EventId(21, "HookError"), "Agent '{AgentName}': {Event} hook error: {Message}");

        private readonly List<Group> _groups;

        private CommandHooks(List<Group> groups) => _groups = groups;

        public bool IsEmpty => _groups.Count == 0;

        /// <summary>
        /// The command hooks of <paramref name="hooksJson"/> (the file's <c>hooks</c> map as JSON). Malformed parts and
        /// handlers other than <c>command</c> are skipped with a warning; <see langword="null"/> when none is left.
        /// </summary>
        public static CommandHooks? Parse(string? hooksJson, string agentName, ILogger? logger)
        {
            if (string.IsNullOrWhiteSpace(hooksJson))
            {
                return null;
            }

            JsonNode? root;
            try
            {
                root = JsonNode.Parse(hooksJson!);
            }
            catch (JsonException e)
            {
                Skip(logger, agentName, "the hooks are not valid JSON: " + e.Message);
                return null;
            }

            var groups = new List<Group>();
            if (root is JsonObject events)
            {
                foreach (KeyValuePair<string, JsonNode?> ev in events)
                {
                    if (ev.Value is not JsonArray matchers)
                    {
                        Skip(logger, agentName, $"'{ev.Key}' is not a list of matcher groups");
                        continue;
                    }

                    foreach (JsonNode? m in matchers)
                    {
                        if (m is not JsonObject group || group["hooks"] is not JsonArray handlers)
                        {
                            Skip(logger, agentName, $"a '{ev.Key}' entry has no 'hooks' list");
                            continue;
                        }

                        string? matcher = Text(group["matcher"]);
                        foreach (JsonNode? h in handlers)
                        {
                            if (h is not JsonObject handler)
                            {
                                continue;
                            }

                            string type = Text(handler["type"]) ?? "command";
                            string? command = Text(handler["command"]);
                            if (type != "command" || string.IsNullOrWhiteSpace(command))
                            {
                                Skip(logger, agentName, type != "command"
                                    ? $"'{ev.Key}' handler of type '{type}' (AgentGen runs only type: command)"
                                    : $"a '{ev.Key}' command handler has no command");
                                continue;
                            }

                            TimeSpan timeout = handler["timeout"] is JsonValue t && t.TryGetValue(out double seconds) && seconds > 0
                                ? TimeSpan.FromSeconds(seconds)
                                : DefaultTimeout;
                            var args = new List<string>();
                            bool execForm = false;
                            if (handler["args"] is JsonArray list)
                            {
                                execForm = true;
                                foreach (JsonNode? a in list)
                                {
                                    args.Add(Text(a) ?? string.Empty);
                                }
                            }

                            groups.Add(new Group(ev.Key, new HookMatcher(matcher), command!, execForm ? args : null, timeout, Text(handler["if"])));
                        }
                    }
                }
            }
            else
            {
                Skip(logger, agentName, "the hooks are not a map of events");
            }

            return groups.Count == 0 ? null : new CommandHooks(groups);
        }

        /// <summary>The handlers of <paramref name="hookEvent"/> whose matcher matches <paramref name="subject"/> (tool name or agent name).</summary>
        public IReadOnlyList<Group> For(string hookEvent, string subject, IReadOnlyDictionary<string, object?>? toolInput)
        {
            var result = new List<Group>();
            foreach (Group g in _groups)
            {
                if (g.Event == hookEvent && g.Matcher.Matches(subject) && (g.If is null || IfMatches(g.If, subject, toolInput)))
                {
                    result.Add(g);
                }
            }

            return result;
        }

        /// <summary>
        /// A handler's <c>if</c>: one permission-rule pattern, <c>Tool</c> or <c>Tool(specifier)</c>, with <c>*</c> as a
        /// wildcard over the call's command, path or URL (D-HK "Hook handler fields"; D-PERM "Permission rule syntax").
        /// </summary>
        internal static bool IfMatches(string rule, string toolName, IReadOnlyDictionary<string, object?>? input)
        {
            rule = rule.Trim();
            int open = rule.IndexOf('(');
            if (open < 0)
            {
                return rule == toolName;
            }

            if (!rule.EndsWith(")", StringComparison.Ordinal) || rule.Substring(0, open) != toolName)
            {
                return false;
            }

            string spec = rule.Substring(open + 1, rule.Length - open - 2);
            if (spec.EndsWith(":*", StringComparison.Ordinal))
            {
                spec = spec.Substring(0, spec.Length - 2) + " *";
            }

            string? value = PermissionModeRules.StringArgument(input, "command") ?? PermissionModeRules.StringArgument(input, "file_path")
                ?? PermissionModeRules.StringArgument(input, "path") ?? PermissionModeRules.StringArgument(input, "url");
            if (value is null)
            {
                return false;
            }

            string pattern = "^" + System.Text.RegularExpressions.Regex.Escape(spec).Replace("\\*", ".*") + "$";
            if (spec.EndsWith(" *", StringComparison.Ordinal))
            {
                // A trailing " *" also matches the bare command ("git *" matches "git").
                pattern = "^" + System.Text.RegularExpressions.Regex.Escape(spec.Substring(0, spec.Length - 2)) + "( .*)?$";
            }

            return System.Text.RegularExpressions.Regex.IsMatch(value, pattern, System.Text.RegularExpressions.RegexOptions.Singleline);
        }

        /// <summary>Runs one handler with <paramref name="input"/> on stdin.</summary>
        public static async Task<HookRun> RunAsync(Group handler, JsonObject input, string projectDirectory, string agentName, ILogger? logger, CancellationToken cancellationToken)
        {
            var psi = new ProcessStartInfo
            {
                WorkingDirectory = projectDirectory,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };

            if (handler.Args is not null)
            {
                // Exec form: no shell.
                psi.FileName = handler.Command;
                psi.Arguments = string.Join(" ", Quote(handler.Args));
            }
            else if (Path.DirectorySeparatorChar == '\\')
            {
                psi.FileName = "cmd.exe";
                psi.Arguments = "/d /s /c \"" + handler.Command + "\"";
            }
            else
            {
                psi.FileName = File.Exists("/bin/bash") ? "/bin/bash" : "/bin/sh";
                psi.Arguments = "-c " + Quote(new[] { handler.Command })[0];
            }

            var strip = new List<string>();
            foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            {
                if (e.Key is string key && key.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase))
                {
                    strip.Add(key);
                }
            }

            foreach (string key in strip)
            {
                psi.Environment.Remove(key);
            }

            psi.Environment["CLAUDE_PROJECT_DIR"] = projectDirectory;

            Process process;
            try
            {
                process = Process.Start(psi) ?? throw new InvalidOperationException("the process did not start");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                s_logFailed(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, agentName, handler.Event, "cannot start '" + handler.Command + "': " + e.Message, null);
                return HookRun.NoDecision;
            }

            using (process)
            {
                Task<string> stdout = process.StandardOutput.ReadToEndAsync();
                Task<string> stderr = process.StandardError.ReadToEndAsync();
                try
                {
                    await process.StandardInput.WriteAsync(input.ToJsonString()).ConfigureAwait(false);
                    process.StandardInput.Close();
                }
                catch (IOException)
                {
                    // The hook exited without reading its input.
                }

                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(handler.Timeout);
                var exited = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                process.EnableRaisingEvents = true;
                process.Exited += (_, _) => exited.TrySetResult(true);
                if (process.HasExited)
                {
                    exited.TrySetResult(true);
                }

                using (timeout.Token.Register(() => exited.TrySetResult(false)))
                {
                    if (!await exited.Task.ConfigureAwait(false))
                    {
                        Kill(process);
                        cancellationToken.ThrowIfCancellationRequested();
                        s_logFailed(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, agentName, handler.Event, $"'{handler.Command}' timed out after {handler.Timeout.TotalSeconds:0.###} s; no decision", null);
                        return HookRun.NoDecision;
                    }
                }

                process.WaitForExit();
                string output = await stdout.ConfigureAwait(false);
                string error = await stderr.ConfigureAwait(false);
                int code = process.ExitCode;
                if (code == 2)
                {
                    // Exit 2 blocks; JSON cannot override it; stderr is the reason the model sees.
                    return new HookRun(HookPermission.Deny, error.Trim().Length == 0 ? $"Blocked by hook '{handler.Command}'." : error.Trim(), null, blocked: true, additionalContext: null);
                }

                HookRun? json = ParseJsonOutput(output, handler.Event);
                if (json is not null)
                {
                    // A valid JSON object on stdout is honoured whatever the exit code.
                    return json;
                }

                if (code != 0)
                {
                    string first = error.Split('\n')[0].Trim();
                    s_logFailed(logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, agentName, handler.Event, $"'{handler.Command}' exited with {code}: {first}", null);
                }

                return HookRun.NoDecision;
            }
        }

        /// <summary>
        /// The hook's JSON output (D-HK "JSON output", "PreToolUse decision control"): <c>hookSpecificOutput</c>'s
        /// <c>permissionDecision</c> (allow, deny, ask; defer is taken as no decision), <c>permissionDecisionReason</c>,
        /// <c>updatedInput</c>, <c>additionalContext</c>; the legacy top-level <c>decision: approve|block</c> and
        /// <c>reason</c>; <c>continue: false</c> stops (taken as a block with <c>stopReason</c>).
        /// </summary>
        internal static HookRun? ParseJsonOutput(string output, string hookEvent)
        {
            string trimmed = output.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] != '{')
            {
                return null;
            }

            JsonObject? o;
            try
            {
                o = JsonNode.Parse(trimmed) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }

            if (o is null)
            {
                return null;
            }

            HookPermission permission = HookPermission.None;
            string? reason = Text(o["reason"]);
            Dictionary<string, object?>? updated = null;
            string? context = null;
            if (o["hookSpecificOutput"] is JsonObject specific)
            {
                permission = Text(specific["permissionDecision"]) switch
                {
                    "allow" => HookPermission.Allow,
                    "deny" => HookPermission.Deny,
                    "ask" => HookPermission.Ask,
                    _ => HookPermission.None,
                };
                reason = Text(specific["permissionDecisionReason"]) ?? reason;
                context = Text(specific["additionalContext"]);
                if (specific["updatedInput"] is JsonObject input)
                {
                    updated = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (KeyValuePair<string, JsonNode?> p in input)
                    {
                        updated[p.Key] = p.Value is null ? null : JsonSerializer.Deserialize<JsonElement>(p.Value.ToJsonString());
                    }
                }
            }

            bool blocked = false;
            switch (Text(o["decision"]))
            {
                case "block":
                    blocked = true;
                    if (permission == HookPermission.None)
                    {
                        permission = HookPermission.Deny;
                    }

                    break;
                case "approve":
                    if (permission == HookPermission.None)
                    {
                        permission = HookPermission.Allow;
                    }

                    break;
            }

            if (o["continue"] is JsonValue c && c.TryGetValue(out bool go) && !go)
            {
                blocked = true;
                permission = HookPermission.Deny;
                reason = Text(o["stopReason"]) ?? reason;
            }

            if (permission == HookPermission.Deny && string.IsNullOrWhiteSpace(reason))
            {
                reason = "Blocked by a " + hookEvent + " hook.";
            }

            return new HookRun(permission, reason, updated, blocked, context);
        }

        private static void Kill(Process process)
        {
            try
            {
#if NET
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Could not be killed; nothing more to do.
            }
        }

        private static List<string> Quote(IEnumerable<string> args)
        {
            var quoted = new List<string>();
            foreach (string a in args)
            {
                var sb = new StringBuilder("\"");
                foreach (char ch in a)
                {
                    if (ch == '"' || ch == '\\')
                    {
                        sb.Append('\\');
                    }

                    sb.Append(ch);
                }

                quoted.Add(sb.Append('"').ToString());
            }

            return quoted;
        }

        private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

        private static void Skip(ILogger? logger, string agentName, string reason)
        {
            if (logger is not null)
            {
                s_logSkipped(logger, agentName, reason, null);
            }
        }

        /// <summary>One command handler under one event and matcher.</summary>
        internal sealed class Group
        {
            public Group(string hookEvent, HookMatcher matcher, string command, List<string>? args, TimeSpan timeout, string? ifRule)
            {
                Event = hookEvent;
                Matcher = matcher;
                Command = command;
                Args = args;
                Timeout = timeout;
                If = ifRule;
            }

            public string Event { get; }

            public HookMatcher Matcher { get; }

            public string Command { get; }

            public List<string>? Args { get; }

            public TimeSpan Timeout { get; }

            public string? If { get; }
        }
    }

    /// <summary>The outcome of one hook.</summary>
    internal sealed class HookRun
    {
        public static readonly HookRun NoDecision = new HookRun(HookPermission.None, null, null, blocked: false, additionalContext: null);

        public HookRun(HookPermission permission, string? reason, IReadOnlyDictionary<string, object?>? changedArguments, bool blocked, string? additionalContext)
        {
            Permission = permission;
            Reason = reason;
            ChangedArguments = changedArguments;
            Blocked = blocked;
            AdditionalContext = additionalContext;
        }

        public HookPermission Permission { get; }

        public string? Reason { get; }

        public IReadOnlyDictionary<string, object?>? ChangedArguments { get; }

        /// <summary>Exit 2 or <c>decision: "block"</c>: for PostToolUse the reason goes to the model, for Stop the agent keeps working.</summary>
        public bool Blocked { get; }

        public string? AdditionalContext { get; }
    }
}
