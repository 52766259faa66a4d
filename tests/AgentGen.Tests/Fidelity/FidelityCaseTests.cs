using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Fidelity;

/// <summary>
/// FIDELITY.md's discrepancies D1-D22, each pinned by a test that failed on the code of
/// d4db725: the source is named next to each case (and next to the rule in the code).
/// </summary>
public class FidelityCaseTests
{
    private static string[] Ids(string text, string path = "/project/.claude/agents/a.md")
        => AgentFileParser.Parse(path, text).Diagnostics.Select(d => d.Descriptor.Id).OrderBy(x => x, StringComparer.Ordinal).ToArray();

    private static AgentParseResult Parse(string text, string path = "/project/.claude/agents/a.md") => AgentFileParser.Parse(path, text);

    // ---- D3: documentation files are not agents (sub-agents page; 2.1.43) -------------------

    [Theory]
    [InlineData("# Agents\n\nThese files define our subagents.\n")]
    [InlineData("Notes on the reviewer agent.\n\n- it reads code\n- name: is a field, see below\n")]
    [InlineData("# Example\n\n```markdown\n---\nname: example\ndescription: shown, not defined\n---\n```\n")]
    [InlineData("")]
    public void D3_a_file_with_no_frontmatter_is_documentation(string text)
    {
        AgentParseResult r = Parse(text);
        Assert.Empty(r.Diagnostics);
        Assert.Null(r.Model);
        Assert.True(r.IsDocumentation);
    }

    [Theory]
    [InlineData("\n---\nname: late\ndescription: d\n---\n")]
    [InlineData("  ---\nname: indented\ndescription: d\n---\n")]
    [InlineData("# Reviewer\nname: reviewer\ndescription: Reviews code.\n")]
    [InlineData("description: no opening line\ntools: Read\n")]
    [InlineData("---\nname: unclosed\ndescription: d\n")]
    public void D3_an_attempted_agent_still_gets_AGEN001(string text)
    {
        AgentParseResult r = Parse(text);
        Assert.Equal(["AGEN001"], r.Diagnostics.Select(d => d.Descriptor.Id));
        Assert.False(r.IsDocumentation);
    }

    [Fact]
    public Task D3_readme_beside_agents_builds_quietly() => VerifyAsync(
        new[] { ("README.md", "# Agents of this repo\n\nOne file per subagent.\n"), ("ok.md", Agent("ok-agent")) });

    // ---- D1: mcp__* ----------------------------------------------------------------------

    [Fact]
    public void D1_mcp_star_is_a_known_entry_and_the_agent_generates()
    {
        string text = Agent("mcp-free", "tools: Read, mcp__gh__x", "disallowedTools: mcp__*");
        Assert.Equal(["AGEN012"], Ids(text)); // mcp__gh__x is both allowed and (through mcp__*) disallowed

        GeneratorResult result = new GeneratorHarness().Agent("a.md", text).Agent("b.md", Agent("inheritor", "disallowedTools: mcp__*")).Run();
        result.AssertCompilesCleanly();
        var asm = GeneratedAssembly.Load(result);
        IAgentDefinition free = asm.Agent("McpFreeAgent");
        Assert.False(free.Allows("mcp__gh__x"));
        Assert.True(free.Allows("Read"));
        IAgentDefinition inheritor = asm.Agent("InheritorAgent");
        Assert.False(inheritor.Allows("mcp__gh__y")); // threw ArgumentOutOfRangeException before
        Assert.True(inheritor.Allows("Bash"));
    }

    // ---- D4, D11: space-separated lists and '*' ------------------------------------------

