using System.Reflection;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>
/// Issue 13: generated agent classes derive from <see cref="AgentDefinitionBase"/>, keep only their
/// data and the project's AgentTool members, and stay small; ToAgentTool is right on both of its paths
/// (a cast when the nested Tool enum matches AgentTool, a lookup by member name otherwise).
/// </summary>
public class ThinAgentClassTests
{
    private const string Inheriting = "---\nname: helper\ndescription: Helps.\nmaxTurns: 3\neffort: low\n---\nHelp.\n";
    private const string Restricted = "---\nname: guarded\ndescription: Guarded.\ndisallowedTools: Bash\n---\nCareful.\n";
    private const string Declared = "---\nname: lister\ndescription: Lists.\ntools: Write, Read, mcp__tracker__create_ticket, Glob\nmemory: project\n---\nList.\n";

    private static Assembly Build() => GeneratedAssembly.Load(
        new GeneratorHarness().Agent("helper.md", Inheriting).Agent("guarded.md", Restricted).Agent("lister.md", Declared).Run());

    [Fact]
    public void Generated_agents_derive_from_the_shared_base_and_expose_its_typed_fields()
    {
        Assembly asm = Build();
        var helper = Assert.IsAssignableFrom<AgentDefinitionBase>(asm.Agent("HelperAgent"));
        Assert.Equal(3, helper.MaxTurns);
        Assert.Equal(AgentEffort.Low, helper.Effort);
        Assert.Null(helper.Color);
        Assert.Empty(helper.Skills);
        Assert.Empty(helper.Metadata);
        Assert.True(helper.InheritsAllTools);

        var lister = Assert.IsAssignableFrom<AgentDefinitionBase>(asm.Agent("ListerAgent"));
        Assert.Equal(AgentMemoryScope.Project, lister.Memory);
        Assert.True(lister.Allows("Edit")); // memory adds Read, Write and Edit
        Assert.False(lister.Allows("Bash"));
        var ex = Assert.Throws<ToolNotAllowedException>(() => lister.EnsureAllowed("Bash"));
        Assert.Equal("lister", ex.AgentName);

        // Every contract §2 member is still declared on or inherited by the generated type.
        Type type = asm.Type("ListerAgent");
        foreach (string member in new[] { "Name", "Description", "Model", "Instructions", "InheritsAllTools", "ToolNames", "DisallowedToolNames", "Metadata", "Tools", "Instance", "Color", "MaxTurns", "Skills", "McpServers", "Hooks", "Memory", "Background", "OmitClaudeMd", "Effort", "Isolation", "InitialPrompt", "Experimental", "PermissionMode" })
        {
            Assert.NotNull(type.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static));
        }

