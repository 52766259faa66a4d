using System;
using System.Collections.Immutable;
using System.Text;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Model;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Generator
{
    /// <summary>
    /// Reads agent files (AdditionalFiles with AgentGenKind="Agent") and emits typed agent classes,
    /// the AgentTool enum, the AgentCatalog and protocol message records. Diagnostics are the
    /// analyzers' job: the generator only skips what it cannot emit.
    /// </summary>
    /// <remarks>
    /// Incremental by construction (docs/performance.md): each file is read and parsed on its own
    /// (<see cref="TrackingNames.Sources"/>, <see cref="TrackingNames.Parse"/>), so an edit re-parses
    /// only the edited file. The collected set of files, seen through a narrow projection
    /// (<see cref="PlanInput"/>: names, tools, message shapes; no body, no positions) so that body
    /// edits leave it equal, feeds the project-wide outputs (AgentTool, AgentCatalog) and two small
    /// views compared by value: <see cref="AgentView"/> (which files win,
    /// the AgentTool member of each tool, the options) and <see cref="MessageView"/> (the merged
    /// record specs and the file that emits each). Agent classes and message records are emitted per
    /// file, from that file's parse result and the view, never by position in a collected list: an
    /// edit, addition or removal of one file re-emits that file's outputs only, and the others stay
    /// cached even when a view changes, because their specs compare equal.
    /// </remarks>
    [Generator(LanguageNames.CSharp)]
    public sealed class AgentGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            // Only what is needed from the compilation: a bool, which compares equal across edits.
            IncrementalValueProvider<bool> jsonAttributes = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute") is not null)
                .WithTrackingName(TrackingNames.JsonAvailable);

            // Whether the project compiles with C# 9 or later, as generated code needs (AGEN000): a
            // project on an older version without agent files of its own (it got the analyzer through
            // a project reference) gets no code at all.
            IncrementalValueProvider<bool> csharp9 = context.ParseOptionsProvider
                .Select(static (parseOptions, _) => parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp9)
                .WithTrackingName(TrackingNames.CSharp9);

            // Every per-file step is one node per file that the driver walks on every run, edit or
            // not: filtering and mapping are fused (SelectMany of zero or one item) to keep them few.
            IncrementalValuesProvider<AgentSource> sources = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .SelectMany(static (pair, ct) => pair.Right.GetOptions(pair.Left) is var fileOptions && OptionsReader.IsAgentFile(fileOptions)
                    ? ImmutableArray.Create(AgentSource.Read(pair.Left, ct) with { Dialect = OptionsReader.DialectOf(fileOptions, pair.Left.Path) })
                    : ImmutableArray<AgentSource>.Empty)
                .WithTrackingName(TrackingNames.Sources);

            IncrementalValuesProvider<ParsedAgentFile> files = sources
                .Combine(options.Select(static (o, _) => o.KnownTools).WithTrackingName(TrackingNames.KnownTools))
                .Select(static (pair, _) => ParsedAgentFile.Parse(pair.Left, pair.Right))
                .WithTrackingName(TrackingNames.Parse);

            // The text budget (AGEN021) needs the bodies' lengths, which the projection below drops:
            // they reach the project step only when the files together exceed it (TextBudget).
            IncrementalValueProvider<EquatableArray<FileTextLength>> overBudget = files.Collect()
                .Select(static (all, _) => TextBudget.LengthsIfOver(all))
                .WithTrackingName(TrackingNames.TextBudget);

            // The project-wide outputs see each file through a narrow projection (name, tools,
            // message shapes; no body, no positions), so the common edit, the body's text, leaves
            // the collected input equal and the whole project step cached.
            IncrementalValueProvider<ProjectOutputs> project = files
                .Select(static (file, _) => PlanInput.From(file))
                .WithTrackingName(TrackingNames.PlanInputs)
                .Collect()
                .Combine(options)
                .Combine(jsonAttributes)
                .Combine(csharp9)
                .Combine(overBudget)
                .Select(static (input, _) => ProjectOutputs.Build(input.Left.Left.Left.Left, input.Left.Left.Left.Right, input.Left.Left.Right, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.Project);

            // Every step below that touches one file's data is guarded (docs/robustness.md): an
            // exception becomes AGEN099 on that file, which generates nothing; the others are unaffected.
            IncrementalValueProvider<AgentView> agentView = project.Select(static (p, _) => p.Agents).WithTrackingName(TrackingNames.AgentView);
            IncrementalValuesProvider<AgentOutput> agents = files
                .Combine(agentView)
                .SelectMany(static (pair, _) => pair.Right.OutputFor(pair.Left))
                .WithTrackingName(TrackingNames.AgentSpecs);
            IncrementalValuesProvider<GeneratedAgent> agentSources = agents
                .Select(static (output, _) => GeneratedAgent.From(output))
                .WithTrackingName(TrackingNames.AgentSources);

            // A request type's records are emitted by the file of its first example (by path), so a
            // file added or removed elsewhere does not shift and re-emit them.
            IncrementalValuesProvider<MessageOutput> messages = files
                .Combine(project.Select(static (p, _) => p.Messages).WithTrackingName(TrackingNames.MessageView))
                .SelectMany(static (pair, _) => pair.Right.OutputsFor(pair.Left.Path))
                .WithTrackingName(TrackingNames.MessageSpecs);

            context.RegisterSourceOutput(agentSources, static (spc, agent) => SourceOutputs.AddAgent(spc, agent));
            context.RegisterSourceOutput(messages, static (spc, output) => SourceOutputs.EmitMessage(spc, output));

            // Outputs of files listed more than once (rare): emitted once, from the collected side.
            IncrementalValuesProvider<GeneratedAgent> repeatedAgents = files.Collect().Combine(agentView)
                .SelectMany(static (pair, _) => pair.Right.RepeatedFileOutputs(pair.Left))
                .WithTrackingName(TrackingNames.RepeatedFileAgents)
                .Select(static (output, _) => GeneratedAgent.From(output));
            context.RegisterSourceOutput(repeatedAgents, static (spc, agent) => SourceOutputs.AddAgent(spc, agent));
            context.RegisterSourceOutput(
                project.SelectMany(static (p, _) => p.RepeatedFileMessages).WithTrackingName(TrackingNames.RepeatedFileMessages),
                static (spc, spec) => SourceOutputs.EmitMessage(spc, new MessageOutput(string.Empty, spec, null)));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.ToolEnumSource).WithTrackingName(TrackingNames.ToolEnum),
                static (spc, source) =>
                {
                    if (source is not null)
                    {
                        spc.AddSource(GeneratedNames.ToolEnumHintName, SourceText.From(source, Encoding.UTF8));
                    }
                });

            // The project's .mcp.json, on a branch of its own that meets the agent files only here, at
            // the catalogue's output (AgentCatalog.McpServers): an agent-file edit passes the file
            // through this filter (it is not McpConfig) but never re-reads .mcp.json, whose entry stays
            // cached; an edit of .mcp.json re-parses no agent file and re-emits the catalogue only.
            IncrementalValueProvider<EquatableArray<McpServerSpec>> mcpServers = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .SelectMany(static (pair, ct) => OptionsReader.IsMcpConfig(pair.Right.GetOptions(pair.Left))
                    ? ImmutableArray.Create(McpServerList.Read(pair.Left, ct))
                    : ImmutableArray<McpServerList>.Empty)
                .WithTrackingName(TrackingNames.McpConfig)
                .Collect()
                .Select(static (lists, _) => McpServerList.Merge(lists))
                .WithTrackingName(TrackingNames.McpServers);

            // The catalog lists only the agent classes that were generated: a class whose spec or
            // text failed (AGEN099) is left out, so the catalog still compiles. Normally no class
            // fails, so the collected names stay equal (empty) and the catalog cached.
            IncrementalValueProvider<EquatableArray<string>> failedClasses = agentSources
                .SelectMany(static (agent, _) => agent.Failure is not null && agent.ClassName.Length > 0 ? ImmutableArray.Create(agent.ClassName) : ImmutableArray<string>.Empty)
                .Collect()
                .Combine(repeatedAgents.SelectMany(static (agent, _) => agent.Failure is not null && agent.ClassName.Length > 0 ? ImmutableArray.Create(agent.ClassName) : ImmutableArray<string>.Empty).Collect())
                .Select(static (pair, _) => pair.Left.AddRange(pair.Right).ToEquatableArray());
            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.CatalogSpec)
                    .Combine(failedClasses)
                    .Combine(mcpServers)
                    .Select(static (pair, _) => pair.Left.Left is { } catalog ? SourceOutputs.Without(catalog, pair.Left.Right) with { McpServers = pair.Right } : null)
                    .WithTrackingName(TrackingNames.Catalog),
                static (spc, spec) =>
                {
                    if (spec is not null)
                    {
                        SourceOutputs.AddSource(spc, GeneratedNames.CatalogHintName, spec.Namespace, PipelineFaults.Catalog, () => ProjectEmitter.EmitCatalog(spec));
                    }
                });

            // Failures caught in the project step, and in reading files for it (AGEN099).
            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Failures).WithTrackingName(TrackingNames.ProjectFailures),
                static (spc, failures) =>
                {
                    foreach (FileFailure failure in failures)
                    {
                        SourceOutputs.Report(spc, failure);
                    }
                });

            // Message records need IsExternalInit, which netstandard2.0 and .NET Framework lack.
            IncrementalValueProvider<bool> needsIsExternalInit = context.CompilationProvider
                .Select(static (compilation, _) => Polyfills.NeedsIsExternalInit(compilation))
                .WithTrackingName(TrackingNames.IsExternalInit);

            context.RegisterSourceOutput(
                project.Select(static (p, _) => !p.Messages.Messages.IsEmpty || !p.RepeatedFileMessages.IsEmpty).WithTrackingName(TrackingNames.HasMessages).Combine(needsIsExternalInit),
                static (spc, need) =>
                {
                    if (need.Left && need.Right)
                    {
                        spc.AddSource("IsExternalInit.g.cs", SourceText.From(Polyfills.EmitIsExternalInit(), Encoding.UTF8));
                    }
                });
        }
    }

    // The parse step (TrackingNames.Parse): the one call from the pipeline into src/AgentGen/Parsing.

    /// <summary>
    /// One agent file after parsing: what the cross-file rules need (path, name) and the model,
    /// null when the file has errors of its own (the analyzer reports them) or when parsing failed
    /// outside the parser's own guard (<see cref="Failure"/>, reported by the generator).
    /// </summary>
    internal sealed record ParsedAgentFile(string Path, string? Name, SourceSpan NameSpan, AgentFileModel? Model, FileFailure? Failure = null)
    {
        public static ParsedAgentFile Parse(AgentSource source, EquatableArray<string> knownTools)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.Parse, source.Path);
                AgentParseResult result = AgentParseCache.GetOrParse(source.Path, source.Text, knownTools, source.Dialect);
                return new ParsedAgentFile(source.Path, result.Name, result.NameSpan, result.Model);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new ParsedAgentFile(source.Path, null, default, null, new FileFailure(source.Path, PipelineFaults.Describe("parsing", ex)));
            }
        }
    }
}
