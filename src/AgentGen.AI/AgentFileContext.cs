using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.Logging;

namespace AgentGen.AI
{
    /// <summary>
    /// What an agent's file adds to its context at the start of a run: the preloaded <c>skills</c> and its
    /// <c>memory</c>. Read from disk at each run, as Claude Code reads them at each subagent start.
    /// </summary>
    internal static class AgentFileContext
    {
        /// <summary>The cap on <c>MEMORY.md</c> put into the instructions: 200 lines or 25 KB, whichever comes first (code.claude.com/docs/en/sub-agents "Enable persistent memory"; /memory, CC 2.1.240).</summary>
        public const int MemoryMaxLines = 200;

        /// <summary>See <see cref="MemoryMaxLines"/>.</summary>
        public const int MemoryMaxBytes = 25 * 1024;

        private static readonly Action<ILogger, string, string, string, Exception?> s_logSkillSkipped = LoggerMessage.Define<string, string, string>(
            LogLevel.Warning, new EventId(30, "SkillSkipped"), "Agent '{AgentName}': skill '{Skill}' was not preloaded: {Reason}");

        /// <summary>
        /// The agent's memory directory, as Claude Code lays it out (D-SUB "Enable persistent memory", field added in
        /// CC 2.1.33): <c>user</c> = <c>~/.claude/agent-memory/&lt;name&gt;/</c>, <c>project</c> =
        /// <c>.claude/agent-memory/&lt;name&gt;/</c>, <c>local</c> = <c>.claude/agent-memory-local/&lt;name&gt;/</c>.
        /// </summary>
        public static string? MemoryDirectory(AgentMemoryScope? scope, string agentName, string projectDirectory)
        {
            // A name with ':' (plugin-scoped) is not a valid file name everywhere; Claude Code's sanitising is undocumented.
            string folder = agentName.Replace(':', '_');
            return scope switch
            {
                AgentMemoryScope.User => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".claude", "agent-memory", folder),
                AgentMemoryScope.Project => Path.Combine(projectDirectory, ".claude", "agent-memory", folder),
                AgentMemoryScope.Local => Path.Combine(projectDirectory, ".claude", "agent-memory-local", folder),
                _ => null,
            };
        }

        /// <summary>
        /// The text added to the agent's instructions for a run: each preloaded skill's full <c>SKILL.md</c> content
        /// (D-SUB "Preload skills into subagents": the full content, not the description), then the memory
        /// instructions with the head of <c>MEMORY.md</c>. <see langword="null"/> when there is nothing to add.
        /// </summary>
        public static string? Build(string agentName, IReadOnlyList<string> skills, AgentMemoryScope? memory, string projectDirectory, ILogger? logger)
        {
            var sb = new StringBuilder();
            foreach (string skill in skills)
            {
                string? content = ReadSkill(agentName, skill, projectDirectory, logger);
                if (content is not null)
                {
                    sb.Append("\n\n<skill name=\"").Append(skill).Append("\">\n").Append(content.Trim()).Append("\n</skill>");
                }
            }

            string? memoryDirectory = MemoryDirectory(memory, agentName, projectDirectory);
            if (memoryDirectory is not null)
            {
                sb.Append("\n\n").Append(MemoryInstructions(memoryDirectory));
            }

            return sb.Length == 0 ? null : sb.ToString().TrimStart('\n');
        }

        /// <summary>
        /// A skill's <c>SKILL.md</c> under <c>.claude/skills/&lt;name&gt;/</c> of the project (D-SK "Where skills live"), its
        /// frontmatter removed and <c>${CLAUDE_SKILL_DIR}</c>/<c>${CLAUDE_PROJECT_DIR}</c> substituted; <see langword="null"/>
        /// with a logged warning when it is missing or marks <c>disable-model-invocation</c> (D-SUB: "skipped, with a
        /// warning in the debug log"; booleans also as yes/no/on/off/1/0, CC ≥2.1.218).
        /// </summary>
        public static string? ReadSkill(string agentName, string skill, string projectDirectory, ILogger? logger)
        {
            if (skill.Length == 0 || skill.IndexOfAny(new[] { '/', '\\' }) >= 0 || skill == "." || skill == "..")
            {
                Warn(logger, agentName, skill, "not a skill directory name");
                return null;
            }

            string directory = Path.Combine(projectDirectory, ".claude", "skills", skill);
            string file = Path.Combine(directory, "SKILL.md");
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Warn(logger, agentName, skill, $"no {file}");
                return null;
            }

