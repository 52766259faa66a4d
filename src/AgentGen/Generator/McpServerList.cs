using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGen.Analyzers;
using AgentGen.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Generator
{
    /// <summary>One MCP server of the project's <c>.mcp.json</c> as <c>AgentCatalog.McpServers</c> lists it.</summary>
    internal readonly record struct McpServerSpec(string Name, string Transport);

    /// <summary>
    /// The MCP servers of one <c>.mcp.json</c> (AdditionalFiles with AgentGenKind="McpConfig"), read on a pipeline
    /// branch of its own (<see cref="TrackingNames.McpConfig"/>, <see cref="TrackingNames.McpServers"/>) that meets
    /// the agent files only at the catalogue's output: an agent-file edit never re-reads <c>.mcp.json</c>, and an edit
    /// of <c>.mcp.json</c> never re-parses an agent file. Only names and transports are kept (no command, url, env or
    /// header value reaches generated code).
    /// </summary>
    internal sealed record McpServerList(string Path, EquatableArray<McpServerSpec> Servers)
    {
        /// <summary>
        /// The valid entries of the file (those AGEN025 does not report). A file that is not valid JSON, or has no
        /// <c>mcpServers</c> object, gives none; never throws (McpConfigAnalyzer reports the problems).
        /// </summary>
        public static McpServerList Read(AdditionalText file, CancellationToken cancellationToken)
        {
            try
            {
                SourceText? text = file.GetText(cancellationToken);
                return text is null ? new McpServerList(file.Path, EquatableArray<McpServerSpec>.Empty) : Parse(file.Path, text.ToString());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new McpServerList(file.Path, EquatableArray<McpServerSpec>.Empty);
            }
        }

        public static McpServerList Parse(string path, string text)
        {
            try
            {
                var servers = new List<McpServerSpec>();
                foreach (KeyValuePair<string, string> server in McpConfigFile.Parse(text).ValidServers)
                {
                    servers.Add(new McpServerSpec(server.Key, server.Value));
                }

                return new McpServerList(path, servers.ToEquatableArray());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new McpServerList(path, EquatableArray<McpServerSpec>.Empty);
            }
        }

        /// <summary>
        /// The servers of every <c>.mcp.json</c> given (the package passes one, the nearest), ordered by name
        /// (ordinal). A name met twice keeps its first entry: in file order within a file, by path across files,
        /// so the result does not depend on the order the driver hands the files over.
        /// </summary>
        public static EquatableArray<McpServerSpec> Merge(ImmutableArray<McpServerList> lists)
        {
            if (lists.IsEmpty)
            {
                return EquatableArray<McpServerSpec>.Empty;
            }

            var byName = new Dictionary<string, McpServerSpec>(StringComparer.Ordinal);
            List<McpServerList> ordered = new(lists);
            ordered.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
            foreach (McpServerList list in ordered)
            {
                foreach (McpServerSpec server in list.Servers)
                {
                    if (!byName.ContainsKey(server.Name))
                    {
                        byName.Add(server.Name, server);
                    }
                }
            }

            var result = new List<McpServerSpec>(byName.Values);
            result.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            return result.ToEquatableArray();
        }
    }
}
