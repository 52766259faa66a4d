using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// Roslyn compares hint names ignoring case: names that differ only in case must not break the
/// per-file emission (each file's output gets the project-wide unique hint name).
/// </summary>
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
        Assert.Contains("FoobarAgent_2.g.cs", result.Sources.Keys);
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
}
