using System;
using System.Collections.Generic;

namespace AgentGen.Catalog
{
    /// <summary>Which product's rules an agent file follows (metadata <c>AgentGenDialect</c>).</summary>
    internal enum AgentDialect
    {
        /// <summary>Claude Code: <c>.claude/agents/*.md</c>.</summary>
        Claude,

        /// <summary>GitHub Copilot / VS Code: <c>.github/agents/*.agent.md</c>.</summary>
        Copilot,
    }

    /// <summary>
    /// GitHub Copilot's custom-agent format as data. Source: GitHub's "Custom agents configuration"
    /// reference (github/docs content/copilot/reference/custom-agents-configuration.md, 2026,
    /// checked 2026-12-01) and VS Code's custom-agents page (DateApproved 7/29/2026) and tools
    /// reference (9/20/2026).
    /// </summary>
    internal static class CopilotCatalog
    {
        /// <summary>
        /// The tool aliases and what they grant in Claude Code names (GitHub's "Tool aliases" table:
        /// "All aliases are case insensitive"). A compatible alias is a name of the same primary
        /// alias, so it grants the same tools (<c>Write</c> is an alias of <c>edit</c>). The Claude
        /// Code names follow docs/catalogue.md (<c>edit</c> -> Edit and Write, <c>execute</c> -> Bash).
        /// </summary>
        private static readonly Dictionary<string, string[]> Aliases = BuildAliases();

        /// <summary>Frontmatter fields Copilot or VS Code know (beyond name, description, tools, model, which AgentGen models).</summary>
        public static readonly string[] OtherFields =
        {
            "target", "disable-model-invocation", "user-invocable", "infer", "mcp-servers", "metadata",
            "argument-hint", "handoffs", "agents", "hooks",
        };

        /// <summary>The primary aliases, for "did you mean" suggestions.</summary>
        public static readonly string[] PrimaryAliases = { "execute", "read", "edit", "search", "agent", "web", "todo", "todos" };

        /// <summary>The dialect of a file from its metadata, or, when absent, from its path (<c>*.agent.md</c> is Copilot; docs/configuration.md).</summary>
        public static AgentDialect DialectOf(string? metadata, string path)
        {
            string value = (metadata ?? string.Empty).Trim();
            if (string.Equals(value, "Copilot", StringComparison.OrdinalIgnoreCase))
            {
                return AgentDialect.Copilot;
            }

            if (string.Equals(value, "Claude", StringComparison.OrdinalIgnoreCase))
            {
                return AgentDialect.Claude;
            }

            return (path ?? string.Empty).EndsWith(".agent.md", StringComparison.OrdinalIgnoreCase) ? AgentDialect.Copilot : AgentDialect.Claude;
        }

        /// <summary>The agent's name when the file has no <c>name</c>: the file name minus <c>.agent.md</c> or <c>.md</c> (GitHub: "The configuration file's name (minus .md or .agent.md)").</summary>
        public static string NameFromPath(string path)
        {
            string p = path ?? string.Empty;
            int slash = Math.Max(p.LastIndexOf('/'), p.LastIndexOf('\\'));
            string file = slash >= 0 ? p.Substring(slash + 1) : p;
            foreach (string ext in new[] { ".agent.md", ".md" })
            {
                if (file.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && file.Length > ext.Length)
                {
                    return file.Substring(0, file.Length - ext.Length);
                }
            }

            return file;
        }

        /// <summary>
        /// The Claude Code tool names a Copilot <c>tools</c> entry grants: an alias (any case), a
        /// tool of a tool set (<c>read/readFile</c>, VS Code), an MCP tool <c>server/tool</c> or a
        /// whole server <c>server/*</c>, or <c>*</c> (every tool). False for a name Copilot does not
        /// recognize (which Copilot ignores).
        /// </summary>
        public static bool TryMap(string entry, out string[] claudeNames)
        {
            claudeNames = Array.Empty<string>();
            string name = (entry ?? string.Empty).Trim();
            if (name.Length == 0)
            {
                return false;
            }

            if (name == "*")
            {
                claudeNames = new[] { "*" };
                return true;
            }

            if (Aliases.TryGetValue(name, out string[]? mapped))
            {
                claudeNames = mapped;
                return true;
            }

            int slash = name.IndexOf('/');
            if (slash > 0 && slash < name.Length - 1 && name.IndexOf('/', slash + 1) < 0)
            {
                string server = name.Substring(0, slash);
                string tool = name.Substring(slash + 1);

                // VS Code qualifies a tool by its tool set: read/readFile is part of 'read'.
                if (Aliases.TryGetValue(server, out string[]? set) && Array.IndexOf(PrimaryAliases, server.ToLowerInvariant()) >= 0)
                {
                    claudeNames = set;
                    return true;
                }

                if (IsMcpPart(server) && (tool == "*" || IsMcpPart(tool)))
                {
                    claudeNames = new[] { tool == "*" ? "mcp__" + server : "mcp__" + server + "__" + tool };
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every name <see cref="TryMap"/> knows, for suggestions.</summary>
        public static IEnumerable<string> KnownNames() => Aliases.Keys;

        private static bool IsMcpPart(string part)
        {
            foreach (char c in part)
            {
                if (char.IsWhiteSpace(c) || c is '(' or ')' or ',' or '*' or '/')
                {
                    return false;
                }
            }

            return part.Length > 0;
        }

        private static Dictionary<string, string[]> BuildAliases()
        {
            var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            void Add(string[] grants, params string[] names)
            {
                foreach (string n in names)
                {
                    map[n] = grants;
                }
            }

            Add(new[] { "Bash" }, "execute", "shell", "Bash", "powershell");
            Add(new[] { "Read" }, "read", "NotebookRead");
            Add(new[] { "Edit", "Write" }, "edit", "MultiEdit", "Write", "NotebookEdit");
            Add(new[] { "Grep", "Glob" }, "search", "Grep", "Glob");
            Add(new[] { "Agent" }, "agent", "custom-agent", "Task");
            Add(new[] { "WebFetch", "WebSearch" }, "web", "WebSearch", "WebFetch");
            Add(new[] { "TodoWrite" }, "todo", "TodoWrite", "todos"); // 'todos': VS Code's tool set name (tools reference, 9/20/2026)
            return map;
        }
    }
}
