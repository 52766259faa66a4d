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
                return file.Model is { } model && Contains(WinnerPaths, file.Path)
                    ? ImmutableArray.Create(new AgentOutput(file.Path, Spec(model), null))
                    : ImmutableArray<AgentOutput>.Empty;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return ImmutableArray.Create(AgentOutput.Failed(file.Path, file.Model, "building the agent's class", ex));
            }
        }

        /// <summary>The outputs of the winners whose file is listed more than once (normally none). Never throws.</summary>
        public EquatableArray<AgentOutput> RepeatedFileOutputs(ImmutableArray<ParsedAgentFile> files)
        {
            if (RepeatedWinnerPaths.IsEmpty)
            {
                return EquatableArray<AgentOutput>.Empty;
            }

            var outputs = new List<AgentOutput>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            foreach (ParsedAgentFile file in files)
            {
                if (file.Model is { } model && Contains(RepeatedWinnerPaths, file.Path) && done.Add(file.Path))
                {
                    try
                    {
                        PipelineFaults.At(PipelineFaults.ViewLookup, file.Path);
                        outputs.Add(new AgentOutput(file.Path, Spec(model), null));
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        outputs.Add(AgentOutput.Failed(file.Path, file.Model, "building the agent's class", ex));
                    }
                }
            }

            return outputs.ToEquatableArray();
        }

        private AgentSpec Spec(AgentFileModel model)
        {
            PipelineFaults.At(PipelineFaults.AgentSpec, model.Path);
            AgentSpec spec = SpecBuilder.BuildAgent(model, MemberByTool(), Options);
            return Hints.For(spec.ClassName) is { } hint ? spec with { HintName = hint } : spec;
        }

        private static bool Contains(EquatableArray<string> sortedPaths, string path) => sortedPaths.IndexOfSorted(path, static p => p) >= 0;

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
