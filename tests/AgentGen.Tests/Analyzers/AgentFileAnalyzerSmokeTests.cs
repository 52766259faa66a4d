using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Analyzers;

public class AgentFileAnalyzerSmokeTests
{
    [Fact]
    public Task Unknown_tool_is_reported_at_the_tool() => AgentFileVerifier.VerifyAsync(
        "reviewer.md",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, {|AGEN007:Reed|}\n---\nBody\n");

    [Fact]
    public Task Valid_sample_agents_raise_nothing_but_the_unknown_field_info() => AgentFileVerifier.VerifyAsync(
        TestFiles.SampleAgents().Select(p => (Path.GetFileName(p), TestFiles.Read(p).Replace("use_for:", "{|AGEN015:use_for|}:", StringComparison.Ordinal))).ToArray());
}
