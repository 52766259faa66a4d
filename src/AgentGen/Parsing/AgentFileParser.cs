using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using static AgentGen.Common.TextLines;
using AgentGen.Shared;
using AgentGen.Diagnostics;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    /// <summary>
    /// Parses one agent file: frontmatter, YAML, known fields, tools, body and its ```json
    /// protocol messages. Pure and total: the same text always gives the same result, and no
    /// input makes it throw.
    /// </summary>
    internal static partial class AgentFileParser
    {
        /// <summary>
        /// Files larger than this (in chars) are not parsed (AGEN021). Every char of an agent file
        /// can end up in a string literal, and all string literals of an assembly share one 16 MB
        /// heap (CS8103 at emit time beyond it): 1 Mi chars is 2 MB of it. The largest agent
        /// files seen in the wild are about 26 KB.
        /// </summary>
        public const int MaxFileLength = 1024 * 1024;

        /// <summary>More entries than this in <c>tools</c> or <c>disallowedTools</c> are not read (AGEN021): permission checks are quadratic in them.</summary>
        public const int MaxTools = 1_000;

        /// <summary>More ```json blocks than this in one body are not read (AGEN021).</summary>
        public const int MaxJsonBlocks = 1_000;

        /// <summary>Claude Code skips an agent whose <c>name</c> is longer than this (sub-agents page, Oct 2026).</summary>
        public const int MaxNameLength = 256;

        /// <summary>The AGEN002 property that names the file's dialect (<see cref="AgentDialect"/>), for the code fix.</summary>
        public const string DialectProperty = "Dialect";

        public static AgentParseResult Parse(string path, string text, IReadOnlyCollection<string>? extraKnownTools = null, AgentDialect? dialect = null)
        {
            try
            {
                return new Session(path, text, extraKnownTools, dialect ?? CopilotCatalog.DialectOf(null, path)).Run();
            }
            catch (Exception ex)
            {
                // The parser is written not to throw; this guard keeps a bug from breaking a build.
                var diagnostics = new List<DiagnosticInfo>
                {
                    new(Descriptors.InternalError, new SourceSpan(0, 0), new[] { ex.GetType().Name + ": " + ex.Message }),
                };
                return new AgentParseResult(null, null, default, diagnostics);
            }
        }

        /// <summary>CRLF and CR become LF, so output does not depend on the editor's line endings.</summary>
        public static string NormalizeNewlines(string s)
        {
            if (s.IndexOf('\r') < 0)
            {
                return s;
            }

            return s.Replace("\r\n", "\n").Replace('\r', '\n');
        }

        private sealed partial class Session
        {
            public AgentParseResult Run()
            {
                string text = _text;
                if (text.Length > MaxFileLength)
                {
                    Report(Descriptors.LimitExceeded, new SourceSpan(0, 0), string.Format(System.Globalization.CultureInfo.InvariantCulture, "The file is {0:N0} characters long; AgentGen reads agent files up to {1:N0} characters", text.Length, MaxFileLength));
                    return Fail();
                }

                // 1. Frontmatter and its YAML (AgentFileParser.Frontmatter.cs, .YamlErrors.cs).
                if (!TryReadFrontmatter(out FrontmatterSplit split, out YNode root, out AgentParseResult? stop))
                {
                    return stop!;
                }

                // 2. Fields (AgentFileParser.Fields.cs, .ToolLists.cs, .OptionalFields.cs).
                Dictionary<string, KeyValuePair<YNode, YNode>> fields = IndexFields(root);
                int pos = split.OpenStart;
                int firstLineEnd = split.OpenEnd;
                string? name = ReadName(fields, pos, firstLineEnd, out SourceSpan nameSpan);
                string? description = ReadDescription(fields, pos, firstLineEnd);
                ToolList? tools = ReadTools(fields, "tools");

                // Copilot has no disallowedTools in .agent.md (GitHub reference, VS Code custom agents).
                ToolList? disallowed = IsCopilot ? null : ReadTools(fields, "disallowedTools");
                CheckToolOverlap(tools, disallowed);
                string? model = ReadModel(fields);
                AgentOptionalFields optional = IsCopilot ? AgentOptionalFields.None : ReadOptional(fields);
                if (IsCopilot)
                {
                    CopilotFields.Check(fields, _diagnostics);
                }
                else
                {
                    CheckExperimental(fields);
                }

                ReadUnknownFields(root);

                // 3. Body and its messages (AgentFileParser.Messages.cs).
                int bodyStart = split.BodyStart;
                ReadMessages(bodyStart);
                // The body stays in the file's string (its line endings made '\n' first when it has others).
                TextRange body = text.IndexOf('\r', Math.Min(bodyStart, text.Length)) < 0
                    ? new TextRange(text, bodyStart)
                    : new TextRange(NormalizeNewlines(text.Substring(Math.Min(bodyStart, text.Length))), 0);

                foreach (DiagnosticInfo d in _diagnostics)
                {
                    if (d.IsError)
                    {
                        return Fail(name, nameSpan);
                    }
                }

                if (name is null || description is null)
                {
                    return Fail(name, nameSpan);
                }

                var agent = new AgentFileModel(
                    _path,
                    name,
                    nameSpan,
                    description,
                    model,
                    body,
                    tools is null,
                    (tools?.Names ?? new List<string>()).ToEquatableArray(),
                    (disallowed?.Names ?? new List<string>()).ToEquatableArray(),
                    _metadata.ToEquatableArray(),
                    tools?.AgentTypes is { } agentTypes ? optional with { AgentTypes = agentTypes.ToEquatableArray() } : optional,
                    _messages.ToEquatableArray());
                return new AgentParseResult(agent, name, nameSpan, _diagnostics) { SkillEntries = _skillEntries, McpServerEntries = _mcpServerEntries, McpToolEntries = _mcpToolEntries };
            }
        }
    }
}
