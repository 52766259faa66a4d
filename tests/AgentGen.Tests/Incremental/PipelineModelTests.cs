using System.Collections.Immutable;
using AgentGen.Common;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static AgentGen.Tests.Incremental.StepTracking;

namespace AgentGen.Tests.Incremental;

/// <summary>What the pipeline caches between runs holds no compiler object and no bare ImmutableArray.</summary>
public class PipelineModelTests
{
    [Fact]
    public void Named_step_outputs_hold_no_compiler_objects_or_bare_immutable_arrays()
    {
        var f = PipelineFixture.Create(6);
        f.Replace(IncrementalCorpus.FileName(2), IncrementalCorpus.Agent(2, 6, note: "Mention the currency."));
        GeneratorRunResult second = f.Run(f.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Extra { }", GeneratorHarness.ParseOptions)));

        var seen = new HashSet<Type>();
        var problems = new List<string>();
        foreach (GeneratorRunResult run in new[] { f.First, second })
        {
            foreach (string name in AllTrackingNames().Where(n => run.TrackedSteps.ContainsKey(n) || !IsUsuallyEmpty(n)))
            {
                int i = 0;
                foreach ((object value, IncrementalStepRunReason _) in Outputs(run, name))
                {
                    problems.AddRange(ModelGraph.FindForbidden(value, $"{name}[{i++}]", seen));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));

        // The walk really went through the models.
        Assert.Contains(typeof(AgentSource), seen);
        Assert.Contains(typeof(ParsedAgentFile), seen);
        Assert.Contains(typeof(PlanInput), seen);
        Assert.Contains(typeof(PlanAgent), seen);
        Assert.Contains(typeof(PlanMessage), seen);
        Assert.Contains(typeof(ProjectNames), seen);
        Assert.Contains(typeof(PlanNames), seen);
        Assert.Contains(typeof(LeftOut), seen);
        Assert.Contains(typeof(FileTextLength), seen);
        Assert.Contains(typeof(AgentView), seen);
        Assert.Contains(typeof(MessageView), seen);
        Assert.Contains(typeof(AgentFileModel), seen);
        Assert.Contains(typeof(MessageModel), seen);
        Assert.Contains(typeof(PayloadShape), seen);
        Assert.Contains(typeof(AgentSpec), seen);
        Assert.Contains(typeof(GeneratorOptions), seen);
        Assert.Contains(typeof(MessageSpec), seen);
        Assert.Contains(typeof(CatalogSpec), seen);
    }

    [Fact]
    public void The_walker_finds_what_it_looks_for()
    {
        var seen = new HashSet<Type>();
        var text = new InMemoryAdditionalText("/x.md", "x");
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(ImmutableArray.Create(1)), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(new object[] { "a", new[] { text } }), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(Location.None), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(Microsoft.CodeAnalysis.Text.SourceText.From("x")), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(CSharpCompilation.Create("x")), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(CSharpSyntaxTree.ParseText("class C { }").GetRoot()), "h", seen));
        Assert.NotEmpty(ModelGraph.FindForbidden(new Holder(CSharpCompilation.Create("x").GlobalNamespace), "h", seen));

        Assert.NotEmpty(ModelGraph.FindForbidden(new TypedHolder(default), "h", seen));

        // A cycle and an equatable array of strings are fine.
        var cyclic = new Node();
        cyclic.Next = cyclic;
        Assert.Empty(ModelGraph.FindForbidden(new Holder(new object[] { cyclic, new[] { "a", "b" }.ToEquatableArray() }), "h", seen));
    }

    private sealed record Holder(object? Other);

    private sealed record TypedHolder(ImmutableArray<string> Names);

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
