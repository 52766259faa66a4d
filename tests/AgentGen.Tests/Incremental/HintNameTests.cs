using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Incremental;

/// <summary>Roslyn compares hint names ignoring case: names that differ only in case must not break generation.</summary>
public class HintNameTests
{
    [Fact]
    public void Agents_whose_class_names_differ_only_in_case_both_generate()
    {
        var harness = new GeneratorHarness();
        harness.Agent("a.md", "---\nname: foo-bar\ndescription: First.\ntools: Read\n---\nBody one.\n");
        harness.Agent("b.md", "---\nname: foobar\ndescription: Second.\ntools: Read\n---\nBody two.\n");
        GeneratorResult result = harness.Run();

        result.AssertCompilesCleanly();
        Assert.Contains(result.Sources.Values, s => s.Contains("class FooBarAgent", StringComparison.Ordinal));
        Assert.Contains(result.Sources.Values, s => s.Contains("class FoobarAgent", StringComparison.Ordinal));
        Assert.Contains("FooBarAgent.g.cs", result.Sources.Keys);
        Assert.Contains("FoobarAgent.2.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void Payload_records_whose_names_differ_only_in_case_both_generate()
    {
        var harness = new GeneratorHarness();
        harness.Agent("a.md", "---\nname: sender\ndescription: Sends.\ntools: Read\n---\n```json\n{ \"request_type\": \"get_data\", \"payload\": { \"id\": 1 } }\n```\n");
        harness.Agent("b.md", "---\nname: other\ndescription: Sends too.\ntools: Read\n---\n```json\n{ \"request_type\": \"getdata\", \"payload\": { \"key\": \"k\" } }\n```\n");
        GeneratorResult result = harness.Run();

        result.AssertCompilesCleanly();
        Assert.Contains(result.Sources.Values, s => s.Contains("record GetDataPayload", StringComparison.Ordinal));
        Assert.Contains(result.Sources.Values, s => s.Contains("record GetdataPayload", StringComparison.Ordinal));
    }

    [Fact]
    public void Hint_names_of_a_case_group_are_distinct_ignoring_case()
    {
        var hints = AgentGen.Generator.HintNames.Build(new[] { "FooBarAgent", "FoobarAgent", "FOOBARAgent", "OtherAgent" });
        string[] names = { hints.For("FooBarAgent"), hints.For("FoobarAgent"), hints.For("FOOBARAgent"), hints.For("OtherAgent") };
        Assert.Equal(names.Length, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("OtherAgent.g.cs", hints.For("OtherAgent"));
        Assert.Equal("FOOBARAgent.g.cs", hints.For("FOOBARAgent"));
    }
}
