using AgentGen.AI;
using AgentGen.Runtime.Tests.Agents;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

public class ModelMapAndOptionsTests
{
    private static readonly AgentModelMap Models = new() { Sonnet = "claude-sonnet-5-5", Opus = "claude-opus-5-5", Haiku = "claude-haiku-5-5", Fable = "claude-fable-5" };

    [Theory]
    [InlineData("sonnet", "claude-sonnet-5-5")]
    [InlineData("opus", "claude-opus-5-5")]
    [InlineData("haiku", "claude-haiku-5-5")]
    [InlineData("fable", "claude-fable-5")]
    [InlineData("opus[1m]", "claude-opus-5-5")]
    [InlineData("claude-opus-4-8", "claude-opus-4-8")]
    [InlineData("us.anthropic.claude-opus-4-8", "us.anthropic.claude-opus-4-8")]
    [InlineData("inherit", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Resolve_maps_aliases_and_keeps_full_ids(string? model, string? expected)
        => Assert.Equal(expected, Models.Resolve(model));

    [Fact]
    public void An_unmapped_alias_is_the_clients_default()
        => Assert.Null(new AgentModelMap().Resolve("sonnet"));

    [Fact]
    public void CreateChatOptions_takes_instructions_model_effort_and_only_allowed_tools()
    {
        var tools = new TestTools();
        ChatOptions options = AgentCatalog.Lead.CreateChatOptions(tools.Box, Models);

        Assert.Equal(AgentCatalog.Lead.Instructions, options.Instructions);
        Assert.Equal("claude-opus-5-5", options.ModelId);
        Assert.Equal(["Read", "Grep"], options.Tools!.Select(t => t.Name));
        Assert.Equal(ReasoningEffort.High, options.Reasoning!.Effort);
        Assert.Equal(4, AgentCatalog.Lead.MaxTurns);
    }

    [Fact]
    public async Task The_runtime_reads_maxTurns_and_effort_through_IAgentRuntimeDefinition_only()
    {
        AgentGen.IAgentRuntimeDefinition lead = AgentCatalog.Lead;
        Assert.Equal((4, AgentGen.AgentEffort.High), (lead.MaxTurns, lead.Effort));
        Assert.Null(lead.AgentTypes); // tools: ..., Agent

        // A hand-written runtime definition is read through the interface: its maxTurns caps the tool rounds.
        var handWritten = new HandWrittenAgent();
        Assert.Equal(ReasoningEffort.Medium, handWritten.CreateChatOptions(new AgentToolbox()).Reasoning!.Effort);
        var model = new ScriptedChatClient();
        int ran = 0;
        var box = new AgentToolbox().Add("Grep", (string pattern) => { ran++; return "none"; });
        for (int i = 0; i < 5; i++)
        {
            model.Calls(handWritten, "Grep", new { pattern = "p" });
        }

        await model.AsBuilder().UseAgentFunctionInvocation(handWritten, box).Build().GetResponseAsync("go", handWritten.CreateChatOptions(box));
        Assert.Equal(2, ran);

        // A plain IAgentDefinition has neither, even with look-alike properties: nothing is read by reflection.
        Assert.Null(new LookAlikeAgent().CreateChatOptions(new AgentToolbox()).Reasoning);
    }

    private class PlainAgent : AgentGen.IAgentDefinition
    {
        public string Name => "plain";

        public string Description => "A hand-written agent.";

        public string? Model => null;

        public string Instructions => "Be plain.";

        public bool InheritsAllTools => true;

        public IReadOnlyList<string> ToolNames => [];

        public IReadOnlyList<string> DisallowedToolNames => [];

        public IReadOnlyDictionary<string, string> Metadata => new Dictionary<string, string>();

        public bool Allows(string toolName) => true;
    }

    private sealed class HandWrittenAgent : PlainAgent, AgentGen.IAgentRuntimeDefinition
    {
        public int? MaxTurns => 2;

        public AgentGen.AgentEffort? Effort => AgentGen.AgentEffort.Medium;

        public IReadOnlyList<string>? AgentTypes => null;

        public AgentGen.AgentPermissionMode? PermissionMode => null;

        public IReadOnlyList<string> Skills => [];

        public AgentGen.AgentMemoryScope? Memory => null;

        public string? HooksJson => null;

        public string? InitialPrompt => null;
    }

    private sealed class LookAlikeAgent : PlainAgent
    {
        public int? MaxTurns => 9;

        public AgentGen.AgentEffort? Effort => AgentGen.AgentEffort.Medium;
    }

    [Fact]
    public void An_agent_without_tools_field_gets_every_toolbox_tool_but_its_disallowed_ones()
    {
        var tools = new TestTools();
        ChatOptions options = AgentCatalog.Writer.CreateChatOptions(tools.Box, Models);

        Assert.Equal(["Read", "Grep", "Write", "Edit", "mcp__archive__file_document"], options.Tools!.Select(t => t.Name));
        Assert.Equal("claude-haiku-5-5", options.ModelId);
        Assert.Null(options.Reasoning);
        Assert.Null(AgentCatalog.Writer.MaxTurns);
    }

    [Fact]
    public void A_whole_mcp_server_grant_covers_the_servers_tools()
    {
        var tools = new TestTools();
        ChatOptions options = AgentCatalog.Archivist.CreateChatOptions(tools.Box, Models);

        Assert.Equal(["Read", "mcp__archive__file_document"], options.Tools!.Select(t => t.Name));
        Assert.Null(options.ModelId); // model: inherit
        Assert.Equal(ReasoningEffort.ExtraHigh, options.Reasoning!.Effort); // effort: max
    }

    [Fact]
    public void Toolbox_names_tools_as_agent_files_do()
    {
        var box = new AgentToolbox().Add("Read", AIFunctionFactory.Create((string p) => p, "read_file"));
        Assert.True(box.TryGetTool("Read", out AIFunction? read));
        Assert.Equal("Read", read.Name);
        Assert.Equal(["Read"], box.ToolNames);
        Assert.Equal(["Read", "Grep", "Write", "Edit", "Bash", "mcp__archive__file_document"], new TestTools().Box.ToolNames);
        Assert.Throws<ArgumentException>(() => box.Add("Read", (string p) => p));
        Assert.Throws<ArgumentException>(() => box.Add(" ", (string p) => p));
    }
}
