using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    [Generator(LanguageNames.CSharp)]
    public sealed class AgentGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<GeneratorOptions> options = context.AnalyzerConfigOptionsProvider
                .Select(static (provider, _) => OptionsReader.Read(provider.GlobalOptions))
                .WithTrackingName(TrackingNames.Options);

            IncrementalValueProvider<bool> jsonAttributes = context.CompilationProvider
                .Select(static (compilation, _) => compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute") is not null)
                .WithTrackingName(TrackingNames.JsonAvailable);

            IncrementalValuesProvider<AgentSource> sources = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(static pair => OptionsReader.IsAgentFile(pair.Right.GetOptions(pair.Left)))
                .Select(static (pair, ct) => AgentSource.Read(pair.Left, ct))
                .WithTrackingName(TrackingNames.Sources);

            IncrementalValuesProvider<AgentFileModel> models = sources
                .Combine(options.Select(static (o, _) => o.KnownTools).WithTrackingName(TrackingNames.KnownTools))
                .Select(static (pair, _) => AgentFileParser.Parse(pair.Left.Path, pair.Left.Text, pair.Right).Model)
                .WithTrackingName(TrackingNames.Parse)
                .Where(static model => model is not null)
                .Select(static (model, _) => model!)
                .WithTrackingName(TrackingNames.Models);

            IncrementalValueProvider<ProjectSpec> project = models
                .Collect()
                .Combine(options)
                .Combine(jsonAttributes)
                .Select(static (input, _) => BuildProject(input.Left.Left, input.Left.Right, input.Right))
                .WithTrackingName(TrackingNames.Project);

            context.RegisterSourceOutput(
                project.SelectMany(static (p, _) => p.Agents).WithTrackingName(TrackingNames.AgentSpecs),
                static (spc, spec) => AddSource(spc, spec.HintName, spec.Agent.Path, () => AgentEmitter.Emit(spec)));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.ToolEnum).WithTrackingName(TrackingNames.ToolEnum),
                static (spc, spec) => AddSource(spc, "AgentTool.g.cs", null, () => ProjectEmitter.EmitTools(spec)));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.Catalog),
                static (spc, spec) => AddSource(spc, "AgentCatalog.g.cs", null, () => ProjectEmitter.EmitCatalog(spec)));

            context.RegisterSourceOutput(
                project.SelectMany(static (p, _) => p.Messages).WithTrackingName(TrackingNames.MessageSpecs),
                static (spc, spec) => AddSource(spc, spec.HintName, null, () => ProjectEmitter.EmitMessage(spec)));

            // Message records need IsExternalInit, which netstandard2.0 and .NET Framework lack.
            IncrementalValueProvider<bool> needsIsExternalInit = context.CompilationProvider
                .Select(static (compilation, _) => Polyfills.NeedsIsExternalInit(compilation))
                .WithTrackingName(TrackingNames.IsExternalInit);

            context.RegisterSourceOutput(
                project.Select(static (p, _) => !p.Messages.IsEmpty).Combine(needsIsExternalInit),
                static (spc, need) =>
                {
                    if (need.Left && need.Right)
                    {
                        spc.AddSource("IsExternalInit.g.cs", SourceText.From(Polyfills.EmitIsExternalInit(), System.Text.Encoding.UTF8));
                    }
                });
        }

        /// <summary>
        /// Adds one generated file. An emitter bug must not take the whole generator down (that
        /// drops every generated file: CS8785): the file is skipped and AGEN099 names the agent file.
        /// </summary>
        private static void AddSource(SourceProductionContext spc, string hintName, string? agentPath, Func<string> emit)
        {
            string text;
            try
            {
                text = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Location location = agentPath is null ? Location.None : Location.Create(agentPath, default, default);
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.Descriptors.InternalError, location, "generating " + hintName + " failed: " + ex.GetType().Name + ": " + ex.Message));
                return;
            }

            spc.AddSource(hintName, SourceText.From(text, System.Text.Encoding.UTF8));
        }

        private static ProjectSpec BuildProject(ImmutableArray<AgentFileModel> models, GeneratorOptions options, bool jsonAttributes)
        {
            var files = new List<PlanFile>(models.Length);
            foreach (AgentFileModel m in models)
            {
                files.Add(new PlanFile(m.Path, m.Name, m.NameSpan, m));
            }

            ProjectPlan plan = ProjectPlan.Build(files, options.KnownTools);
            return SpecBuilder.Build(plan, options, jsonAttributes);
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
        public const string Models = nameof(Models);
        public const string Project = nameof(Project);
        public const string AgentSpecs = nameof(AgentSpecs);
        public const string ToolEnum = nameof(ToolEnum);
        public const string Catalog = nameof(Catalog);
        public const string MessageSpecs = nameof(MessageSpecs);
        public const string IsExternalInit = nameof(IsExternalInit);
    }

    /// <summary>An agent file's path and text: the first equatable model in the pipeline.</summary>
    internal sealed record AgentSource(string Path, string Text)
    {
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

        public static bool IsAgentFile(AnalyzerConfigOptions options)
            => options.TryGetValue(KindMetadata, out string? kind) && string.Equals(kind, "Agent", StringComparison.OrdinalIgnoreCase);

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

            return new GeneratorOptions(ns, access, known.ToEquatableArray(), Get(global, "build_property.ProjectDir"));
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
