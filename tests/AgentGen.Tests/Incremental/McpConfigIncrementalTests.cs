using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using static AgentGen.Tests.Incremental.StepTracking;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// The project's .mcp.json is read on a branch of its own that meets the agent files only at the catalogue's output
/// (AgentCatalog.McpServers): an agent-file edit never re-reads it, and its edit re-parses no agent file and
/// re-emits the catalogue only.
/// </summary>
public class McpConfigIncrementalTests
{
    private const int Edited = 4;
    private const string McpJson = "{ \"mcpServers\": { \"ledger\": { \"command\": \"node\", \"args\": [\"ledger.js\"] } } }";

    private static IReadOnlyList<string> Reemitted(GeneratorRunResult run) => SourceOutputs(run)
        .Where(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
        .SelectMany(o => o.HintNames)
        .OrderBy(h => h, StringComparer.Ordinal)
        .ToList();

    [Fact]
    public void Editing_an_agent_file_does_not_reread_the_mcp_json_or_reemit_the_catalog()
    {
        var f = PipelineFixture.WithMcpConfig(McpJson);
        Assert.Contains("new global::AgentGen.McpServerInfo(\"ledger\", \"stdio\")", f.GeneratedSources()["AgentCatalog.g.cs"], StringComparison.Ordinal);

        f.Replace(IncrementalCorpus.FileName(Edited), IncrementalCorpus.Agent(Edited, f.Count, note: "Close the period on Fridays."));
        GeneratorRunResult run = f.Run();

        // The .mcp.json entry of the filter comes from the cache (the edited agent file passes the filter and
        // yields nothing); the merged list is not computed again.
        AssertNotRun(run, TrackingNames.McpConfig);
        AssertNotRun(run, TrackingNames.McpServers);
        Assert.Equal(new[] { IncrementalCorpus.ClassName(Edited) + ".g.cs" }, Reemitted(run));
    }

    [Fact]
    public void Editing_the_mcp_json_reparses_no_agent_file_and_reemits_the_catalog_only()
    {
        var f = PipelineFixture.WithMcpConfig(McpJson);
        f.ReplaceMcpConfig("{ \"mcpServers\": { \"ledger\": { \"command\": \"node\" }, \"docs\": { \"type\": \"http\", \"url\": \"https://docs.invalid/mcp\" } } }");
        GeneratorRunResult run = f.Run();

        (object value, IncrementalStepRunReason reason) = Assert.Single(Outputs(run, TrackingNames.McpConfig));
        Assert.Equal(IncrementalStepRunReason.Modified, reason);
        Assert.Equal(2, ((McpServerList)value).Servers.Count);
        AssertReused(run, TrackingNames.Sources);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNotRun(run, TrackingNames.Project);
        AssertNotRun(run, TrackingNames.AgentSpecs);
        Assert.Equal(new[] { "AgentCatalog.g.cs" }, Reemitted(run));
        Assert.Contains("new global::AgentGen.McpServerInfo(\"docs\", \"http\"), new global::AgentGen.McpServerInfo(\"ledger\", \"stdio\")", f.GeneratedSources()["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_what_the_catalog_does_not_show_in_the_mcp_json_reemits_nothing()
    {
        // Arguments, env and formatting are not in the model (names and transports only): the list compares equal.
        var f = PipelineFixture.WithMcpConfig(McpJson);
        f.ReplaceMcpConfig("{\n  \"mcpServers\": {\n    \"ledger\": { \"command\": \"node\", \"args\": [\"ledger.js\", \"--verbose\"], \"env\": { \"LEDGER\": \"1\" } }\n  }\n}\n");
        GeneratorRunResult run = f.Run();

        Assert.Equal(IncrementalStepRunReason.Unchanged, Assert.Single(Outputs(run, TrackingNames.McpConfig)).Reason);
        AssertNotRun(run, TrackingNames.Parse);
        AssertNothingNew(run);
    }
}
