using System.Reflection;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>
/// Generated agent classes derive from <see cref="AgentDefinitionBase"/>, keep only their data and the
/// project's AgentTool members, and stay small: an agent that may use every tool inherits the catalogue's
/// Tool enum and ToAgentTool from the project's AllToolsAgentDefinition; ToAgentTool maps every member by name.
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
        Assert.NotNull(asm.Type("HelperAgent").ToolEnum()); // inherited: C# binds HelperAgent.Tool
    }

    [Theory]
    [InlineData("HelperAgent")]   // the catalogue, every member allowed: the shared enum of AllToolsAgentDefinition
    [InlineData("GuardedAgent")]  // the catalogue without Bash: by member name
    [InlineData("ListerAgent")]   // declared tools in file order, then the memory tools: by member name
    public void ToAgentTool_maps_every_member_to_the_AgentTool_member_of_the_same_name_and_rejects_others(string className)
    {
        Assembly asm = Build();
        Type agent = asm.Type(className);
        Type tool = agent.ToolEnum();
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
        Assert.Equal("AgentDefinitionBase`1", asm.Type("GuardedAgent").BaseType!.Name);
        Assert.DoesNotContain("Bash", Enum.GetNames(asm.Type("GuardedAgent").GetNestedType("Tool")!));
        foreach (string cls in new[] { "HelperAgent", "GuardedAgent", "ListerAgent" })
        {
            Type agent = asm.Type(cls);
            Type tool = agent.ToolEnum();
            // As C# binds HelperAgent.ToAgentTool: declared, or inherited from AllToolsAgentDefinition.
            MethodInfo toAgentTool = agent.GetMethod("ToAgentTool", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy)!;
            foreach (string name in Enum.GetNames(tool))
            {
                object converted = toAgentTool.Invoke(null, [Enum.Parse(tool, name)])!;
                Assert.Equal(name, converted.ToString()); // the AgentTool member of the same name, for every member
            }

            var outside = Assert.Throws<TargetInvocationException>(() => toAgentTool.Invoke(null, [Enum.ToObject(tool, 999)]));
            Assert.IsType<ArgumentOutOfRangeException>(outside.InnerException);
        }

        // One call for every agent, the shared catalogue enum included: the one conversion AgentTools holds for the project.
        foreach (string cls in new[] { "GuardedAgent", "ListerAgent" })
        {
            Assert.Contains("=> AgentTools.FromToolMember(tool);", Source(result, cls), StringComparison.Ordinal);
        }

        Assert.Contains("=> AgentTools.FromToolMember(tool);", result.Sources["AgentTool.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void An_agent_that_may_use_every_tool_inherits_the_shared_Tool_enum_and_the_others_declare_their_own()
    {
        // CONTRACT §2: Tool may be inherited from one generated base class per project that declares the
        // catalogue's Tool enum once; XAgent.Tool.Read compiles for every agent.
        GeneratorResult result = new GeneratorHarness().Agent("helper.md", Inheriting).Agent("guarded.md", Restricted).Agent("lister.md", Declared).Run();
        Assembly asm = GeneratedAssembly.Load(result);
        Type helper = asm.Type("HelperAgent");
        Type shared = asm.Type("AllToolsAgentDefinition");
        Assert.Equal(shared, helper.BaseType);
        Assert.True(shared.IsAbstract);
        Assert.Null(helper.GetNestedType("Tool"));
        Assert.Null(helper.GetMethod("ToAgentTool", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        Assert.DoesNotContain("enum Tool", Source(result, "HelperAgent"), StringComparison.Ordinal);
        Assert.Same(shared.GetNestedType("Tool"), helper.ToolEnum());

        // The shared enum is the catalogue: AgentTool's built-ins, in AgentTool's order.
        string[] catalogue = Enum.GetNames(asm.Type("AgentTool")).Where(n => !n.StartsWith("Mcp", StringComparison.Ordinal)).ToArray();
        Assert.Equal(catalogue, Enum.GetNames(helper.ToolEnum()));

        // An agent with a restriction (disallowedTools, declared tools) keeps an enum of its own.
        foreach (string cls in new[] { "GuardedAgent", "ListerAgent" })
        {
            Type agent = asm.Type(cls);
            Assert.True(agent.GetNestedType("Tool") is { IsEnum: true }, cls);
            Assert.NotNull(agent.GetMethod("ToAgentTool", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));
        }

        // Code written against the contract binds for every agent.
        const string Usage = """
            namespace TestProject.Agents;
            public static class Use
            {
                public static AgentTool[] Tools() => new[]
                {
                    HelperAgent.ToAgentTool(HelperAgent.Tool.Read),
                    GuardedAgent.ToAgentTool(GuardedAgent.Tool.Read),
                    ListerAgent.ToAgentTool(ListerAgent.Tool.Read),
                };
            }
            """;
        var withUsage = new GeneratorHarness().Agent("helper.md", Inheriting).Agent("guarded.md", Restricted).Agent("lister.md", Declared);
        withUsage.Sources.Add(Usage);
        withUsage.Run().AssertCompilesCleanly();

        string[] types = asm.GetExportedTypes().Where(t => !t.IsNested).Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(["AgentCatalog", "AgentTool", "AgentTools", "AllToolsAgentDefinition", "GuardedAgent", "HelperAgent", "ListerAgent"], types);
    }

    [Fact]
    public void The_shared_base_forwards_every_parameter_of_AgentDefinitionBase()
    {
        // AllToolsAgentDefinition's constructor lists AgentDefinitionBase<TTool>'s parameters after the two tool
        // conversions: a parameter added there and not here would leave the agents that share the enum unable to pass it.
        Assembly asm = Build();
        Type shared = asm.Type("AllToolsAgentDefinition");
        Type agentTool = asm.Type("AgentTool");
        ConstructorInfo[] constructors = shared.GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance);
        Assert.Equal(2, constructors.Length); // the forwarding one and the short one of agents that set no optional field
        Assert.All(constructors, c => Assert.True(c.IsFamilyAndAssembly)); // private protected: no type outside the project derives from it
        ConstructorInfo forwarding = Assert.Single(constructors, c => c.GetParameters().Any(p => p.Name == "inheritsAllTools"));
        ConstructorInfo target = Assert.Single(typeof(AgentDefinitionBase<>).MakeGenericType(agentTool).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance));
        string Describe(ParameterInfo p) => p.ParameterType + " " + p.Name + (p.IsOptional ? " = " + (p.DefaultValue ?? "null") : string.Empty);
        Assert.Equal(target.GetParameters().Skip(2).Select(Describe), forwarding.GetParameters().Select(Describe));
    }

    [Theory]
    [InlineData("---\nname: plain\ndescription: Plain.\nmodel: haiku\n---\nDo \"it\".\n", "haiku", new string[0])]
    [InlineData("---\nname: plain\ndescription: Plain.\nteam_lane: billing, reviewer\nowner: ops\n---\nDo \"it\".\n", null, new[] { "team_lane", "billing, reviewer", "owner", "ops" })]
    public void An_agent_that_sets_no_optional_field_uses_the_short_constructor_with_the_same_values(string file, string? model, string[] metadata)
    {
        GeneratorResult result = new GeneratorHarness().Agent("plain.md", file).Run();
        result.AssertCompilesCleanly();
        string source = Source(result, "PlainAgent");
        Assert.DoesNotContain("inheritsAllTools:", source, StringComparison.Ordinal); // no named, no default arguments
        Assert.Contains(": AllToolsAgentDefinition", source, StringComparison.Ordinal);

        var plain = Assert.IsAssignableFrom<AgentDefinitionBase>(GeneratedAssembly.Load(result).Agent("PlainAgent"));
        Assert.Equal(("plain", "Plain.", model, "Do \"it\".\n"), (plain.Name, plain.Description, plain.Model, plain.Instructions));
        Assert.True(plain.InheritsAllTools);
        Assert.Empty(plain.ToolNames);
        Assert.Empty(plain.DisallowedToolNames);
        Assert.Equal(metadata.Where((_, i) => i % 2 == 0).Zip(metadata.Where((_, i) => i % 2 == 1)).ToDictionary(), plain.Metadata);
        Assert.Equal((null, null, null, null, null, null), (plain.Color, plain.PermissionMode, plain.MaxTurns, plain.Memory, plain.Effort, plain.Isolation));
        Assert.Empty(plain.Skills);
        Assert.True(plain.Allows("Bash"));
        Assert.True(plain.Allows("mcp__tracker__create_ticket"));
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
