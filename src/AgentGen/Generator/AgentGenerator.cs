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

            IncrementalValueProvider<AgentView> agentView = project.Select(static (p, _) => p.Agents).WithTrackingName(TrackingNames.AgentView);
            IncrementalValuesProvider<AgentSpec> agents = files
                .Combine(agentView)
                .SelectMany(static (pair, _) => pair.Right.SpecFor(pair.Left) is { } spec ? ImmutableArray.Create(spec) : ImmutableArray<AgentSpec>.Empty)
                .WithTrackingName(TrackingNames.AgentSpecs);

            // A request type's records are emitted by the file of its first example (by path), so a
            // file added or removed elsewhere does not shift and re-emit them.
            IncrementalValuesProvider<MessageSpec> messages = files
                .Combine(project.Select(static (p, _) => p.Messages).WithTrackingName(TrackingNames.MessageView))
                .SelectMany(static (pair, _) => pair.Right.OwnedBy(pair.Left.Path))
                .WithTrackingName(TrackingNames.MessageSpecs);

            context.RegisterSourceOutput(agents, static (spc, spec) => EmitAgent(spc, spec));
            context.RegisterSourceOutput(messages, static (spc, spec) => EmitMessage(spc, spec));

            // Outputs of files listed more than once (rare): emitted once, from the collected side.
            context.RegisterSourceOutput(
                files.Collect().Combine(agentView).SelectMany(static (pair, _) => pair.Right.RepeatedFileSpecs(pair.Left)).WithTrackingName(TrackingNames.RepeatedFileAgents),
                static (spc, spec) => EmitAgent(spc, spec));
            context.RegisterSourceOutput(
                project.SelectMany(static (p, _) => p.RepeatedFileMessages).WithTrackingName(TrackingNames.RepeatedFileMessages),
                static (spc, spec) => EmitMessage(spc, spec));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.ToolEnum).WithTrackingName(TrackingNames.ToolEnum),
                static (spc, spec) => AddSource(spc, "AgentTool.g.cs", null, () => ProjectEmitter.EmitTools(spec)));

            context.RegisterSourceOutput(
                project.Select(static (p, _) => p.Catalog).WithTrackingName(TrackingNames.Catalog),
                static (spc, spec) => AddSource(spc, "AgentCatalog.g.cs", null, () => ProjectEmitter.EmitCatalog(spec)));

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

        private static void EmitMessage(SourceProductionContext spc, MessageSpec spec)
            => AddSource(spc, spec.HintName, null, () => ProjectEmitter.EmitMessage(spec));

        private static void EmitAgent(SourceProductionContext spc, AgentSpec spec)
            => AddSource(spc, spec.HintName, spec.Agent.Path, () => AgentEmitter.Emit(spec));

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
        public const string MessageView = nameof(MessageView);
        public const string MessageSpecs = nameof(MessageSpecs);
        public const string RepeatedFileAgents = nameof(RepeatedFileAgents);
        public const string RepeatedFileMessages = nameof(RepeatedFileMessages);
        public const string ToolEnum = nameof(ToolEnum);
        public const string Catalog = nameof(Catalog);
        public const string IsExternalInit = nameof(IsExternalInit);
        public const string HasMessages = nameof(HasMessages);
    }

    /// <summary>
    /// One agent file after parsing: what the cross-file rules need (path, name) and the model,
    /// null when the file has errors of its own (the analyzer reports them).
    /// </summary>
    internal sealed record ParsedAgentFile(string Path, string? Name, SourceSpan NameSpan, AgentFileModel? Model)
    {
        public static ParsedAgentFile Parse(AgentSource source, EquatableArray<string> knownTools)
        {
            AgentParseResult result = AgentFileParser.Parse(source.Path, source.Text, knownTools, source.Dialect);
            return new ParsedAgentFile(source.Path, result.Name, result.NameSpan, result.Model);
        }
    }

    /// <summary>
    /// What the project-wide outputs (winners, AgentTool, AgentCatalog, message records) need from
    /// one file: its path, name, tools and message shapes. No body, description or metadata, and
    /// no source positions (an edit above a ```json block moves them), so that edits which do not
    /// change the project-wide outputs leave this equal and the collected steps cached.
    /// </summary>
    internal sealed record PlanInput(string Path, string? Name, AgentFileModel? Model)
    {
        public static PlanInput From(ParsedAgentFile file) => new(file.Path, file.Name, file.Model is { } m ? Narrow(m) : null);

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

    /// <summary>
    /// What one agent's class needs from the rest of the project: whether its file won (one agent
    /// per name and per class name, ProjectPlan's rules), the AgentTool member of each tool name,
    /// and the options. Compared by value, so edits that change none of it keep every other
    /// agent's spec cached.
    /// </summary>
    internal sealed class AgentView : IEquatable<AgentView>
    {
        private Dictionary<string, ToolRef>? _memberByTool;

        public AgentView(GeneratorOptions options, EquatableArray<string> winnerPaths, EquatableArray<string> repeatedWinnerPaths, EquatableArray<ToolRef> members, HintNames hints)
        {
            Options = options;
            WinnerPaths = winnerPaths;
            RepeatedWinnerPaths = repeatedWinnerPaths;
            Members = members;
            Hints = hints;
        }

        public GeneratorOptions Options { get; }

        /// <summary>Ordinal-sorted paths of the files whose agent is emitted per file.</summary>
        public EquatableArray<string> WinnerPaths { get; }

        /// <summary>Winners whose file is listed more than once: emitted once, from the collected files.</summary>
        public EquatableArray<string> RepeatedWinnerPaths { get; }

        /// <summary>AgentTool members, by tool name.</summary>
        public EquatableArray<ToolRef> Members { get; }

        public HintNames Hints { get; }

        /// <summary>The spec of the file's agent, or null when the file has errors or lost to another file.</summary>
        public AgentSpec? SpecFor(ParsedAgentFile file)
            => file.Model is { } model && Contains(WinnerPaths, file.Path) ? Spec(model) : null;

        /// <summary>The specs of the winners whose file is listed more than once (normally none).</summary>
        public EquatableArray<AgentSpec> RepeatedFileSpecs(ImmutableArray<ParsedAgentFile> files)
        {
            if (RepeatedWinnerPaths.IsEmpty)
            {
                return EquatableArray<AgentSpec>.Empty;
            }

            var specs = new List<AgentSpec>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (ParsedAgentFile file in files)
            {
                if (file.Model is { } model && Contains(RepeatedWinnerPaths, file.Path) && done.Add(file.Path))
                {
                    specs.Add(Spec(model));
                }
            }

            return specs.ToEquatableArray();
        }

        private AgentSpec Spec(AgentFileModel model)
        {
            AgentSpec spec = SpecBuilder.BuildAgent(model, MemberByTool(), Options);
            return Hints.For(spec.ClassName) is { } hint ? spec with { HintName = hint } : spec;
        }

        private static bool Contains(EquatableArray<string> sortedPaths, string path)
        {
            int lo = 0;
            int hi = sortedPaths.Count - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = string.CompareOrdinal(sortedPaths[mid], path);
                if (c == 0)
                {
                    return true;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return false;
        }

        private Dictionary<string, ToolRef> MemberByTool()
        {
            Dictionary<string, ToolRef>? map = _memberByTool;
            if (map is null)
            {
                map = new Dictionary<string, ToolRef>(Members.Count, StringComparer.Ordinal);
                foreach (ToolRef t in Members)
                {
                    map[t.Name] = t;
                }

                map = Interlocked.CompareExchange(ref _memberByTool, map, null) ?? map;
            }

            return map;
        }

        public bool Equals(AgentView? other)
            => other is not null && (ReferenceEquals(this, other) || (Options.Equals(other.Options) && WinnerPaths.Equals(other.WinnerPaths) && RepeatedWinnerPaths.Equals(other.RepeatedWinnerPaths) && Members.Equals(other.Members) && Hints.Equals(other.Hints)));

        public override bool Equals(object? obj) => Equals(obj as AgentView);

        public override int GetHashCode() => unchecked((((Options.GetHashCode() * 31) + WinnerPaths.GetHashCode()) * 31) + Members.GetHashCode());
    }

    /// <summary>
    /// The request types' record specs, each with the file that emits it (the file of its first
    /// example by path). Compared by value.
    /// </summary>
    internal sealed class MessageView : IEquatable<MessageView>
    {
        private Dictionary<string, EquatableArray<MessageSpec>>? _byOwner;

        public MessageView(EquatableArray<OwnedMessage> messages) => Messages = messages;

        public EquatableArray<OwnedMessage> Messages { get; }

        public EquatableArray<MessageSpec> OwnedBy(string path)
        {
            Dictionary<string, EquatableArray<MessageSpec>>? map = _byOwner;
            if (map is null)
            {
                var lists = new Dictionary<string, List<MessageSpec>>(StringComparer.Ordinal);
                foreach (OwnedMessage m in Messages)
                {
                    if (!lists.TryGetValue(m.OwnerPath, out List<MessageSpec>? list))
                    {
                        lists[m.OwnerPath] = list = new List<MessageSpec>();
                    }

                    list.Add(m.Spec);
                }

                map = new Dictionary<string, EquatableArray<MessageSpec>>(lists.Count, StringComparer.Ordinal);
                foreach (KeyValuePair<string, List<MessageSpec>> pair in lists)
                {
                    map[pair.Key] = pair.Value.ToEquatableArray();
                }

                map = Interlocked.CompareExchange(ref _byOwner, map, null) ?? map;
            }

            return map.TryGetValue(path, out EquatableArray<MessageSpec> specs) ? specs : EquatableArray<MessageSpec>.Empty;
        }

        public bool Equals(MessageView? other) => other is not null && (ReferenceEquals(this, other) || Messages.Equals(other.Messages));

        public override bool Equals(object? obj) => Equals(obj as MessageView);

        public override int GetHashCode() => Messages.GetHashCode();
    }

    internal sealed record OwnedMessage(string OwnerPath, MessageSpec Spec);

    /// <summary>
    /// The agent classes' hint names where they are not the spec's default (<c>ClassName.g.cs</c>):
    /// Roslyn compares hint names ignoring case, so names are made unique the way
    /// <see cref="SpecBuilder.UniqueHintName"/> does for the whole project (agents first, by the
    /// plan's order, then request types). Normally empty.
    /// </summary>
    internal sealed record HintNames(EquatableArray<KeyValue> Overrides)
    {
        public static readonly HintNames None = new(EquatableArray<KeyValue>.Empty);

        /// <summary>The override for <paramref name="className"/>, or null (ordinal-sorted keys).</summary>
        public string? For(string className)
        {
            int lo = 0;
            int hi = Overrides.Count - 1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                int c = string.CompareOrdinal(Overrides[mid].Key, className);
                if (c == 0)
                {
                    return Overrides[mid].Value;
                }

                if (c < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return null;
        }
    }

    /// <summary>
    /// The project-wide result of one run: the views the per-file steps combine with, the
    /// project-wide specs, and the outputs of files listed more than once.
    /// </summary>
    internal sealed record ProjectOutputs(
        AgentView Agents,
        MessageView Messages,
        ToolEnumSpec ToolEnum,
        CatalogSpec Catalog,
        EquatableArray<MessageSpec> RepeatedFileMessages)
    {
        public static ProjectOutputs Build(ImmutableArray<PlanInput> files, GeneratorOptions options, bool jsonAttributes)
        {
            // Like the analyzer: a path listed twice is one file, and every file that declares a
            // name takes part in the cross-file rules, even when it has errors of its own.
            var planFiles = new List<PlanFile>(files.Length);
            var timesListed = new Dictionary<string, int>(files.Length, StringComparer.Ordinal);
            foreach (PlanInput f in files)
            {
                timesListed.TryGetValue(f.Path, out int n);
                timesListed[f.Path] = n + 1;
                if (n == 0)
                {
                    planFiles.Add(new PlanFile(f.Path, f.Name, default, f.Model));
                }
            }

            ProjectPlan plan = ProjectPlan.Build(planFiles, options.KnownTools, projectDir: options.ProjectDir);

            // Per-file outputs are emitted by their file's entry, unless the file is listed more
            // than once: then both entries would emit them, so the collected side does, once.
            var winners = new List<string>(plan.Agents.Count);
            var repeatedWinners = new List<string>();
            foreach (AgentFileModel agent in plan.Agents)
            {
                (timesListed[agent.Path] == 1 ? winners : repeatedWinners).Add(agent.Path);
            }

            // Hint names: agents first (plan order), then request types.
            HashSet<string> used = SpecBuilder.ReservedHintNames();
            var overrides = new List<KeyValue>();
            foreach (AgentFileModel agent in plan.Agents)
            {
                string hint = SpecBuilder.UniqueHintName(agent.ClassName, used);
                if (hint != agent.ClassName + ".g.cs")
                {
                    overrides.Add(new KeyValue(agent.ClassName, hint));
                }
            }

            overrides.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var hints = overrides.Count == 0 ? HintNames.None : new HintNames(overrides.ToEquatableArray());

            EquatableArray<MessageSpec> specs = SpecBuilder.BuildMessages(plan, options, jsonAttributes, used);
            var owned = new List<OwnedMessage>(specs.Count);
            var repeatedMessages = new List<MessageSpec>();
            for (int i = 0; i < specs.Count; i++)
            {
                string owner = plan.Messages[i].Occurrences[0].Key;
                if (timesListed[owner] == 1)
                {
                    owned.Add(new OwnedMessage(owner, specs[i]));
                }
                else
                {
                    repeatedMessages.Add(specs[i]);
                }
            }

            winners.Sort(StringComparer.Ordinal);
            repeatedWinners.Sort(StringComparer.Ordinal);
            var members = new List<ToolRef>(plan.ToolMembers);
            members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            return new ProjectOutputs(
                new AgentView(options, winners.ToEquatableArray(), repeatedWinners.ToEquatableArray(), members.ToEquatableArray(), hints),
                new MessageView(owned.ToEquatableArray()),
                SpecBuilder.BuildToolEnum(plan, options),
                SpecBuilder.BuildCatalog(plan, options),
                repeatedMessages.ToEquatableArray());
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
