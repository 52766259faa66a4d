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
    /// Incremental by construction (docs/performance.md; each step and its record in
    /// docs/architecture.md). Each file is read and parsed on its own (Sources, Parse), so an edit
    /// re-parses only the edited file. The paths listed more than once are decided once, early
    /// (RepeatedPaths). The project-wide plan runs as three steps that only flow forward, ProjectPlan's
    /// own: Winners (which file wins each name) over a narrow record of each file (PlanInputs: name,
    /// tools, message shapes; no body, no positions), TextBudget (the agents AGEN021 leaves out, from
    /// every file's length, TextLengths) and Project (AgentTool, catalog, records, the views). A body
    /// edit changes only the lengths, so TextBudget yields an equal set and Project stays cached, over
    /// the budget or within it. Agent classes and message records are emitted per file, from that
    /// file's parse result and a view compared by value, never by position in a collected list.
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
            IncrementalValueProvider<ImmutableArray<ParsedAgentFile>> allFiles = files.Collect();

            // Decided once, before anything is planned or emitted: the paths listed more than once
            // (two AdditionalFiles items, one file). Normally none: an empty array, equal on every run.
            IncrementalValueProvider<EquatableArray<string>> repeatedPaths = sources.Collect()
                .Select(static (all, _) => RepeatedPaths.Of(all))
                .WithTrackingName(TrackingNames.RepeatedPaths);

            // The plan's first step sees each file through a narrow record (name, tools, message
            // shapes; no body, no positions), so the common edit, the body's text, leaves it cached.
            IncrementalValueProvider<ProjectNames> winners = files
                .Select(static (file, _) => PlanInput.From(file))
                .WithTrackingName(TrackingNames.PlanInputs)
                .Collect()
                .CombineInto(options.Select(static (o, _) => o.ProjectDir), static (inputs, projectDir) => ProjectNames.Build(inputs, projectDir))
                .WithTrackingName(TrackingNames.Winners);

            // The text budget (AGEN021) is a step of its own, forward only: every file's length and
            // the winners by name in, the agents left out (normally none) out. A body edit changes a
            // length, not the set, so nothing after it runs again, over the budget or within it.
            IncrementalValueProvider<EquatableArray<FileTextLength>> textLengths = allFiles
                .Select(static (all, _) => TextLengths.Of(all))
                .WithTrackingName(TrackingNames.TextLengths);
            IncrementalValueProvider<LeftOut> leftOut = winners
                .CombineInto(textLengths, static (names, lengths) => LeftOut.Of(names, lengths))
                .WithTrackingName(TrackingNames.TextBudget);

            IncrementalValueProvider<ProjectSettings> settings = options
                .CombineInto(jsonAttributes, csharp9, static (o, json, cs9) => new ProjectSettings(o, json, cs9));
            IncrementalValueProvider<ProjectOutputs> project = winners
                .CombineInto(leftOut, settings, static (names, left, s) => new ProjectInput(names, left, s))
                .Select(static (input, _) => ProjectOutputs.Build(input))
                .WithTrackingName(TrackingNames.Project);
            IncrementalValueProvider<AgentView> agentView = project.Select(static (p, _) => p.Agents).WithTrackingName(TrackingNames.AgentView);
            IncrementalValueProvider<MessageView> messageView = project.Select(static (p, _) => p.Messages).WithTrackingName(TrackingNames.MessageView);

            // Every step below that touches one file's data is guarded (docs/robustness.md): an
            // exception becomes AGEN099 on that file, which generates nothing; the others are unaffected.
            IncrementalValuesProvider<AgentOutput> agents = files
                .Combine(agentView.CombineInto(repeatedPaths, static (view, repeated) => new FileContext<AgentView>(view, repeated)))
                .SelectMany(static (pair, _) => pair.Right.EmitsFor(pair.Left.Path) ? pair.Right.View.OutputFor(pair.Left) : ImmutableArray<AgentOutput>.Empty)
                .WithTrackingName(TrackingNames.AgentSpecs);
            IncrementalValuesProvider<GeneratedAgent> agentSources = agents
                .Select(static (output, _) => GeneratedAgent.From(output))
                .WithTrackingName(TrackingNames.AgentSources);

            // A request type's records are emitted by the file of its first example (by path), so a
            // file added or removed elsewhere does not shift and re-emit them.
            IncrementalValuesProvider<MessageOutput> messages = files
                .Combine(messageView.CombineInto(repeatedPaths, static (view, repeated) => new FileContext<MessageView>(view, repeated)))
                .SelectMany(static (pair, _) => pair.Right.EmitsFor(pair.Left.Path) ? pair.Right.View.OutputsFor(pair.Left.Path) : ImmutableArray<MessageOutput>.Empty)
                .WithTrackingName(TrackingNames.MessageSpecs);

            context.RegisterSourceOutput(agentSources, static (spc, agent) => SourceOutputs.AddAgent(spc, agent));
            context.RegisterSourceOutput(messages, static (spc, output) => SourceOutputs.EmitMessage(spc, output));

            // The outputs of files listed more than once (rare), agents and records alike: emitted
            // once, from the collected side (Roslyn has no Concat for value providers, and AddSource
            // throws on a repeated hint name). Normally no file: the input stays equal and this never runs.
            IncrementalValuesProvider<RepeatedFileOutput> repeatedFiles = allFiles
                .CombineInto(repeatedPaths, static (all, repeated) => RepeatedFilesInput.FilesOf(all, repeated))
                .CombineInto(agentView, messageView, static (once, view, records) => new RepeatedFilesInput(once, view, records))
                .SelectMany(static (input, _) => input.Outputs())
                .WithTrackingName(TrackingNames.RepeatedFiles);
            context.RegisterSourceOutput(repeatedFiles, static (spc, output) => SourceOutputs.AddRepeated(spc, output));

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
                .SelectMany(static (agent, _) => SourceOutputs.FailedClass(agent))
                .Collect()
                .CombineInto(
                    repeatedFiles.SelectMany(static (output, _) => SourceOutputs.FailedClass(output.Agent)).Collect(),
                    static (perFile, repeated) => perFile.AddRange(repeated).ToEquatableArray());
            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.CatalogSpec)
                    .CombineInto(failedClasses, mcpServers, static (catalog, failed, servers) => catalog is null ? null : SourceOutputs.Without(catalog, failed) with { McpServers = servers })
                    .WithTrackingName(TrackingNames.Catalog),
                static (spc, spec) =>
                {
                    if (spec is not null)
                    {
                        SourceOutputs.AddSource(spc, GeneratedNames.CatalogHintName, spec.Namespace, PipelineFaults.Catalog, () => ProjectEmitter.EmitCatalog(spec));
                    }
                });

            // Failures caught in the project-wide steps, and in reading files for them (AGEN099).
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
                project.Select(static (p, _) => !p.Messages.Messages.IsEmpty).WithTrackingName(TrackingNames.HasMessages)
                    .CombineInto(needsIsExternalInit, static (hasMessages, needs) => hasMessages && needs),
                static (spc, emit) =>
                {
                    if (emit)
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
