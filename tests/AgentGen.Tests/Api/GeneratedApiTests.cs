using System.Reflection;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>Contract §2-§3 exercised at run time on generated code.</summary>
public class GeneratedApiTests
{
    private const string Reviewer = """
        ---
        name: reviewer
        description: Reviews <changes> & reports "problems".
        tools: Read, Grep(src/**), mcp__tracker__create_ticket, mcp__docs
        disallowedTools: Bash
        model: sonnet
        color: green
        maxTurns: 7
        permissionMode: plan
        effort: xhigh
        skills: [triage, summaries]
        background: true
        team: platform
        owners:
          - ana
          - bo
        ---
        # Reviewer
        Say what is wrong.
        """;

    private const string Helper = """
        ---
        name: general-helper
        description: Does whatever is asked.
        disallowedTools: WebFetch, mcp__billing__*
        ---
        Help.
        """;

    private static Assembly Build()
    {
        var harness = new GeneratorHarness().Agent("reviewer.md", Reviewer).Agent("helper.md", Helper);
        return GeneratedAssembly.Load(harness.Run());
    }

    [Fact]
    public void Agent_class_exposes_the_file()
    {
        Assembly asm = Build();
        IAgentDefinition reviewer = asm.Agent("ReviewerAgent");
        Type type = asm.Type("ReviewerAgent");
        Assert.Equal("reviewer", type.GetField("AgentName")!.GetRawConstantValue());
        Assert.Equal("reviewer", reviewer.Name);
        Assert.Equal("Reviews <changes> & reports \"problems\".", reviewer.Description);
        Assert.Equal("sonnet", reviewer.Model);
        Assert.Equal("# Reviewer\nSay what is wrong.", reviewer.Instructions);
        Assert.False(reviewer.InheritsAllTools);
        Assert.Equal(["Read", "Grep", "mcp__tracker__create_ticket", "mcp__docs"], reviewer.ToolNames);
        Assert.Equal(["Bash"], reviewer.DisallowedToolNames);
        Assert.Equal("platform", reviewer.Metadata["team"]);
        Assert.Equal("- ana\n- bo", reviewer.Metadata["owners"]); // block value: source text without the file's indentation
        Assert.Equal(2, reviewer.Metadata.Count);
        Assert.Equal(AgentColor.Green, type.GetProperty("Color")!.GetValue(reviewer));
        Assert.Equal(7, type.GetProperty("MaxTurns")!.GetValue(reviewer));
        Assert.Equal(AgentPermissionMode.Plan, type.GetProperty("PermissionMode")!.GetValue(reviewer));
        Assert.Equal(AgentEffort.XHigh, type.GetProperty("Effort")!.GetValue(reviewer));
        Assert.Equal(true, type.GetProperty("Background")!.GetValue(reviewer));
        Assert.Equal(new[] { "triage", "summaries" }, (IReadOnlyList<string>)type.GetProperty("Skills")!.GetValue(reviewer)!);
        Assert.Null(type.GetProperty("Memory")!.GetValue(reviewer));
        Assert.Same(reviewer, asm.Agent("ReviewerAgent"));

        var attribute = type.GetCustomAttribute<AgentDefinitionAttribute>()!;
        Assert.Equal("reviewer", attribute.Name);
        Assert.Equal(reviewer.ToolNames, attribute.Tools);
        Assert.Equal(["Bash"], attribute.DisallowedTools);
        Assert.False(attribute.InheritsAllTools);
        Assert.Equal(".claude/agents/reviewer.md", attribute.SourceFile);
        Assert.True(type.IsSealed);
    }

    [Fact]
    public void Allows_and_EnsureAllowed_apply_the_rules()
    {
        Assembly asm = Build();
        IAgentDefinition reviewer = asm.Agent("ReviewerAgent");
        IAgentDefinition helper = asm.Agent("GeneralHelperAgent");
        Assert.True(reviewer.Allows("Grep"));
        Assert.True(reviewer.Allows("mcp__docs__search"));
        Assert.False(reviewer.Allows("Bash"));
        Assert.False(reviewer.Allows("Write"));
        Assert.True(helper.InheritsAllTools);
        Assert.True(helper.Allows("Bash"));
        Assert.False(helper.Allows("WebFetch"));
        Assert.False(helper.Allows("mcp__billing__refund"));

        Type toolEnum = asm.Type("AgentTool");
        object write = Enum.Parse(toolEnum, "Write");
        MethodInfo ensure = asm.Type("ReviewerAgent").GetMethod("EnsureAllowed", [toolEnum])!;
        var ex = Assert.Throws<TargetInvocationException>(() => ensure.Invoke(reviewer, [write]));
        var notAllowed = Assert.IsType<ToolNotAllowedException>(ex.InnerException);
        Assert.Equal("reviewer", notAllowed.AgentName);
        Assert.Equal("Write", notAllowed.ToolName);
        Assert.Contains("Read, Grep, mcp__tracker__create_ticket, mcp__docs", notAllowed.Message, StringComparison.Ordinal);
        ensure.Invoke(reviewer, [Enum.Parse(toolEnum, "McpTrackerCreateTicket")]);

        MethodInfo allowsTool = asm.Type("ReviewerAgent").GetMethod("Allows", [toolEnum])!;
        Assert.Equal(true, allowsTool.Invoke(reviewer, [Enum.Parse(toolEnum, "Read")]));
    }

