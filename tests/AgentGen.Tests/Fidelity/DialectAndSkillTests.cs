using AgentGen.Analyzers;
using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;
using AgentGen.Tests.Usage;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using static AgentGen.Tests.Analyzers.AgentText;

namespace AgentGen.Tests.Fidelity;

/// <summary>
/// D2: GitHub Copilot's dialect (GitHub "Custom agents configuration" reference; VS Code custom
/// agents), D6: memory through the generated code and AGEN100, and AGEN022 (skills).
/// </summary>
public class DialectAndSkillTests
{
    private const string CopilotPath = "/project/.github/agents/planner.agent.md";

    private const string Planner = """
        ---
        description: Plans features before anyone writes code.
        tools: ['read', 'Search', 'EDIT', 'github/*', 'playwright/navigate', 'web']
        target: vscode
        model: ['Claude Sonnet 4.5 (copilot)', 'GPT-5 (copilot)']
        handoffs:
          - label: Start implementation
            agent: implementer
        argument-hint: the feature to plan
        user-invocable: true
        disable-model-invocation: false
        mcp-servers:
          tracker:
            type: local
            command: tracker-mcp
        metadata:
          owner: platform
        ---
        Plan the work.
        """;

    [Fact]
    public void D2_a_Copilot_file_needs_no_name_and_maps_aliases_onto_Claude_Code_names()
    {
        AgentParseResult r = AgentFileParser.Parse(CopilotPath, Planner);
        Assert.Empty(r.Diagnostics);
        Assert.Equal("planner", r.Model!.Name);
        Assert.Equal(["Read", "Grep", "Glob", "Edit", "Write", "mcp__github", "mcp__playwright__navigate", "WebFetch", "WebSearch"], r.Model.Tools);
        Assert.Equal("Claude Sonnet 4.5 (copilot)", r.Model.Model);
        Assert.Contains(r.Model.Metadata, kv => kv.Key == "target" && kv.Value == "vscode");
    }

    [Fact]
    public void An_unknown_field_is_described_by_the_dialect_of_its_file()
    {
        // Claude Code ignores unknown fields (S1); GitHub's and VS Code's references only list theirs,
        // so a Copilot file is told the field is not one of them, not what "Claude Code" does with it.
        string[] copilot = AgentFileParser.Parse(CopilotPath, "---\ndescription: d\nhandof: x\nowner_team: platform\n---\n").Diagnostics
            .OrderBy(d => d.Descriptor.Id, StringComparer.Ordinal).Select(d => d.Descriptor.Id + ": " + d.Message).ToArray();
        Assert.Equal(
            [
                "AGEN014: Unknown field 'handof': did you mean 'handoffs'? 'handof' is not a field GitHub Copilot or VS Code documents",
                "AGEN015: Unknown field 'owner_team' is not a field GitHub Copilot or VS Code documents and kept in Metadata",
            ],
            copilot);
        string[] claude = AgentFileParser.Parse("/project/.claude/agents/a.md", "---\nname: a\ndescription: d\nmax_turns: 3\nowner_team: platform\n---\n").Diagnostics
            .OrderBy(d => d.Descriptor.Id, StringComparer.Ordinal).Select(d => d.Descriptor.Id + ": " + d.Message).ToArray();
        Assert.Equal(
            [
                "AGEN014: Unknown field 'max_turns': did you mean 'maxTurns'? Claude Code ignores 'max_turns'",
                "AGEN015: Unknown field 'owner_team' is ignored by Claude Code and kept in Metadata",
            ],
            claude);
    }

    [Fact]
    public void D2_dialect_metadata_wins_over_the_path()
    {
        Assert.Equal(["AGEN003"], AgentFileParser.Parse(CopilotPath, "---\ndescription: d\n---\n", dialect: AgentGen.Catalog.AgentDialect.Claude).Diagnostics.Select(d => d.Descriptor.Id));
        Assert.Empty(AgentFileParser.Parse("/project/agents/x.md", "---\ndescription: d\ntools: read\n---\n", dialect: AgentGen.Catalog.AgentDialect.Copilot).Diagnostics);
    }

    [Theory]
    [InlineData("execute", "Bash")]
    [InlineData("shell", "Bash")]
    [InlineData("agent", "Agent")]
    [InlineData("Task", "Agent")]
    [InlineData("todo", "TodoWrite")]
    [InlineData("Write", "Edit,Write")]
    [InlineData("*", "*")]
    [InlineData("read/readFile", "Read")]
    public void D2_each_documented_alias_maps(string alias, string expected)
    {
        AgentParseResult r = AgentFileParser.Parse(CopilotPath, "---\ndescription: d\ntools: ['" + alias + "']\n---\n");
        Assert.Empty(r.Diagnostics);
        Assert.Equal(expected.Split(','), r.Model!.Tools);
    }