        Assert.NotNull(type.GetField("AgentName"));
        Assert.NotNull(type.GetMethod("Allows", [typeof(string)]));
        Assert.NotNull(type.GetMethod("EnsureAllowed", [typeof(string)]));
        Assert.NotNull(type.GetMethod("Allows", [asm.Type("AgentTool")]));
        Assert.NotNull(type.GetMethod("EnsureAllowed", [asm.Type("AgentTool")]));
        Assert.NotNull(type.GetNestedType("Tool"));
    }

    [Theory]
    [InlineData("HelperAgent")]   // the catalogue, every member allowed: a cast
    [InlineData("GuardedAgent")]  // the catalogue without Bash: by member name
    [InlineData("ListerAgent")]   // declared tools in file order, then the memory tools: by member name
    public void ToAgentTool_maps_every_member_to_the_AgentTool_member_of_the_same_name_and_rejects_others(string className)
    {
        Assembly asm = Build();
        Type agent = asm.Type(className);
        Type tool = agent.GetNestedType("Tool")!;
        Type agentTool = asm.Type("AgentTool");
        string[] names = Enum.GetNames(tool);
        Assert.NotEmpty(names);
        foreach (string name in names)
        {
            object converted = agent.Static("ToAgentTool", Enum.Parse(tool, name))!;
            Assert.Equal(agentTool, converted.GetType());
            Assert.Equal(name, converted.ToString());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Static("ToAgentTool", Enum.ToObject(tool, names.Length)));
        Assert.Throws<ArgumentOutOfRangeException>(() => agent.Static("ToAgentTool", Enum.ToObject(tool, -1)));
    }

    [Fact]
    public void The_nested_Tool_enum_keeps_the_file_order_and_ToAgentTool_maps_each_member_by_name()
    {
        GeneratorResult result = new GeneratorHarness().Agent("helper.md", Inheriting).Agent("guarded.md", Restricted).Agent("lister.md", Declared).Run();
        Assembly asm = GeneratedAssembly.Load(result);
        Assert.Equal(["Write", "Read", "McpTrackerCreateTicket", "Glob", "Edit"], Enum.GetNames(asm.Type("ListerAgent").GetNestedType("Tool")!));
        Assert.Equal("AgentDefinitionBase`1", asm.Type("HelperAgent").BaseType!.Name);
        Assert.DoesNotContain("Bash", Enum.GetNames(asm.Type("GuardedAgent").GetNestedType("Tool")!));
        foreach (string cls in new[] { "HelperAgent", "GuardedAgent", "ListerAgent" })
        {
            // One call for every agent, the catalogue case included: the one conversion AgentTools holds for the project.
            Assert.Contains("=> AgentTools.FromToolMember(tool);", Source(result, cls), StringComparison.Ordinal);
            Type agent = asm.Type(cls);
            Type tool = agent.GetNestedType("Tool")!;
            MethodInfo toAgentTool = agent.GetMethod("ToAgentTool")!;
            foreach (string name in Enum.GetNames(tool))
            {
                object converted = toAgentTool.Invoke(null, [Enum.Parse(tool, name)])!;
                Assert.Equal(name, converted.ToString()); // the AgentTool member of the same name, for every member
            }

            var outside = Assert.Throws<TargetInvocationException>(() => toAgentTool.Invoke(null, [Enum.ToObject(tool, 999)]));
            Assert.IsType<ArgumentOutOfRangeException>(outside.InnerException);
        }

    }

    [Fact]
    public void Every_agent_class_declares_its_own_Tool_enum_and_ToAgentTool_and_no_other_public_type_is_generated()
    {
        // CONTRACT §2 lists the nested Tool enum and ToAgentTool as members of the agent class: reflection
        // (GetNestedType, GetMethod without FlattenHierarchy) must find them on the class itself, also for an
        // agent whose Tool enum is the whole catalogue; and §3 lists the only types generated once per project.
        Assembly asm = Build();
        foreach (string cls in new[] { "HelperAgent", "GuardedAgent", "ListerAgent" })
        {
            Type agent = asm.Type(cls);
            Assert.True(agent.GetNestedType("Tool") is { IsEnum: true }, cls);
            Assert.NotNull(agent.GetMethod("ToAgentTool", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        }

        string[] types = asm.GetExportedTypes().Where(t => !t.IsNested).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(["AgentCatalog", "AgentTool", "AgentTools", "GuardedAgent", "HelperAgent", "ListerAgent"], types);
    }

    [Fact]
    public void An_agent_class_without_its_body_stays_under_two_kilobytes()
    {
        string body = string.Concat(Enumerable.Repeat("A line of the agent's instructions, with \"quotes\" and a tab\t.\n", 200));
        string inheriting = "---\nname: big-helper\ndescription: Helps with anything the team needs done today.\nmodel: sonnet\nteam_lane: billing, reviewer\n---\n" + body;
        string declared = "---\nname: big-lister\ndescription: Lists things for the team, carefully.\ntools: Read, Grep, Glob, Edit, Write, Bash, WebFetch, mcp__issue-tracker__search, mcp__issue-tracker__get-item\nmodel: opus\ncolor: blue\nmaxTurns: 12\n---\n" + body;
        GeneratorResult result = new GeneratorHarness().Agent("big-helper.md", inheriting).Agent("big-lister.md", declared).Run();
        result.AssertCompilesCleanly();
        foreach (string cls in new[] { "BigHelperAgent", "BigListerAgent" })
        {
            string source = Source(result, cls);
            string bodyLine = source.Split('\n').OrderByDescending(l => l.Length).First();
            Assert.Contains("A line of the agent", bodyLine, StringComparison.Ordinal);
            int withoutBody = System.Text.Encoding.UTF8.GetByteCount(source) - System.Text.Encoding.UTF8.GetByteCount(bodyLine);
            Assert.True(withoutBody <= 2048, $"{cls}: {withoutBody} bytes without its body\n{source.Replace(bodyLine, "<body>", StringComparison.Ordinal)}");
        }
    }

    private static string Source(GeneratorResult result, string className)
        => result.Sources.Single(s => s.Key.EndsWith(className + ".g.cs", StringComparison.Ordinal)).Value;
}
