using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Model;

namespace AgentGen.Generator
{
    /// <summary>
    /// The project-wide result of one run: the views the per-file steps combine with, the
    /// project-wide specs (the <c>AgentTool</c> file already as text: every agent class refers to
    /// it, so it must be known to exist before they are emitted), the outputs of files listed more
    /// than once, and the failures to report (AGEN099).
    /// </summary>
    internal sealed record ProjectOutputs(
        AgentView Agents,
        MessageView Messages,
        string? ToolEnumSource,
        CatalogSpec? Catalog,
        EquatableArray<MessageSpec> RepeatedFileMessages,
        EquatableArray<FileFailure> Failures)
    {
        private const string What = "the project-wide step (names, tools, catalog, payload records)";

        /// <summary>
        /// Builds the project outputs. Never throws: when building fails, each file with a model
        /// is tried alone, the files that fail alone are left out (AGEN099 on each) and the rest is
        /// built again; if that still fails, every file gets AGEN099 and nothing is generated.
        /// </summary>
        /// <param name="textLengths">Every file's text length when together they exceed the project's budget (<see cref="TextBudget"/>); empty otherwise.</param>
        public static ProjectOutputs Build(ImmutableArray<PlanInput> files, GeneratorOptions options, bool jsonAttributes, bool csharp9 = true, EquatableArray<FileTextLength> textLengths = default)
        {
            if (files.IsEmpty && !csharp9)
            {
                // No agent file, and a C# version before 9: nothing to generate, not even AgentTool and
                // AgentCatalog (generated code needs C# 9, docs/rules/AGEN000.md). Such a project got
                // the analyzer without agents of its own (through a project reference to one that uses
                // AgentGen) and compiles as if AgentGen were absent. On C# 9 and later the empty
                // AgentCatalog stays, so AgentCatalog.Get without agents gets AGEN101, not CS0103.
                return Nothing(options, EquatableArray<FileFailure>.Empty);
            }

            var failures = new List<FileFailure>();
            foreach (PlanInput f in files)
            {
                if (f.Failure is { } failure && !failures.Contains(failure))
                {
                    failures.Add(failure);
                }
            }

            try
            {
                return BuildCore(files, options, jsonAttributes, failures, textLengths);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Isolate(files, options, jsonAttributes, failures, ex, textLengths);
            }
        }

        private static ProjectOutputs Isolate(ImmutableArray<PlanInput> files, GeneratorOptions options, bool jsonAttributes, List<FileFailure> failures, Exception first, EquatableArray<FileTextLength> textLengths)
        {
            ImmutableArray<PlanInput>.Builder kept = ImmutableArray.CreateBuilder<PlanInput>(files.Length);
            var culprits = new HashSet<string>(StringComparer.Ordinal);
            foreach (PlanInput f in files)
            {
                if (f.Model is null || culprits.Contains(f.Path))
                {
                    kept.Add(f);
                    continue;
                }

                try
                {
                    BuildCore(ImmutableArray.Create(f), options, jsonAttributes, new List<FileFailure>(), textLengths);
                    kept.Add(f);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    culprits.Add(f.Path);
                    failures.Add(new FileFailure(f.Path, PipelineFaults.Describe(What, ex)));
                }
            }

            if (culprits.Count > 0)
            {
                try
                {
                    // The culprits are left out altogether: not even their names take part.
                    var rest = ImmutableArray.CreateBuilder<PlanInput>(kept.Count);
                    foreach (PlanInput f in kept)
                    {
                        if (!culprits.Contains(f.Path))
                        {
                            rest.Add(f);
                        }
                    }

                    return BuildCore(rest.ToImmutable(), options, jsonAttributes, failures, textLengths);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    first = ex;
                }
            }

            // The files fail only together (or nothing narrows it down): report every file, generate nothing.
            var all = new List<FileFailure>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (PlanInput f in files)
            {
                if (seen.Add(f.Path))
                {
                    all.Add(new FileFailure(f.Path, PipelineFaults.Describe(What, first)));
                }
            }

            return Nothing(options, all.ToEquatableArray());
        }

        /// <summary>Outputs that generate nothing: no agent wins, no record, no AgentTool, no catalog; only <paramref name="failures"/>.</summary>
        private static ProjectOutputs Nothing(GeneratorOptions options, EquatableArray<FileFailure> failures) => new(
            new AgentView(options, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<ToolRef>.Empty, HintNames.None),
            new MessageView(EquatableArray<OwnedMessage>.Empty),
            null,
            null,
            EquatableArray<MessageSpec>.Empty,
            failures);

        private static ProjectOutputs BuildCore(ImmutableArray<PlanInput> files, GeneratorOptions options, bool jsonAttributes, List<FileFailure> failures, EquatableArray<FileTextLength> textLengths)
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
                    if (f.Model is not null)
                    {
                        PipelineFaults.At(PipelineFaults.Project, f.Path);
                    }

                    planFiles.Add(new PlanFile(f.Path, f.Name, default, f.Model));
                }
            }

            ProjectPlan plan = ProjectPlan.Build(planFiles, options.KnownTools, projectDir: options.ProjectDir, textLengths: TextBudget.ByPath(textLengths));

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

            // Every agent class refers to AgentTool: it is written here, so that a failure drops the
            // agents with it (through the fallback above) instead of leaving them uncompilable.
            PipelineFaults.At(PipelineFaults.ToolEnum, options.Namespace);
            string toolEnum = ProjectEmitter.EmitTools(SpecBuilder.BuildToolEnum(plan, options));

            return new ProjectOutputs(
                new AgentView(options, winners.ToEquatableArray(), repeatedWinners.ToEquatableArray(), members.ToEquatableArray(), hints),
                new MessageView(owned.ToEquatableArray()),
                toolEnum,
                SpecBuilder.BuildCatalog(plan, options),
                repeatedMessages.ToEquatableArray(),
                failures.ToEquatableArray());
        }
    }
}