            string body = SplitFrontmatter(text, out string? frontmatter);
            if (frontmatter is not null && IsTrue(FrontmatterValue(frontmatter, "disable-model-invocation")))
            {
                Warn(logger, agentName, skill, "it sets disable-model-invocation, so it cannot be preloaded");
                return null;
            }

            return body.Replace("${CLAUDE_SKILL_DIR}", directory).Replace("${CLAUDE_PROJECT_DIR}", projectDirectory);
        }

        /// <summary>
        /// The memory instructions (the exact wording Claude Code uses is undocumented): where the directory is, that
        /// <c>MEMORY.md</c> is its index, and the first 200 lines / 25 KB of it.
        /// </summary>
        public static string MemoryInstructions(string memoryDirectory)
        {
            string index = Path.Combine(memoryDirectory, "MEMORY.md");
            var sb = new StringBuilder();
            sb.Append("# Agent memory\n\n")
              .Append("You have a persistent memory directory at ").Append(memoryDirectory).Append(". Use the Read, Write and Edit tools there to keep what you learn across runs. ")
              .Append("MEMORY.md in that directory is the index: keep it short (only its first ").Append(MemoryMaxLines).Append(" lines or ").Append(MemoryMaxBytes / 1024)
              .Append(" KB are loaded at the start of a run) and put details in topic files it links to.\n");
            string? head = ReadMemoryHead(index, out bool truncated);
            if (head is null)
            {
                sb.Append("\nMEMORY.md does not exist yet.");
            }
            else
            {
                sb.Append("\nContents of MEMORY.md:\n\n").Append(head);
                if (truncated)
                {
                    sb.Append("\n\n(MEMORY.md is longer than what is loaded: rewrite it to fit.)");
                }
            }

            return sb.ToString();
        }

        /// <summary>The first 200 lines or 25 KB of <paramref name="path"/>, whichever comes first; <see langword="null"/> when it cannot be read.</summary>
        public static string? ReadMemoryHead(string path, out bool truncated)
        {
            truncated = false;
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            int lines = 0;
            int bytes = 0;
            int end = 0;
            while (end < text.Length)
            {
                char c = text[end];
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : char.IsSurrogate(c) ? 2 : 3;
                if (bytes + size > MemoryMaxBytes)
                {
                    truncated = true;
                    break;
                }

                bytes += size;
                end++;
                if (c == '\n' && ++lines == MemoryMaxLines)
                {
                    truncated = end < text.Length;
                    break;
                }
            }

            // Never cut a surrogate pair in half.
            if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            return text.Substring(0, end).TrimEnd('\n', '\r');
        }

        internal static string SplitFrontmatter(string text, out string? frontmatter)
        {
            frontmatter = null;
            string t = text.TrimStart('\uFEFF');
            if (!t.StartsWith("---", StringComparison.Ordinal))
            {
                return t;
            }

            int firstBreak = t.IndexOf('\n');
            if (firstBreak < 0 || t.Substring(0, firstBreak).Trim() != "---")
            {
                return t;
            }

            int pos = firstBreak + 1;
            while (pos <= t.Length)
            {
                int next = t.IndexOf('\n', pos);
                string line = (next < 0 ? t.Substring(pos) : t.Substring(pos, next - pos)).TrimEnd('\r');
                if (line == "---" || line == "...")
                {
                    frontmatter = t.Substring(firstBreak + 1, pos - firstBreak - 1);
                    return next < 0 ? string.Empty : t.Substring(next + 1);
                }

                if (next < 0)
                {
                    break;
                }

                pos = next + 1;
            }

            return t;
        }

        /// <summary>A top-level scalar of simple frontmatter (<c>key: value</c>), unquoted; <see langword="null"/> when absent.</summary>
        internal static string? FrontmatterValue(string frontmatter, string key)
        {
            foreach (string raw in frontmatter.Split('\n'))
            {
                string line = raw.TrimEnd('\r');
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    string value = line.Substring(key.Length + 1).Trim();
                    int comment = value.IndexOf(" #", StringComparison.Ordinal);
                    if (comment >= 0)
                    {
                        value = value.Substring(0, comment).Trim();
                    }

                    return value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0] ? value.Substring(1, value.Length - 2) : value;
                }
            }

            return null;
        }

        internal static bool IsTrue(string? value)
            => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
                || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value == "1");

        private static void Warn(ILogger? logger, string agentName, string skill, string reason)
        {
            if (logger is not null)
            {
                s_logSkillSkipped(logger, agentName, skill, reason, null);
            }
        }
    }
}
