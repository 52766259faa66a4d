using System;
using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;

namespace AgentGen.Parsing
{
    /// <summary>What parsing one agent file found: the model (null when the file has errors) and every file-local diagnostic.</summary>
    internal sealed class AgentParseResult
    {
        public AgentParseResult(AgentFileModel? model, string? name, SourceSpan nameSpan, List<DiagnosticInfo> diagnostics)
        {
            Model = model;
            Name = name;
            NameSpan = nameSpan;
            Diagnostics = diagnostics;
        }

        public AgentFileModel? Model { get; }

        /// <summary>The agent's name when the file declares one (even if the file has other errors).</summary>
        public string? Name { get; }

        public SourceSpan NameSpan { get; }

        public List<DiagnosticInfo> Diagnostics { get; }

        /// <summary>The file has no frontmatter and nothing of an agent: documentation, as Claude Code reads it (no agent, no diagnostic).</summary>
        public bool IsDocumentation { get; init; }

        /// <summary>The <c>skills</c> entries and where each is written (for AGEN022, checked against the project's skills).</summary>
        public IReadOnlyList<KeyValuePair<string, SourceSpan>> SkillEntries { get; init; } = Array.Empty<KeyValuePair<string, SourceSpan>>();

        /// <summary>The <c>mcpServers</c> entries (references and inline servers) and where each name is written (AGEN026, AGEN027).</summary>
        public IReadOnlyList<McpServerEntry> McpServerEntries { get; init; } = Array.Empty<McpServerEntry>();

        /// <summary>The <c>tools</c> entries that name MCP tools or servers (<c>mcp__...</c>) and where each is written (AGEN026).</summary>
        public IReadOnlyList<KeyValuePair<string, SourceSpan>> McpToolEntries { get; init; } = Array.Empty<KeyValuePair<string, SourceSpan>>();
    }
}
