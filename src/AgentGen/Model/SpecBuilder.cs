using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Shared;

namespace AgentGen.Model
{
    /// <summary>Turns the project plan into emit specs: one per agent, one per request type, and the project types.</summary>
    internal static class SpecBuilder
    {
        public static ProjectSpec Build(ProjectPlan plan, GeneratorOptions options, bool jsonAttributes)
        {
            var agents = new List<AgentSpec>();
            var catalog = new List<CatalogEntry>();

            // Roslyn compares hint names ignoring case: "a-b" (ABAgent) and "ab" (AbAgent) need distinct ones.
            var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AgentTool.g.cs", "AgentCatalog.g.cs", "IsExternalInit.g.cs" };
            foreach (AgentFileModel agent in plan.Agents)
            {
                agents.Add(BuildAgent(agent, plan, options) with { HintName = UniqueHintName(agent.ClassName, hintNames) });
                catalog.Add(new CatalogEntry(agent.Name, agent.ClassName, Naming.CatalogPropertyName(agent.ClassName)));
            }

            var messages = new List<MessageSpec>();
            foreach (MessageGroup group in plan.Messages)
            {
                var sources = new SortedSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, MessageModel> o in group.Occurrences)
                {
                    sources.Add(RelativeSource(o.Key, options.ProjectDir));
                }

                List<RecordSpec> records = RecordNames.Build(group.TypeName, group.RequestType, group.Shape, jsonAttributes);
                messages.Add(new MessageSpec(options.Namespace, options.Accessibility, jsonAttributes, group.RequestType, sources.ToEquatableArray(), records.ToEquatableArray())
                {
                    HintName = UniqueHintName(group.TypeName, hintNames),
                });
            }

            return new ProjectSpec(
                agents.ToEquatableArray(),
                new ToolEnumSpec(options.Namespace, options.Accessibility, plan.ToolMembers.ToEquatableArray()),
                new CatalogSpec(options.Namespace, options.Accessibility, catalog.ToEquatableArray()),
                messages.ToEquatableArray());
        }

        private static AgentSpec BuildAgent(AgentFileModel agent, ProjectPlan plan, GeneratorOptions options)
        {
            var tools = new List<ToolRef>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string t in agent.Tools)
            {
                string name = AgentToolRules.Canonicalize(t);
                if (plan.MemberByTool.TryGetValue(name, out string? member) && seen.Add(member))
                {
                    tools.Add(new ToolRef(name, member));
                }
            }

            // The nested Tool enum: what the agent may really use. An agent that inherits every tool
            // gets the catalogue (not other files' tools, so its code does not depend on them).
            var allowed = new List<ToolRef>();
            IEnumerable<ToolRef> candidates = agent.InheritsAllTools ? CatalogTools(plan, options) : tools;
            foreach (ToolRef t in candidates)
            {
                if (AgentToolRules.Allows(agent.InheritsAllTools, agent.Tools, agent.DisallowedTools, t.Name))
                {
                    allowed.Add(t);
                }
            }

            return new AgentSpec(agent, options.Namespace, options.Accessibility, agent.ClassName, RelativeSource(agent.Path, options.ProjectDir), tools.ToEquatableArray(), allowed.ToEquatableArray());
        }

        private static IEnumerable<ToolRef> CatalogTools(ProjectPlan plan, GeneratorOptions options)
        {
            foreach (string t in ToolCatalog.BuiltIns)
            {
                if (plan.MemberByTool.TryGetValue(t, out string? m))
                {
                    yield return new ToolRef(t, m);
                }
            }

            foreach (string t in options.KnownTools)
            {
                if (plan.MemberByTool.TryGetValue(AgentToolRules.Canonicalize(t), out string? m) && !ToolCatalog.IsBuiltIn(t))
                {
                    yield return new ToolRef(AgentToolRules.Canonicalize(t), m);
                }
            }
        }

        private static string UniqueHintName(string typeName, HashSet<string> used)
        {
            string stem = Naming.HintStem(typeName);
            string hint = stem + ".g.cs";
            for (int i = 2; !used.Add(hint); i++)
            {
                hint = stem + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
            }

            return hint;
        }

        /// <summary>A file as messages name it: relative to the project folder when under it, else its full path.</summary>
        public static string DisplayPath(string path, string projectDir)
        {
            return IsUnder(path, projectDir) ? RelativeSource(path, projectDir) : path;
        }

        private static bool IsUnder(string path, string projectDir)
        {
            string dir = projectDir.Replace('\\', '/');
            return dir.Length > 1 && path.Replace('\\', '/').StartsWith(dir.EndsWith("/", StringComparison.Ordinal) ? dir : dir + "/", StringComparison.Ordinal);
        }

        /// <summary>The file's path relative to the project folder, with '/' separators, so output does not depend on where the repo is cloned.</summary>
        public static string RelativeSource(string path, string projectDir)
        {
            string p = path.Replace('\\', '/');
            string dir = projectDir.Replace('\\', '/');
            if (dir.Length > 0 && !dir.EndsWith("/", StringComparison.Ordinal))
            {
                dir += "/";
            }

            if (dir.Length > 1 && p.StartsWith(dir, StringComparison.Ordinal))
            {
                return p.Substring(dir.Length);
            }

            int slash = p.LastIndexOf('/');
            return slash >= 0 ? p.Substring(slash + 1) : p;
        }
    }
}