    [Fact]
    public void Typed_tools_and_the_nested_Tool_enum_list_what_the_agent_may_use()
    {
        Assembly asm = Build();
        Type reviewerType = asm.Type("ReviewerAgent");
        IAgentDefinition reviewer = asm.Agent("ReviewerAgent");
        string[] tools = ((System.Collections.IEnumerable)reviewerType.GetProperty("Tools")!.GetValue(reviewer)!).Cast<object>().Select(t => t.ToString()!).ToArray();
        Assert.Equal(["Read", "Grep", "McpTrackerCreateTicket"], tools); // the whole-server entry mcp__docs is no single tool
        Type nested = reviewerType.GetNestedType("Tool")!;
        Assert.Equal(["Read", "Grep", "McpTrackerCreateTicket"], Enum.GetNames(nested));

        Type helperTool = asm.Type("GeneralHelperAgent").ToolEnum();
        Assert.Contains("Bash", Enum.GetNames(helperTool));
        Assert.DoesNotContain("WebFetch", Enum.GetNames(helperTool));
    }

    [Fact]
    public void AgentTool_lists_the_catalogue_then_every_other_named_tool_and_round_trips_names()
    {
        Assembly asm = Build();
        Type toolEnum = asm.Type("AgentTool");
        Type tools = asm.Type("AgentTools");
        string[] names = Enum.GetNames(toolEnum);
        Assert.Equal("Agent", names[0]);
        Assert.Contains("McpTrackerCreateTicket", names);
        Assert.True(Array.IndexOf(names, "Write") < Array.IndexOf(names, "McpTrackerCreateTicket"));
        foreach (object value in Enum.GetValues(toolEnum))
        {
            string name = (string)tools.Static("ToToolName", value)!;
            object?[] args = [name, null];
            Assert.True((bool)tools.GetMethod("TryParse")!.Invoke(null, args)!, name);
            Assert.Equal(value, args[1]);
        }

        Assert.Equal("mcp__tracker__create_ticket", tools.Static("ToToolName", Enum.Parse(toolEnum, "McpTrackerCreateTicket")));
        object?[] legacy = ["Task", null];
        Assert.True((bool)tools.GetMethod("TryParse")!.Invoke(null, legacy)!);
        Assert.Equal("Agent", legacy[1]!.ToString());
        object?[] unknown = ["Reed", null];
        Assert.False((bool)tools.GetMethod("TryParse")!.Invoke(null, unknown)!);
    }

    [Fact]
    public void AgentCatalog_lists_gets_and_explains_misses()
    {
        Assembly asm = Build();
        Type catalog = asm.Type("AgentCatalog");
        var all = (IReadOnlyList<IAgentDefinition>)catalog.Static("All")!;
        Assert.Equal(["general-helper", "reviewer"], all.Select(a => a.Name));
        Assert.Same(asm.Agent("ReviewerAgent"), catalog.Static("Reviewer"));
        Assert.Same(asm.Agent("GeneralHelperAgent"), catalog.Static("GeneralHelper"));
        Assert.Same(all[1], catalog.Static("Get", "reviewer"));
        object?[] args = ["nobody", null];
        Assert.False((bool)catalog.GetMethod("TryGet")!.Invoke(null, args)!);
        var ex = Assert.Throws<KeyNotFoundException>(() => catalog.Static("Get", "reviewr"));
        Assert.Contains("'reviewr'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'reviewer'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_and_accessibility_options_are_honoured()
    {
        var harness = new GeneratorHarness().Agent("reviewer.md", Reviewer);
        harness.Globals["build_property.AgentGenNamespace"] = "Acme.Bots";
        harness.Globals["build_property.AgentGenAccessibility"] = "internal";
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        string source = result.Sources["ReviewerAgent.g.cs"];
        Assert.Contains("namespace Acme.Bots", source, StringComparison.Ordinal);
        Assert.Contains("internal sealed partial class ReviewerAgent", source, StringComparison.Ordinal);
        Assert.Contains("internal enum AgentTool", result.Sources["AgentTool.g.cs"], StringComparison.Ordinal);
        Assert.Contains("internal static class AgentCatalog", result.Sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Default_namespace_without_root_namespace_is_Agents()
    {
        var harness = new GeneratorHarness().Agent("reviewer.md", Reviewer);
        harness.Globals.Remove("build_property.RootNamespace");
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Assert.Contains("namespace Agents\n", result.Sources["ReviewerAgent.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Users_can_extend_the_partial_class()
    {
        var harness = new GeneratorHarness().Agent("reviewer.md", Reviewer);
        harness.Sources.Add("namespace TestProject.Agents { public sealed partial class ReviewerAgent { public string Greeting => \"hi \" + Name; } }");
        harness.Run().AssertCompilesCleanly();
    }

    [Fact]
    public void A_file_with_errors_generates_nothing_and_the_others_still_generate()
    {
        var harness = new GeneratorHarness()
            .Agent("reviewer.md", Reviewer)
            .Agent("broken.md", "---\nname: broken\ndescription: Triggers on: anything\n---\nBody\n")
            .Agent("nameless.md", "---\ndescription: no name\n---\n");
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Assert.Contains("ReviewerAgent.g.cs", result.Sources.Keys);
        Assert.DoesNotContain("BrokenAgent.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void Duplicate_names_and_class_collisions_still_compile()
    {
        var harness = new GeneratorHarness()
            .Agent("a.md", "---\nname: my-agent\ndescription: first\n---\n")
            .Agent("b.md", "---\nname: my-agent\ndescription: second\n---\n")
            .Agent("c.md", "---\nname: my_agent\ndescription: third\n---\n");
        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Assert.Contains("\"first\"", result.Sources["MyAgent.g.cs"], StringComparison.Ordinal);
    }
}
