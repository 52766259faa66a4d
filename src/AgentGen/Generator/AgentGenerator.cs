using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Model;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
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

            // The project-wide outputs see each file through a narrow projection (name, tools,
            // message shapes; no body, no positions), so the common edit, the body's text, leaves
            // the collected input equal and the whole project step cached.
            IncrementalValueProvider<ProjectOutputs> project = files
                .Select(static (file, _) => PlanInput.From(file))
                .WithTrackingName(TrackingNames.PlanInputs)
                .Collect()
                .Combine(options)
                .Combine(jsonAttributes)
                .Select(static (input, _) => ProjectOutputs.Build(input.Left.Left, input.Left.Right, input.Right))
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

            context.RegisterSourceOutput(agentSources, static (spc, agent) => AddAgent(spc, agent));
            context.RegisterSourceOutput(messages, static (spc, output) => EmitMessage(spc, output));

            // Outputs of files listed more than once (rare): emitted once, from the collected side.
            IncrementalValuesProvider<GeneratedAgent> repeatedAgents = files.Collect().Combine(agentView)
                .SelectMany(static (pair, _) => pair.Right.RepeatedFileOutputs(pair.Left))
                .WithTrackingName(TrackingNames.RepeatedFileAgents)
                .Select(static (output, _) => GeneratedAgent.From(output));
            context.RegisterSourceOutput(repeatedAgents, static (spc, agent) => AddAgent(spc, agent));
            context.RegisterSourceOutput(
                project.SelectMany(static (p, _) => p.RepeatedFileMessages).WithTrackingName(TrackingNames.RepeatedFileMessages),
                static (spc, spec) => EmitMessage(spc, new MessageOutput(string.Empty, spec, null)));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.ToolEnumSource).WithTrackingName(TrackingNames.ToolEnum),
                static (spc, source) =>
                {
                    if (source is not null)
                    {
                        spc.AddSource("AgentTool.g.cs", SourceText.From(source, Encoding.UTF8));
                    }
                });

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
                    .Select(static (pair, _) => pair.Left is { } catalog ? Without(catalog, pair.Right) : null)
                    .WithTrackingName(TrackingNames.Catalog),
                static (spc, spec) =>
                {
                    if (spec is not null)
                    {
                        AddSource(spc, "AgentCatalog.g.cs", spec.Namespace, PipelineFaults.Catalog, () => ProjectEmitter.EmitCatalog(spec));
                    }
                });

            // Failures caught in the project step, and in reading files for it (AGEN099).
            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Failures).WithTrackingName(TrackingNames.ProjectFailures),
                static (spc, failures) =>
                {
                    foreach (FileFailure failure in failures)
                    {
                        Report(spc, failure);
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

        private static CatalogSpec Without(CatalogSpec catalog, EquatableArray<string> failedClasses)
        {
            if (failedClasses.IsEmpty)
            {
                return catalog;
            }

            var failed = new HashSet<string>(failedClasses, StringComparer.Ordinal);
            var kept = new List<CatalogEntry>(catalog.Agents.Count);
            foreach (CatalogEntry e in catalog.Agents)
            {
                if (!failed.Contains(e.ClassName))
                {
                    kept.Add(e);
                }
            }

            return catalog with { Agents = kept.ToEquatableArray() };
        }

        private static void AddAgent(SourceProductionContext spc, GeneratedAgent agent)
        {
            if (agent.Failure is { } failure)
            {
                Report(spc, failure);
            }
            else if (agent.Text is { } text)
            {
                spc.AddSource(agent.HintName, SourceText.From(text, Encoding.UTF8));
            }
        }

        private static void EmitMessage(SourceProductionContext spc, MessageOutput output)
        {
            if (output.Failure is { } failure)
            {
                Report(spc, failure);
            }
            else if (output.Spec is { } spec)
            {
                AddSource(spc, spec.HintName, output.Path, PipelineFaults.EmitMessage, () => ProjectEmitter.EmitMessage(spec));
            }
        }

        /// <summary>AGEN099 at the start of the agent file (or without a location when there is no file to name).</summary>
        private static void Report(SourceProductionContext spc, FileFailure failure)
        {
            Location location = failure.Path.Length == 0 ? Location.None : Location.Create(failure.Path, default, default);
            spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.Descriptors.InternalError, location, failure.Message));
        }

        /// <summary>
        /// Adds one generated file that nothing else refers to (a message record, the catalog). An
        /// emitter bug must not take the whole generator down (that drops every generated file:
        /// CS8785): the file is skipped and AGEN099 names the agent file.
        /// </summary>
        private static void AddSource(SourceProductionContext spc, string hintName, string key, string step, Func<string> emit)
        {
            string text;
            try
            {
                PipelineFaults.At(step, key);
                text = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Report(spc, new FileFailure(step == PipelineFaults.Catalog ? string.Empty : key, PipelineFaults.Describe("generating " + hintName, ex)));
                return;
            }

            spc.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
        }
    }

    /// <summary>Names of the pipeline steps, for incrementality tests (WithTrackingName).</summary>
    internal static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string JsonAvailable = nameof(JsonAvailable);
        public const string Sources = nameof(Sources);
        public const string KnownTools = nameof(KnownTools);
        public const string Parse = nameof(Parse);
        public const string PlanInputs = nameof(PlanInputs);
        public const string Project = nameof(Project);
        public const string AgentView = nameof(AgentView);
        public const string AgentSpecs = nameof(AgentSpecs);
        public const string AgentSources = nameof(AgentSources);
        public const string MessageView = nameof(MessageView);
        public const string MessageSpecs = nameof(MessageSpecs);
        public const string RepeatedFileAgents = nameof(RepeatedFileAgents);
        public const string RepeatedFileMessages = nameof(RepeatedFileMessages);
        public const string ToolEnum = nameof(ToolEnum);
        public const string CatalogSpec = nameof(CatalogSpec);
        public const string Catalog = nameof(Catalog);
        public const string ProjectFailures = nameof(ProjectFailures);
        public const string IsExternalInit = nameof(IsExternalInit);
        public const string HasMessages = nameof(HasMessages);
    }

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

    /// <summary>
    /// What the project-wide outputs (winners, AgentTool, AgentCatalog, message records) need from
    /// one file: its path, name, tools and message shapes. No body, description or metadata, and
    /// no source positions (an edit above a ```json block moves them), so that edits which do not
    /// change the project-wide outputs leave this equal and the collected steps cached.
    /// </summary>
    internal sealed record PlanInput(string Path, string? Name, AgentFileModel? Model, FileFailure? Failure = null)
    {
        /// <summary>The file's projection. Never throws: a failure leaves the file out of the project (AGEN099 on it).</summary>
        public static PlanInput From(ParsedAgentFile file)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.PlanInput, file.Path);
                return new PlanInput(file.Path, file.Name, file.Model is { } m ? Narrow(m) : null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new PlanInput(file.Path, null, null, new FileFailure(file.Path, PipelineFaults.Describe("reading the file for the project-wide outputs", ex)));
            }
        }

        private static AgentFileModel Narrow(AgentFileModel m)
        {
            var messages = new List<MessageModel>(m.Messages.Count);
            foreach (MessageModel message in m.Messages)
            {
                messages.Add(message with { RequestTypeSpan = default, RequestingAgentSpan = default, ExampleJson = string.Empty });
            }

            return m with
            {
                NameSpan = default,
                Description = string.Empty,
                Model = null,
                Instructions = string.Empty,
                Metadata = EquatableArray<KeyValue>.Empty,
                Optional = AgentOptionalFields.None,
                Messages = messages.ToEquatableArray(),
            };
        }
    }

    /// <summary>An agent file's path and text: the first equatable model in the pipeline.</summary>
    internal sealed record AgentSource(string Path, string Text)
    {
        /// <summary>Whose rules the file follows (metadata AgentGenDialect, else its path).</summary>
        public Catalog.AgentDialect Dialect { get; init; } = Catalog.CopilotCatalog.DialectOf(null, Path);

        public static AgentSource Read(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                text = null; // unreadable: the analyzer reports it; the generator skips it
            }

            return new AgentSource(file.Path, text?.ToString() ?? string.Empty);
        }
    }

    /// <summary>Reads MSBuild knobs (contract §1) from analyzer config options.</summary>
    internal static class OptionsReader
    {
        public const string KindMetadata = "build_metadata.AdditionalFiles.AgentGenKind";

        public const string DialectMetadata = "build_metadata.AdditionalFiles.AgentGenDialect";

        public static bool IsAgentFile(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, "Agent", StringComparison.OrdinalIgnoreCase);

        /// <summary>A skill file (<c>.claude/skills/&lt;dir&gt;/SKILL.md</c>, AgentGenKind="Skill"), read for AGEN022.</summary>
        public static bool IsSkillFile(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, "Skill", StringComparison.OrdinalIgnoreCase);

        /// <summary>The file's dialect: AgentGenDialect when set (Claude or Copilot), else from the path (<c>*.agent.md</c> is Copilot; TEAM.md, CONTRACT §1).</summary>
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
