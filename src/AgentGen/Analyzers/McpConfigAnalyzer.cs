using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Parsing;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Analyzers
{
    /// <summary>
    /// The project's MCP servers against its agent files (docs/rules/AGEN025.md to AGEN027.md):
    /// <list type="bullet">
    /// <item>AGEN025 (in <c>.mcp.json</c>): not valid JSON, or an entry Claude Code cannot start (no <c>command</c> for
    /// stdio, no <c>url</c> for http/sse/ws, a <c>url</c> without <c>type</c>, an unknown <c>type</c>);</item>
    /// <item>AGEN026 (in the agent file): a <c>tools</c> entry <c>mcp__&lt;server&gt;...</c> whose server is configured
    /// neither in <c>.mcp.json</c> nor in the agent's own <c>mcpServers</c>;</item>
    /// <item>AGEN027 (in the agent file): an <c>mcpServers</c> name that no <c>.mcp.json</c> server has, or an inline
    /// entry Claude Code cannot start.</item>
    /// </list>
    /// The <c>.mcp.json</c> comes from the package's targets (AgentGenKind="McpConfig", the nearest from the project
    /// folder up to the repository root). Without one, the name checks are quiet: the servers may then be configured in
    /// <c>~/.claude.json</c>, which AgentGen cannot see. Agent files come from the shared parse (AgentParseCache).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class McpConfigAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The AgentGenKind of the project's <c>.mcp.json</c>.</summary>
        internal const string McpConfigKind = "McpConfig";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.InvalidMcpConfig,
            Descriptors.UnknownMcpServerTool,
            Descriptors.UnusableMcpServerEntry,
            Descriptors.InternalError);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            AnalyzerConfigOptionsProvider provider = start.Options.AnalyzerConfigOptionsProvider;
            GeneratorOptions options = OptionsReader.Read(provider.GlobalOptions);
            var agents = new ConcurrentDictionary<string, (SourceText Text, AgentParseResult Result)>(StringComparer.Ordinal);
            var configs = new ConcurrentDictionary<string, McpConfigFile>(StringComparer.Ordinal);

            start.RegisterAdditionalFileAction(fileContext =>
            {
                AdditionalText file = fileContext.AdditionalFile;
                AnalyzerConfigOptions fileOptions = provider.GetOptions(file);
                bool isConfig = OptionsReader.IsMcpConfig(fileOptions);
                if (!isConfig && !OptionsReader.IsAgentFile(fileOptions))
                {
                    return;
                }

                try
                {
                    SourceText? text = file.GetText(fileContext.CancellationToken);
                    if (text is null)
                    {
                        return; // AgentFileAnalyzer reports an unreadable agent file; an unreadable .mcp.json is as if absent
                    }

                    if (isConfig)
                    {
                        McpConfigFile config = McpConfigFile.Parse(text.ToString());
                        configs.TryAdd(file.Path, config);
                        foreach (McpConfigProblem problem in config.Problems)
                        {
                            fileContext.ReportDiagnostic(Diagnostic.Create(Descriptors.InvalidMcpConfig, AgentFileAnalyzer.ToLocation(file.Path, text, problem.Span), problem.Message, problem.Skips));
                        }
                    }
                    else
                    {
                        AgentParseResult result = AgentParseCache.GetOrParse(file.Path, text, options.KnownTools, OptionsReader.DialectOf(fileOptions, file.Path));
                        if (result.McpServerEntries.Count > 0 || result.McpToolEntries.Count > 0)
                        {
                            agents.TryAdd(file.Path, (text, result));
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    fileContext.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.Create(file.Path, default, default), PipelineFaults.Describe("checking MCP servers", ex)));
                }
            });

            start.RegisterCompilationEndAction(end =>
            {
                foreach (KeyValuePair<string, (SourceText Text, AgentParseResult Result)> agent in agents)
                {
                    try
                    {
                        CheckAgent(end, agent.Key, agent.Value.Text, agent.Value.Result, configs);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.Create(agent.Key, default, default), PipelineFaults.Describe("checking MCP servers", ex)));
                    }
                }
            });
        }

        private static void CheckAgent(CompilationAnalysisContext end, string path, SourceText text, AgentParseResult result, ConcurrentDictionary<string, McpConfigFile> configs)
        {
            // The servers of .mcp.json (any that parsed: an invalid file already has its AGEN025), by name as written.
            bool hasProjectFile = !configs.IsEmpty;
            var projectNames = new List<string>();
            foreach (McpConfigFile config in configs.Values)
            {
                if (!config.IsValidJson)
                {
                    return; // the file is broken: AGEN025 says so; names checked against it would only be noise
                }

                projectNames.AddRange(config.ServerNames);
            }

            var agentNames = new List<string>();
            foreach (McpServerEntry entry in result.McpServerEntries)
            {
                if (entry.IsInline)
                {
                    agentNames.Add(entry.Name);
                    if (entry.Problem is { } problem)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnusableMcpServerEntry, AgentFileAnalyzer.ToLocation(path, text, entry.Span), Capitalize(problem)));
                    }
                }
                else if (hasProjectFile && !projectNames.Contains(entry.Name))
                {
                    end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnusableMcpServerEntry, AgentFileAnalyzer.ToLocation(path, text, entry.Span), $"No MCP server of .mcp.json is named '{entry.Name}'{Suggest(entry.Name, projectNames)}"));
                }
                else
                {
                    agentNames.Add(entry.Name);
                }
            }

            if (!hasProjectFile && !HasInline(result))
            {
                // Neither .mcp.json nor an inline server: the servers may be configured where AgentGen cannot see
                // (~/.claude.json, user or local scope), so nothing is known to check against.
                return;
            }

            var known = new List<string>(projectNames);
            known.AddRange(agentNames);
            var normalized = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in known)
            {
                normalized.Add(AgentToolRules.NormalizeMcpName(name));
            }

            foreach (KeyValuePair<string, SourceSpan> tool in result.McpToolEntries)
            {
                if (AgentToolRules.McpServerOf(tool.Key) is not { } server || normalized.Contains(AgentToolRules.NormalizeMcpName(server)))
                {
                    continue;
                }

                end.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownMcpServerTool, AgentFileAnalyzer.ToLocation(path, text, tool.Value), tool.Key, server, Suggest(server, known)));
            }
        }

        /// <summary>"; did you mean 'context7'?" when a configured name is close (AgentGen's usual suggestion, after Claude Code's name normalisation).</summary>
        private static string Suggest(string name, List<string> candidates)
        {
            if (candidates.Count == 0)
            {
                return string.Empty;
            }

            var sorted = new List<string>(candidates);
            sorted.Sort(StringComparer.Ordinal);
            string? close = Catalog.Suggestions.Closest(name, sorted);
            if (close is null)
            {
                // Names that differ only in separators or case (context-7 / context7): compare without them.
                string bare = Bare(name);
                close = sorted.Find(c => Bare(c) == bare);
            }

            return close is null ? string.Empty : $"; did you mean '{close}'?";
        }

        private static string Bare(string name)
        {
            var chars = new System.Text.StringBuilder(name.Length);
            foreach (char c in name)
            {
                if (char.IsLetterOrDigit(c))
                {
                    chars.Append(char.ToLowerInvariant(c));
                }
            }

            return chars.ToString();
        }

        private static bool HasInline(AgentParseResult result)
        {
            foreach (McpServerEntry entry in result.McpServerEntries)
            {
                if (entry.IsInline)
                {
                    return true;
                }
            }

            return false;
        }

        private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s.Substring(1);
    }

    /// <summary>A problem of <c>.mcp.json</c> at its place: the message and what Claude Code skips because of it.</summary>
    internal readonly struct McpConfigProblem
    {
        public McpConfigProblem(SourceSpan span, string message, string skips)
        {
            Span = span;
            Message = message;
            Skips = skips;
        }

        public SourceSpan Span { get; }

        public string Message { get; }

        public string Skips { get; }
    }

    /// <summary>
    /// The project's <c>.mcp.json</c> as the checks and the generated catalogue need it: server names, the valid
    /// entries with their transport (<c>AgentCatalog.McpServers</c>, <see cref="Generator.McpServerList"/>) and
    /// located problems.
    /// </summary>
    internal sealed class McpConfigFile
    {
        private McpConfigFile(bool isValidJson, List<string> serverNames, List<McpConfigProblem> problems, List<KeyValuePair<string, string>>? validServers = null)
        {
            IsValidJson = isValidJson;
            ServerNames = serverNames;
            Problems = problems;
            ValidServers = validServers ?? new List<KeyValuePair<string, string>>();
        }

        public bool IsValidJson { get; }

        public List<string> ServerNames { get; }

        public List<McpConfigProblem> Problems { get; }

        /// <summary>Each entry without a problem (AGEN025), in file order: its name and transport (stdio, http, sse or ws).</summary>
        public List<KeyValuePair<string, string>> ValidServers { get; }

        public static McpConfigFile Parse(string text)
        {
            var names = new List<string>();
            var problems = new List<McpConfigProblem>();
            int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            if (!JsonReader.TryParse(text, start, text.Length, out JsonNode? root, out JsonError error) || root is null)
            {
                problems.Add(new McpConfigProblem(new SourceSpan(Math.Min(error.Offset, text.Length), 0), ".mcp.json is not valid JSON: " + error.Message, "the whole file"));
                return new McpConfigFile(false, names, problems);
            }

            JsonNode? servers = null;
            if (root.Kind == JsonKind.Object)
            {
                foreach (JsonProperty p in root.Properties)
                {
                    if (p.Name == "mcpServers")
                    {
                        servers = p.Value;
                    }
                }
            }

            if (servers is null || servers.Kind != JsonKind.Object)
            {
                JsonNode at = servers ?? root;
                problems.Add(new McpConfigProblem(new SourceSpan(at.Start, 1), ".mcp.json needs an object \"mcpServers\": {\"<name>\": {...}} (a top-level \"servers\" key is not read)", "every server of this file"));
                return new McpConfigFile(true, names, problems);
            }

            var valid = new List<KeyValuePair<string, string>>();
            foreach (JsonProperty server in servers.Properties)
            {
                names.Add(server.Name);
                JsonNode entry = server.Value;
                string? type = Member(entry, "type", out JsonNode? typeNode);
                string? problem = McpEntryRules.Problem(server.Name, entry.Kind == JsonKind.Object, type, Member(entry, "command", out _), Member(entry, "url", out _));
                if (problem is not null)
                {
                    // An unknown type is reported at the type's value; anything else at the server's name.
                    bool atType = typeNode is not null && type is not null && problem.IndexOf("unknown type", StringComparison.Ordinal) >= 0;
                    SourceSpan span = atType ? new SourceSpan(typeNode!.Start, typeNode.End - typeNode.Start) : new SourceSpan(server.NameStart, server.NameEnd - server.NameStart);
                    problems.Add(new McpConfigProblem(span, char.ToUpperInvariant(problem[0]) + problem.Substring(1), "this server"));
                }
                else
                {
                    valid.Add(new KeyValuePair<string, string>(server.Name, McpEntryRules.Transport(type)));
                }
            }

            return new McpConfigFile(true, names, problems, valid);
        }

        private static string? Member(JsonNode entry, string name, out JsonNode? node)
        {
            node = null;
            foreach (JsonProperty p in entry.Properties)
            {
                if (p.Name == name)
                {
                    node = p.Value;
                }
            }

            return node is { Kind: JsonKind.String } ? node.Text : null;
        }
    }
}
