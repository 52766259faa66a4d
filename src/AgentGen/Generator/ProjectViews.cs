using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGen.Common;
using AgentGen.Model;

namespace AgentGen.Generator
{
    /// <summary>
    /// What one agent's class needs from the rest of the project: whether its file won (one agent
    /// per name and per class name, ProjectPlan's rules), the AgentTool member of each tool name,
    /// and the options. Compared by value, so edits that change none of it keep every other
    /// agent's spec cached.
    /// </summary>
    internal sealed class AgentView : IEquatable<AgentView>
    {
        private Dictionary<string, ToolRef>? _memberByTool;

        public AgentView(GeneratorOptions options, EquatableArray<string> winnerPaths, EquatableArray<ToolRef> members, HintNames hints)
        {
            Options = options;
            WinnerPaths = winnerPaths;
            Members = members;
            Hints = hints;
        }

        public GeneratorOptions Options { get; }

        /// <summary>Ordinal-sorted paths of the files whose agent is generated (the plan's agents: winners within the budget).</summary>
        public EquatableArray<string> WinnerPaths { get; }

        /// <summary>AgentTool members, by tool name.</summary>
        public EquatableArray<ToolRef> Members { get; }

        public HintNames Hints { get; }

        /// <summary>The spec of the file's agent, or null when the file has errors or lost to another file.</summary>
        public AgentSpec? SpecFor(ParsedAgentFile file)
            => file.Model is { } model && WinnerPaths.ContainsSorted(file.Path) ? Spec(model) : null;

        /// <summary>
        /// The file's agent spec (none when the file has errors or lost to another file), or the
        /// failure of parsing it or of building its spec. Never throws.
        /// </summary>
        public ImmutableArray<AgentOutput> OutputFor(ParsedAgentFile file)
        {
            if (file.Failure is not null)
            {
                return ImmutableArray.Create(new AgentOutput(file.Path, null, file.Failure));
            }

            try
            {
                PipelineFaults.At(PipelineFaults.ViewLookup, file.Path);
                return file.Model is { } model && WinnerPaths.ContainsSorted(file.Path)
                    ? ImmutableArray.Create(new AgentOutput(file.Path, Spec(model), null))
                    : ImmutableArray<AgentOutput>.Empty;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return ImmutableArray.Create(AgentOutput.Failed(file.Path, file.Model, "building the agent's class", ex));
            }
        }

        private AgentSpec Spec(AgentFileModel model)
        {
            PipelineFaults.At(PipelineFaults.AgentSpec, model.Path);
            AgentSpec spec = SpecBuilder.BuildAgent(model, MemberByTool(), Options);
            return Hints.For(spec.ClassName) is { } hint ? spec with { HintName = hint } : spec;
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
            => other is not null && (ReferenceEquals(this, other) || (Options.Equals(other.Options) && WinnerPaths.Equals(other.WinnerPaths) && Members.Equals(other.Members) && Hints.Equals(other.Hints)));

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

        /// <summary>The record files the file at <paramref name="path"/> emits, or the failure of looking them up. Never throws.</summary>
        public ImmutableArray<MessageOutput> OutputsFor(string path)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.MessageLookup, path);
                EquatableArray<MessageSpec> specs = OwnedBy(path);
                if (specs.IsEmpty)
                {
                    return ImmutableArray<MessageOutput>.Empty;
                }

                ImmutableArray<MessageOutput>.Builder outputs = ImmutableArray.CreateBuilder<MessageOutput>(specs.Count);
                foreach (MessageSpec spec in specs)
                {
                    outputs.Add(new MessageOutput(path, spec, null));
                }

                return outputs.MoveToImmutable();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return ImmutableArray.Create(new MessageOutput(path, null, new FileFailure(path, PipelineFaults.Describe("looking up the payload records", ex))));
            }
        }

        public bool Equals(MessageView? other) => other is not null && (ReferenceEquals(this, other) || Messages.Equals(other.Messages));

        public override bool Equals(object? obj) => Equals(obj as MessageView);

        public override int GetHashCode() => Messages.GetHashCode();
    }

    internal sealed record OwnedMessage(string OwnerPath, MessageSpec Spec);

    /// <summary>
    /// What a per-file output step (AgentSpecs, MessageSpecs) combines each file with: the project's
    /// view and the paths listed more than once (RepeatedPaths), whose outputs the RepeatedFiles
    /// branch emits instead (both entries of such a file would emit them, and AddSource throws on a
    /// repeated hint name).
    /// </summary>
    internal sealed record FileContext<TView>(TView View, EquatableArray<string> Repeated)
        where TView : IEquatable<TView>
    {
        /// <summary>Whether the file's own entry emits its outputs (it is listed once).</summary>
        public bool EmitsFor(string path) => !Repeated.ContainsSorted(path);
    }

    /// <summary>
    /// The RepeatedFiles branch's input: the files listed more than once (one entry each, normally
    /// none) and both views; and its result, one generated agent or record file (or failure) each.
    /// Roslyn has no Concat for value providers, so these outputs come from the collected side.
    /// </summary>
    internal sealed record RepeatedFilesInput(EquatableArray<ParsedAgentFile> Files, AgentView Agents, MessageView Messages)
    {
        /// <summary>The first entry of each path in <paramref name="repeated"/>; empty (and equal) when no path is.</summary>
        public static EquatableArray<ParsedAgentFile> FilesOf(ImmutableArray<ParsedAgentFile> files, EquatableArray<string> repeated)
        {
            if (repeated.IsEmpty)
            {
                return EquatableArray<ParsedAgentFile>.Empty;
            }

            var once = new List<ParsedAgentFile>(repeated.Count);
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (ParsedAgentFile file in files)
            {
                if (repeated.ContainsSorted(file.Path) && done.Add(file.Path))
                {
                    once.Add(file);
                }
            }

            return once.ToEquatableArray();
        }

        /// <summary>Every output of the repeated files, as their own entries would have emitted them. Never throws (the views' lookups are guarded).</summary>
        public ImmutableArray<RepeatedFileOutput> Outputs()
        {
            ImmutableArray<RepeatedFileOutput>.Builder outputs = ImmutableArray.CreateBuilder<RepeatedFileOutput>();
            foreach (ParsedAgentFile file in Files)
            {
                foreach (AgentOutput agent in Agents.OutputFor(file))
                {
                    outputs.Add(new RepeatedFileOutput(GeneratedAgent.From(agent), null));
                }

                foreach (MessageOutput message in Messages.OutputsFor(file.Path))
                {
                    outputs.Add(new RepeatedFileOutput(null, message));
                }
            }

            return outputs.ToImmutable();
        }
    }

    /// <summary>One output of the RepeatedFiles branch: an agent class or a record file.</summary>
    internal sealed record RepeatedFileOutput(GeneratedAgent? Agent, MessageOutput? Message);

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
            => Overrides.IndexOfSorted(className, static o => o.Key) is var i and >= 0 ? Overrides[i].Value : null;
    }
}
