using System;
using System.Collections.Generic;
using AgentGen.Common;

namespace AgentGen.Catalog
{
    /// <summary>What a known frontmatter field may hold.</summary>
    internal enum FieldKind
    {
        Text,
        ToolList,
        Integer,
        Boolean,
        StringList,
        Choice,
        Map,
        ServerList,
    }

    internal sealed class FieldInfo
    {
        public FieldInfo(string name, FieldKind kind, params string[] choices)
        {
            Name = name;
            Kind = kind;
            Choices = choices;
        }

        public string Name { get; }

        public FieldKind Kind { get; }

        public string[] Choices { get; }
    }

    /// <summary>The frontmatter fields Claude Code knows (docs/catalogue.md), as data.</summary>
    internal static class FieldCatalog
    {
        public static readonly FieldInfo[] Fields =
        {
            new("name", FieldKind.Text),
            new("description", FieldKind.Text),
            new("tools", FieldKind.ToolList),
            new("disallowedTools", FieldKind.ToolList),
            new("model", FieldKind.Text),
            new("permissionMode", FieldKind.Choice, "default", "acceptEdits", "auto", "dontAsk", "bypassPermissions", "plan", "manual"),
            new("maxTurns", FieldKind.Integer),
            new("skills", FieldKind.StringList),
            new("mcpServers", FieldKind.ServerList),
            new("hooks", FieldKind.Map),
            new("memory", FieldKind.Choice, "user", "project", "local"),
            new("background", FieldKind.Boolean),
            new("omitClaudeMd", FieldKind.Boolean),
            new("effort", FieldKind.Choice, "low", "medium", "high", "xhigh", "max"),
            new("isolation", FieldKind.Choice, "worktree"),
            new("color", FieldKind.Choice, "red", "blue", "green", "yellow", "purple", "orange", "pink", "cyan"),
            new("initialPrompt", FieldKind.Text),
            new("experimental", FieldKind.Map),
        };

        private static readonly Dictionary<string, FieldInfo> ByName = Build();

        // Every agent file with an unknown field asks SuggestFor (AGEN014 or AGEN015): the field
        // names and their squashed forms are computed once.
        private static readonly string[] Names = Array.ConvertAll(Fields, f => f.Name);
        private static readonly string[] SquashedNames = Array.ConvertAll(Fields, f => NameKey.Of(f.Name));

        public static bool TryGet(string name, out FieldInfo field) => ByName.TryGetValue(name, out field!);

        /// <summary>
        /// The known field an unknown key most likely meant: same letters ignoring case and
        /// <c>_</c>/<c>-</c> (<c>Tools</c>, <c>disallowed_tools</c>, <c>max_turns</c>), or within a
        /// small edit distance. Null when nothing is close.
        /// </summary>
        public static string? SuggestFor(string key)
        {
            string squashed = NameKey.Of(key);
            for (int i = 0; i < Fields.Length; i++)
            {
                if (string.Equals(SquashedNames[i], squashed, StringComparison.Ordinal))
                {
                    return Fields[i].Name;
                }
            }

            return Suggestions.Closest(key, Names, ignoreCase: true);
        }

        private static Dictionary<string, FieldInfo> Build()
        {
            var map = new Dictionary<string, FieldInfo>(StringComparer.Ordinal);
            foreach (FieldInfo f in Fields)
            {
                map[f.Name] = f;
            }

            return map;
        }
    }
}
