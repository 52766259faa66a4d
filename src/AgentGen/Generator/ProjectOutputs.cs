using System;
using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Model;

namespace AgentGen.Generator
{
    /// <summary>What the Project step needs besides the files: the options and two facts about the compilation.</summary>
    internal sealed record ProjectSettings(GeneratorOptions Options, bool JsonAttributes, bool CSharp9);

    /// <summary>The Project step's input: the winners (Winners step), the agents the budget leaves out (TextBudget step) and the settings.</summary>
    internal sealed record ProjectInput(ProjectNames Names, LeftOut LeftOut, ProjectSettings Settings);

    /// <summary>
    /// The Project step's result: the views the per-file steps combine with, the project-wide specs
    /// (the <c>AgentTool</c> file already as text: every agent class refers to it, so it must be
    /// known to exist before they are emitted), and the failures to report (AGEN099).
    /// </summary>
    internal sealed record ProjectOutputs(
        AgentView Agents,
        MessageView Messages,
        string? ToolEnumSource,
        CatalogSpec? Catalog,
        EquatableArray<FileFailure> Failures)
    {
        private const string What = "the project-wide step (names, tools, catalog, payload records)";

        /// <summary>
        /// The plan's last step (<see cref="ProjectPlan.Complete"/>) and the specs. Never throws: a
        /// file that makes it fail is left out (AGEN099 on it; <see cref="ProjectGuard"/>); when it
        /// fails whatever the files, every file gets AGEN099 and nothing is generated.
        /// </summary>
        public static ProjectOutputs Build(ProjectInput input)
        {
            GeneratorOptions options = input.Settings.Options;
            var failures = new List<FileFailure>(input.Names.Failures);
            if (input.LeftOut.Failure is { } budgetFailure)
            {
                failures.Add(budgetFailure);
            }

            if (input.Names.Names is not { } names)
            {
                return Nothing(options, failures.ToEquatableArray());
            }

            if (names.Files.IsEmpty && !input.Settings.CSharp9)
            {
                // No agent file, and a C# version before 9: nothing to generate, not even AgentTool and
                // AgentCatalog (generated code needs C# 9, docs/rules/AGEN000.md). Such a project got
                // the analyzer without agents of its own (through a project reference to one that uses
                // AgentGen) and compiles as if AgentGen were absent. On C# 9 and later the empty
                // AgentCatalog stays, so AgentCatalog.Get without agents gets AGEN101, not CS0103.
                return Nothing(options, failures.ToEquatableArray());
            }

            var files = new List<PlanFile>(names.Files);
            ProjectOutputs? built = ProjectGuard.Run(files, What, failures, some =>
            {
                // Tried again without a file that fails: the culprits are left out altogether, not even their names take part.
                PlanNames plan = ReferenceEquals(some, files) ? names : ProjectPlan.SelectNames(some, options.ProjectDir);
                return BuildCore(plan, input.LeftOut.Paths, input.Settings);
            });
            return (built ?? Nothing(options, EquatableArray<FileFailure>.Empty)) with { Failures = failures.ToEquatableArray() };
        }

        /// <summary>Outputs that generate nothing: no agent wins, no record, no AgentTool, no catalog; only <paramref name="failures"/>.</summary>
        private static ProjectOutputs Nothing(GeneratorOptions options, EquatableArray<FileFailure> failures) => new(
            new AgentView(options, EquatableArray<string>.Empty, EquatableArray<ToolRef>.Empty, HintNames.None),
            new MessageView(EquatableArray<OwnedMessage>.Empty),
            null,
            null,
            failures);

        private static ProjectOutputs BuildCore(PlanNames names, EquatableArray<string> leftOut, ProjectSettings settings)
        {
            GeneratorOptions options = settings.Options;
            foreach (PlanFile f in names.Files)
            {
                if (f.Agent is not null)
                {
                    PipelineFaults.At(PipelineFaults.Project, f.Path);
                }
            }

            ProjectPlan plan = ProjectPlan.Complete(names, leftOut, options.KnownTools);

            // Hint names: agents first (plan order), then request types.
            HashSet<string> used = SpecBuilder.ReservedHintNames();
            var winners = new List<string>(plan.Agents.Count);
            var overrides = new List<KeyValue>();
            foreach (PlanAgent agent in plan.Agents)
            {
                winners.Add(agent.Path);
                string hint = SpecBuilder.UniqueHintName(agent.ClassName, used);
                if (hint != agent.ClassName + ".g.cs")
                {
                    overrides.Add(new KeyValue(agent.ClassName, hint));
                }
            }

            overrides.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            var hints = overrides.Count == 0 ? HintNames.None : new HintNames(overrides.ToEquatableArray());

            // A request type's records are emitted by the file of its first example (by path).
            EquatableArray<MessageSpec> specs = SpecBuilder.BuildMessages(plan, options, settings.JsonAttributes, used);
            var owned = new List<OwnedMessage>(specs.Count);
            for (int i = 0; i < specs.Count; i++)
            {
                owned.Add(new OwnedMessage(plan.Messages[i].Occurrences[0].Key, specs[i]));
            }

            winners.Sort(StringComparer.Ordinal);
            var members = new List<ToolRef>(plan.ToolMembers);
            members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            // Every agent class refers to AgentTool: it is written here, so that a failure drops the
            // agents with it (through the guard above) instead of leaving them uncompilable.
            PipelineFaults.At(PipelineFaults.ToolEnum, options.Namespace);
            string toolEnum = ProjectEmitter.EmitTools(SpecBuilder.BuildToolEnum(plan, options));

            return new ProjectOutputs(
                new AgentView(options, winners.ToEquatableArray(), members.ToEquatableArray(), hints),
                new MessageView(owned.ToEquatableArray()),
                toolEnum,
                SpecBuilder.BuildCatalog(plan, options),
                EquatableArray<FileFailure>.Empty);
        }
    }
}
