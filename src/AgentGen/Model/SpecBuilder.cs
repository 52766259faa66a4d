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
        /// <summary>The hint names taken before any agent or message: the project-wide files' names.</summary>
        public static HashSet<string> ReservedHintNames() => new(StringComparer.OrdinalIgnoreCase) { GeneratedNames.ToolEnumHintName, GeneratedNames.CatalogHintName, "IsExternalInit.g.cs" };

        public static ToolEnumSpec BuildToolEnum(ProjectPlan plan, GeneratorOptions options)
        {
            var memberByTool = new Dictionary<string, ToolRef>(StringComparer.Ordinal);
            foreach (ToolRef t in plan.ToolMembers)
            {
                memberByTool[t.Name] = t;
            }

            return new ToolEnumSpec(options.Namespace, options.Accessibility, plan.ToolMembers.ToEquatableArray(), Catalogue(memberByTool, options).ToEquatableArray());
        }

        /// <summary>
        /// The <c>Tool</c> enum of an agent that may use every tool: the catalogue's built-ins, then
        /// the project's <c>AgentGenKnownTools</c>, each once (values 0, 1, ...). The agents whose
        /// enum is exactly this list share one declaration of it (<see cref="AgentSpec.SharesCatalogue"/>).
        /// </summary>
        private static List<ToolRef> Catalogue(IReadOnlyDictionary<string, ToolRef> memberByTool, GeneratorOptions options)
        {
            var catalogue = new List<ToolRef>();
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (ToolRef t in CatalogTools(memberByTool, options))
            {
                if (added.Add(t.Member))
                {
                    catalogue.Add(t with { Value = 0 });
                }
            }

            return catalogue;
        }


        public static CatalogSpec BuildCatalog(ProjectPlan plan, GeneratorOptions options)
        {
            var catalog = new List<CatalogEntry>(plan.Agents.Count);
            foreach (PlanAgent agent in plan.Agents)
            {
                catalog.Add(new CatalogEntry(agent.Name, agent.ClassName, Naming.CatalogPropertyName(agent.ClassName)));
            }

            return new CatalogSpec(options.Namespace, options.Accessibility, catalog.ToEquatableArray());
        }

        /// <summary>The request types' record specs, in plan order; hint names taken from <paramref name="hintNames"/> (agents' first).</summary>
        public static EquatableArray<MessageSpec> BuildMessages(ProjectPlan plan, GeneratorOptions options, bool jsonAttributes, HashSet<string> hintNames)
        {
            var messages = new List<MessageSpec>();
            foreach (MessageGroup group in plan.Messages)
            {
                var sources = new SortedSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, PlanMessage> o in group.Occurrences)
                {
                    sources.Add(RelativeSource(o.Key, options.DisplayDir));
                }

                // The plan built the records with JSON attributes; without System.Text.Json only the
                // types of values that fit no single type differ (object? for JsonElement?).
                IReadOnlyList<RecordSpec> records = jsonAttributes ? group.Records : RecordNames.Build(group.TypeName, group.RequestType, group.Shape, jsonAttributes);
                messages.Add(new MessageSpec(options.Namespace, options.Accessibility, jsonAttributes, group.RequestType, sources.ToEquatableArray(), records.ToEquatableArray())
                {
                    HintName = UniqueHintName(group.TypeName, hintNames),
                });
            }

            return messages.ToEquatableArray();
        }

        /// <summary>
        /// One agent's spec from its own model, the options and the AgentTool member of each tool
        /// name (<paramref name="memberByTool"/>): nothing else of the project, so the generator can
        /// build it per file. Its HintName is the default; the caller sets the project's.
        /// </summary>
        public static AgentSpec BuildAgent(AgentFileModel agent, IReadOnlyDictionary<string, ToolRef> memberByTool, GeneratorOptions options)
        {
            var tools = new List<ToolRef>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string t in agent.Tools)
            {
                string name = AgentToolRules.Canonicalize(t);
                if (memberByTool.TryGetValue(name, out ToolRef member) && seen.Add(member.Member))
                {
                    tools.Add(member with { Value = 0 });
                }
            }

            // The nested Tool enum: what the agent may really use. An agent that inherits every tool
            // gets the catalogue (not other files' tools, so its code does not depend on them).
            var allowed = new List<ToolRef>();
            // 'memory' adds Read, Write and Edit, and '*' grants every tool: the catalogue is their candidate set too.
            bool memory = agent.Optional.Memory is not null;
            IEnumerable<ToolRef> candidates = agent.InheritsAllTools || Contains(agent.Tools, "*")
                ? Concat(CatalogTools(memberByTool, options), tools)
                : memory ? Concat(tools, CatalogTools(memberByTool, options)) : tools;
            var added = new HashSet<string>(StringComparer.Ordinal);
            foreach (ToolRef t in candidates)
            {
                if (added.Add(t.Member) && AgentToolRules.Allows(agent.InheritsAllTools, agent.Tools, agent.DisallowedTools, memory, t.Name))
                {
                    allowed.Add(t with { Value = 0 });
                }
            }

            // Sharing depends on the agent's own fields and the catalogue only (not on other files'
            // tools), so it stays the same when another file changes.
            bool shares = agent.InheritsAllTools && agent.DisallowedTools.Count == 0 && SameMembers(allowed, Catalogue(memberByTool, options));
            return new AgentSpec(agent, options.Namespace, options.Accessibility, agent.ClassName, RelativeSource(agent.Path, options.DisplayDir), tools.ToEquatableArray(), allowed.ToEquatableArray())
            {
                SharesCatalogue = shares,
            };
        }

        private static bool SameMembers(List<ToolRef> a, List<ToolRef> b)
        {
            if (a.Count != b.Count)
            {
                return false;
            }

            for (int i = 0; i < a.Count; i++)
            {
                if (!string.Equals(a[i].Member, b[i].Member, StringComparison.Ordinal) || !string.Equals(a[i].Name, b[i].Name, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Contains(EquatableArray<string> items, string value)
        {
            foreach (string item in items)
            {
                if (string.Equals(item, value, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static IEnumerable<ToolRef> Concat(IEnumerable<ToolRef> first, IEnumerable<ToolRef> second)
        {
            foreach (ToolRef t in first)
            {
                yield return t;
            }

            foreach (ToolRef t in second)
            {
                yield return t;
            }
        }

        private static IEnumerable<ToolRef> CatalogTools(IReadOnlyDictionary<string, ToolRef> memberByTool, GeneratorOptions options)
        {
            foreach (string t in ToolCatalog.BuiltIns)
            {
                if (memberByTool.TryGetValue(t, out ToolRef m))
                {
                    yield return m;
                }
            }

            foreach (string t in options.KnownTools)
            {
                if (memberByTool.TryGetValue(AgentToolRules.Canonicalize(t), out ToolRef m) && !ToolCatalog.IsBuiltIn(t))
                {
                    yield return m;
                }
            }
        }

        /// <summary>A hint name for <paramref name="typeName"/> that is not in <paramref name="used"/> (ignoring case), which it joins.</summary>
        public static string UniqueHintName(string typeName, HashSet<string> used)
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

        internal static bool IsUnder(string path, string projectDir)
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
