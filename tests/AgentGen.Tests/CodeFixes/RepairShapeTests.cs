using AgentGen.CodeFixes;
using AgentGen.Diagnostics;
using AgentGen.Parsing;
using Xunit.Abstractions;

namespace AgentGen.Tests.CodeFixes;

/// <summary>Every shape of <see cref="RepairCorpus"/>: AGEN002 before; after repairing, it parses and the description is the author's text.</summary>
public class RepairShapeTests(ITestOutputHelper output)
{
    public static TheoryData<string> ShapeNames() => new(RepairCorpus.Shapes.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ShapeNames))]
    public void Shape_is_repaired_with_its_text_intact(string name)
    {
        RepairCorpus.Shape shape = RepairCorpus.Shapes.Single(s => s.Name == name);
        string path = "/p/.claude/agents/" + name + ".md";
        AgentParseResult before = AgentFileParser.Parse(path, shape.Text);
        foreach (DiagnosticInfo d in before.Diagnostics)
        {
            output.WriteLine("before: " + d.Descriptor.Id + " @" + d.Span.Start + " " + d.Message);
        }

        Assert.Contains(before.Diagnostics, d => d.Descriptor.Id == "AGEN002");

        string after = AgentFileFixAllProvider.RepairAll(path, shape.Text, AgentGen.Catalog.CopilotCatalog.DialectOf(null, path), CancellationToken.None, out int repairs);
        output.WriteLine("repairs: " + repairs);
        output.WriteLine(after);
        AgentParseResult result = AgentFileParser.Parse(path, after);
        foreach (DiagnosticInfo d in result.Diagnostics)
        {
            output.WriteLine("after: " + d.Descriptor.Id + " " + d.Message);
        }

        Assert.DoesNotContain(result.Diagnostics, d => d.Descriptor.Id == "AGEN002");
        Assert.NotNull(result.Model);
        Assert.Equal(shape.Description, result.Model!.Description);
    }
}
