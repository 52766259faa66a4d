using System;
using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Generator
{
    /// <summary>Reads MSBuild knobs (docs/configuration.md) from analyzer config options.</summary>
    internal static class OptionsReader
    {
        public const string KindMetadata = "build_metadata.AdditionalFiles.AgentGenKind";

        public const string DialectMetadata = "build_metadata.AdditionalFiles.AgentGenDialect";

        public static bool IsAgentFile(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, "Agent", StringComparison.OrdinalIgnoreCase);

        /// <summary>A skill file (<c>.claude/skills/&lt;dir&gt;/SKILL.md</c>, AgentGenKind="Skill"), read for AGEN022.</summary>
        public static bool IsSkillFile(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, "Skill", StringComparison.OrdinalIgnoreCase);

        /// <summary>The project's <c>.mcp.json</c> (AgentGenKind="McpConfig"), read for AGEN025-AGEN027 and <c>AgentCatalog.McpServers</c>.</summary>
        public static bool IsMcpConfig(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, Analyzers.McpConfigAnalyzer.McpConfigKind, StringComparison.OrdinalIgnoreCase);

        /// <summary>The file's dialect: AgentGenDialect when set (Claude or Copilot), else from the path (<c>*.agent.md</c> is Copilot; docs/configuration.md).</summary>
        public static Catalog.AgentDialect DialectOf(AnalyzerConfigOptions options, string path)
            => Catalog.CopilotCatalog.DialectOf(options.TryGetValue(DialectMetadata, out string? dialect) ? dialect : null, path);

        public static GeneratorOptions Read(AnalyzerConfigOptions global)
        {
            string ns = Get(global, "build_property.AgentGenNamespace");
            if (!IsValidNamespace(ns))
            {
                string root = Get(global, "build_property.RootNamespace");
                ns = IsValidNamespace(root) ? root + ".Agents" : "Agents";
            }

            string access = Get(global, "build_property.AgentGenAccessibility").Trim();
            access = string.Equals(access, "internal", StringComparison.OrdinalIgnoreCase) ? "internal" : "public";

            var known = new List<string>();
            foreach (string part in Get(global, "build_property.AgentGenKnownTools").Split(';', ','))
            {
                string t = part.Trim();
                if (t.Length > 0 && !known.Contains(t))
                {
                    known.Add(t);
                }
            }

            return new GeneratorOptions(ns, access, known.ToEquatableArray(), Get(global, "build_property.ProjectDir"))
            {
                RepositoryRoot = Get(global, "build_property.AgentGenRepositoryRoot"),
            };
        }

        private static string Get(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out string? value) && value is not null ? value.Trim() : string.Empty;

        /// <summary>A dotted C# namespace of plain identifiers (no keywords, no 'global').</summary>
        public static bool IsValidNamespace(string ns)
        {
            if (ns.Length == 0)
            {
                return false;
            }

            foreach (string part in ns.Split('.'))
            {
                if (part.Length == 0 || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(part)
                    || Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(part) != Microsoft.CodeAnalysis.CSharp.SyntaxKind.None
                    || part == "global")
                {
                    return false;
                }
            }

            return true;
        }
    }
}