    [Fact]
    public void D4_a_space_separated_list_of_known_tools_is_three_tools()
    {
        AgentParseResult r = Parse(Agent("spaced", "tools: Read Grep Glob"));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["Read", "Grep", "Glob"], r.Model!.Tools);
    }

    [Fact]
    public void D4_an_entry_with_an_unknown_part_stays_one_entry()
    {
        AgentParseResult r = Parse(Agent("spaced", "tools: Read, code review"));
        Assert.Equal(["AGEN007"], r.Diagnostics.Select(d => d.Descriptor.Id));
        Assert.Equal(["Read", "code review"], r.Model!.Tools);
    }

    [Fact]
    public void D11_star_is_every_tool_without_AGEN007()
    {
        AgentParseResult r = Parse(Agent("everything", "tools: \"*\""));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["*"], r.Model!.Tools);
    }

    // ---- D5, D8, D18: legacy names and the catalogue --------------------------------------

    [Fact]
    public void D5_KillBash_is_a_legacy_name_of_TaskStop()
    {
        AgentParseResult r = Parse(Agent("stopper", "tools: KillBash"));
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("AGEN009", d.Descriptor.Id);
        Assert.Equal("TaskStop", d.Properties!["Replacement"]);
    }

    [Fact]
    public void D8_TeamCreate_is_removed_and_ShareOnboardingGuide_known()
    {
        Assert.Equal(["AGEN009", "AGEN009"], Ids(Agent("teams", "tools: TeamCreate, TeamDelete")));
        Assert.Empty(Ids(Agent("guide", "tools: ShareOnboardingGuide")));
        Assert.DoesNotContain("TeamCreate", AgentGen.Catalog.ToolCatalog.BuiltIns);
        Assert.StartsWith("catalogue as of Claude Code 2.1.", AgentGen.Catalog.ToolCatalog.AsOf, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LS")]
    [InlineData("TodoRead")]
    [InlineData("TeamCreate")]
    public void D18_no_automatic_replacement_without_a_source(string legacy)
    {
        var d = Assert.Single(Parse(Agent("old", "tools: " + legacy)).Diagnostics);
        Assert.Equal("AGEN009", d.Descriptor.Id);
        Assert.True(d.Properties is null || !d.Properties.ContainsKey("Replacement"), d.Message);
        Assert.DoesNotContain("'Glob'", d.Message.Replace("'Bash' or 'Glob'", string.Empty), StringComparison.Ordinal);
    }

    // ---- D7, D10, D13: messages and names -------------------------------------------------

    [Fact]
    public void D7_AGEN011_says_Claude_Code_launches_the_agent_without_tools()
    {
        var d = Assert.Single(Parse(Agent("toolless", "tools: []")).Diagnostics);
        Assert.Equal("AGEN011", d.Descriptor.Id);
        Assert.Contains("launches the agent without any tool", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("will not start", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void D10_Agent_types_are_an_allowlist_several_entries_combine_and_none_is_AGEN008()
    {
        AgentParseResult r = Parse(Agent("lead", "tools: [\"Agent(worker, researcher)\", \"Agent(reviewer)\", Read]"));
        Assert.Empty(r.Diagnostics);
        Assert.Equal(["Agent", "Read"], r.Model!.Tools);
        Assert.Equal(["worker", "researcher", "reviewer"], r.Model.Optional.AgentTypes!.Value);
    }

    [Theory]
    [InlineData("tools: Read, Agent(worker, reviewer)", "worker,reviewer")]
    [InlineData("tools: Read, Agent(worker), Task(reviewer, worker)", "worker,reviewer")] // Task is Agent's legacy alias
    [InlineData("tools: Read, Agent()", "")]                                             // nothing listed: no type
    [InlineData("tools: Read, Agent(worker), Agent", null)]                              // a bare Agent: any type
    [InlineData("tools: Agent, Agent(worker)", null)]
    [InlineData("tools: \"*, Agent(worker)\"", null)]                                    // every tool
    [InlineData("tools: Read, Agent", null)]
    [InlineData("tools: Read", null)]
    [InlineData("disallowedTools: Bash", null)]                                          // no tools field: every tool
    public void D10_the_agent_types_a_file_allows(string field, string? expected)
    {
        AgentParseResult r = Parse(Agent("lead", field));
        Assert.NotNull(r.Model);
        Assert.Equal(expected, r.Model!.Optional.AgentTypes is { } types ? string.Join(",", types) : null);
    }

    [Fact]
    public void D10_Agent_with_a_specifier_in_disallowedTools_still_removes_the_whole_tool()
    {
        var d = Assert.Single(Parse(Agent("lead", "disallowedTools: Agent(worker)")).Diagnostics);
        Assert.Equal("AGEN008", d.Descriptor.Id);
        Assert.Contains("the whole 'Agent' tool is removed", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void D10_the_generated_agent_exposes_its_agent_types()
    {
        GeneratorResult result = new GeneratorHarness()
            .Agent("lead.md", Agent("lead", "tools: Read, Agent(worker, reviewer)"))
            .Agent("any.md", Agent("any", "tools: Read, Agent"))
            .Run();
        result.AssertCompilesCleanly();
        var asm = GeneratedAssembly.Load(result);
        var lead = (IAgentRuntimeDefinition)asm.Agent("LeadAgent");
        Assert.Equal(["worker", "reviewer"], lead.AgentTypes);
        Assert.True(lead.Allows("Agent"));
        Assert.Null(((IAgentRuntimeDefinition)asm.Agent("AnyAgent")).AgentTypes);
    }

    [Fact]
    public void Two_Bash_specifiers_are_one_AGEN008_each_and_no_AGEN010()
        => Assert.Equal(["AGEN008", "AGEN008"], Ids(Agent("git", "tools: [\"Bash(git status:*)\", \"Bash(git diff:*)\"]")));

    [Fact]
    public void A_plain_duplicate_is_still_AGEN010()
        => Assert.Equal(["AGEN008", "AGEN010"], Ids(Agent("git", "tools: [\"Bash(git status:*)\", Bash]")));

    [Fact]
    public void D13_a_name_longer_than_256_characters_is_AGEN004()
    {
        string name = new('a', 257);
        var d = Assert.Single(Parse(Agent(name)).Diagnostics);
        Assert.Equal("AGEN004", d.Descriptor.Id);
        Assert.Empty(Ids(Agent(new string('a', 256))));
    }

    // ---- D9, D17: models ------------------------------------------------------------------

    [Theory]
    [InlineData("opus[1m]")]
    [InlineData("sonnet[1m]")]
    [InlineData("opusplan")]
    [InlineData("best")]
    [InlineData("default")]
    [InlineData("claude-opus-5-5")]
    [InlineData("claude-mythos-5")]
    [InlineData("us.anthropic.claude-opus-4-8-v1:0")]
    [InlineData("global.anthropic.claude-sonnet-5-5-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abc123")]
    [InlineData("claude-opus-4-8@20260101")]
    public void D9_values_the_model_flag_takes_are_accepted(string model)
        => Assert.Empty(Ids(Agent("modelled", "model: \"" + model + "\"")));

    [Fact]
    public void D17_suggestions_name_current_ids_not_retired_ones()
    {
        var d = Assert.Single(Parse(Agent("modelled", "model: claude-sonet-4-20250514")).Diagnostics);
        Assert.Equal("AGEN013", d.Descriptor.Id);
        Assert.DoesNotContain("did you mean 'claude-sonnet-4-20250514'", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("such as claude-sonnet-4-20250514", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AgentGen.Catalog.ModelCatalog.ExampleIds, id => id.Contains("opus-4-1", StringComparison.Ordinal) || id.EndsWith("20250514", StringComparison.Ordinal));
    }

    // ---- D14, D15, D16: field values -----------------------------------------------------

    [Fact]
    public void D14_numeric_effort_is_accepted_and_kept_in_Metadata()
    {
        AgentParseResult r = Parse(Agent("effortful", "effort: 3"));
        Assert.Empty(r.Diagnostics);
        Assert.Null(r.Model!.Optional.Effort); // the typed property is an enum of the documented names
        Assert.Contains(r.Model.Metadata, kv => kv.Key == "effort" && kv.Value == "3");
    }

    [Fact]
    public void D15_quoted_booleans_are_accepted() => Assert.Empty(Ids(Agent("bg", "background: \"true\"", "omitClaudeMd: 'false'")));

    [Fact]
    public void D16_cacheTtl_is_checked_inside_experimental_and_named_outside_it()
    {
        Assert.Empty(Ids(Agent("cached", "experimental:", "  cacheTtl: 1h")));
        Assert.Equal(["AGEN016"], Ids(Agent("cached", "experimental:", "  cacheTtl: 2h")));
        var d = Assert.Single(Parse(Agent("cached", "cacheTtl: 1h")).Diagnostics);
        Assert.Equal("AGEN014", d.Descriptor.Id);
        Assert.Contains("experimental.cacheTtl", d.Message, StringComparison.Ordinal);
    }

    // ---- AGEN017: pseudo-JSON is documentation ---------------------------------------------

    [Theory]
    [InlineData("{ \"decision\": \"allow\" | \"deny\" }")]
    [InlineData("{\n  // the agent fills this in\n  \"status\": \"done\"\n}")]
    [InlineData("{ \"items\": [1, 2, ...] }")]
    public void A_json_sketch_that_is_not_a_message_is_not_AGEN017(string json)
        => Assert.Empty(Ids(Agent("sketcher") + "```json\n" + json + "\n```\n"));

    [Fact]
    public void A_broken_block_meant_as_a_message_is_still_AGEN017()
        => Assert.Equal(["AGEN017"], Ids(Agent("messenger") + "```json\n{ \"request_type\": \"x\", // note\n \"payload\": {} }\n```\n"));
}