    [Fact]
    public void D2_an_unknown_Copilot_tool_is_a_warning_with_a_suggestion()
    {
        var d = Assert.Single(AgentFileParser.Parse(CopilotPath, "---\ndescription: d\ntools: ['serach']\n---\n").Diagnostics);
        Assert.Equal("AGEN007", d.Descriptor.Id);
        Assert.Contains("GitHub Copilot ignores it; did you mean 'search'?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void D2_retired_infer_is_reported()
    {
        var d = Assert.Single(AgentFileParser.Parse(CopilotPath, "---\ndescription: d\ninfer: false\n---\n").Diagnostics);
        Assert.Contains("'infer' is retired", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void D2_Copilot_and_Claude_agents_share_one_vocabulary_in_generated_code()
    {
        var harness = new GeneratorHarness().Agent("reader.md", Agent("claude-reader", "tools: Read, Grep, Glob"));
        harness.Agents.Add((CopilotPath, Planner));
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        var asm = GeneratedAssembly.Load(result);
        IAgentDefinition planner = asm.Agent("PlannerAgent");
        Assert.True(planner.Allows("Read"));
        Assert.True(planner.Allows("Write"));
        Assert.True(planner.Allows("mcp__github__create_issue"));
        Assert.False(planner.Allows("Bash"));
        Assert.Equal(["Read", "Grep", "Glob", "Edit", "Write", "mcp__github", "mcp__playwright__navigate", "WebFetch", "WebSearch"], planner.ToolNames);
    }

    [Fact]
    public async Task D6_memory_agent_Allows_Write_in_generated_code_and_AGEN100_agrees()
    {
        const string archivist = "---\nname: archivist\ndescription: Keeps notes.\ntools: Read\nmemory: project\n---\nRemember.\n";
        var asm = GeneratedAssembly.Load(new GeneratorHarness().Agent("archivist.md", archivist).Run());
        IAgentDefinition agent = asm.Agent("ArchivistAgent");
        Assert.True(agent.Allows("Write"));
        Assert.True(agent.Allows("Edit"));
        Assert.False(agent.Allows("Bash"));

        var test = new UsageVerifier.AnalyzerTest();
        UsageVerifier.Configure(test.TestState, [("archivist.md", archivist)]);
        test.TestState.Sources.Add(("/project/Program.cs", "using AgentGen;\nusing TestProject.Agents;\n" + """
            class C
            {
                void M()
                {
                    AgentCatalog.Archivist.EnsureAllowed(AgentTool.Write);
                    AgentCatalog.Archivist.EnsureAllowed({|#0:AgentTool.Bash|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(UsageVerifier.Diagnostic("AGEN100").WithLocation(0));
        await test.RunAsync();
    }

    [Fact]
    public async Task D2_AGEN100_checks_a_Copilot_agent_in_Claude_Code_names()
    {
        var test = new UsageVerifier.AnalyzerTest();
        UsageVerifier.Configure(test.TestState, [("planner.agent.md", Planner), ("reader.md", Agent("claude-reader", "tools: Read"))]);
        test.TestState.Sources.Add(("/project/Program.cs", "using AgentGen;\nusing TestProject.Agents;\n" + """
            class C
            {
                void M()
                {
                    AgentCatalog.Planner.EnsureAllowed(AgentTool.Write);
                    AgentCatalog.Planner.EnsureAllowed(AgentTool.Grep);
                    AgentCatalog.Planner.EnsureAllowed({|#0:AgentTool.Bash|});
                    AgentCatalog.ClaudeReader.EnsureAllowed({|#1:AgentTool.Grep|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(UsageVerifier.Diagnostic("AGEN100").WithLocation(0));
        test.ExpectedDiagnostics.Add(UsageVerifier.Diagnostic("AGEN100").WithLocation(1));
        await test.RunAsync();
    }

    // ---- AGEN022 ---------------------------------------------------------------------------

    private static Task VerifySkillsAsync(string agent, string[] skillDirs, params DiagnosticResult[] expected)
    {
        var test = new AgentFileVerifier.Test();
        string agentPath = AgentFileVerifier.PathOf("helper.md");
        test.TestState.AdditionalFiles.Add((agentPath, agent));
        var config = new System.Text.StringBuilder(AgentFileVerifier.GlobalConfig([agentPath]));
        foreach (string dir in skillDirs)
        {
            string path = "/project/.claude/skills/" + dir + "/SKILL.md";
            test.TestState.AdditionalFiles.Add((path, "---\nname: " + dir + "\ndescription: A skill.\n---\nDo it.\n"));
            config.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.AgentGenKind = Skill\n");
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config.ToString()));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task AGEN022_a_skill_the_project_lacks_is_a_warning_with_a_suggestion() => VerifySkillsAsync(
        Agent("helper", "skills: [release-notes, {|#0:changelog-writter|}]"),
        ["release-notes", "changelog-writer"],
        AgentFileVerifier.Diagnostic("AGEN022").WithLocation(0).WithArguments("changelog-writter", "; did you mean 'changelog-writer'?"));

    [Fact]
    public Task AGEN022_is_quiet_when_the_project_has_no_skill_files() => VerifySkillsAsync(
        Agent("helper", "skills: [release-notes, anything]"),
        []);

    [Fact]
    public Task AGEN022_accepts_the_directory_name_and_comma_strings() => VerifySkillsAsync(
        Agent("helper", "skills: release-notes, {|AGEN022:missing|}"),
        ["release-notes"]);

    [Fact]
    public void Skill_names_come_from_the_frontmatter_and_the_directory()
    {
        Assert.Equal("pdf-forms", SkillFile.DirectoryName("/r/.claude/skills/pdf-forms/SKILL.md"));
        Assert.Equal("pdf", SkillFile.FrontmatterName("---\nname: \"pdf\"\ndescription: d\n---\n"));
        Assert.Null(SkillFile.FrontmatterName("# no frontmatter\nname: x\n"));
    }
}
