using System.Reflection;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Names from agent files become C# identifiers (classes, enum members, records, properties):
/// unusual letters, names that collide once PascalCased or case-folded, names that shadow
/// generated members, and names longer than the compiler accepts must all give code that compiles.
/// </summary>
public class IdentifierTests
{
    private static HostileFile Agent(string fileName, string name, string tools = "Read", string body = "Body\n")
        => HostileFile.FromString(fileName, "---\nname: " + InjectionTests.YamlQuoted(name) + "\ndescription: d\ntools: " + tools + "\n---\n" + body);

    private static string Message(string requestType, string payloadJson)
        => "```json\n{\"request_type\": \"" + InjectionTests.JsonEscaped(requestType) + "\", \"payload\": " + payloadJson + "}\n```\n";

    public static readonly string[] UnusualNames =
    {
        "caf\u00e9-agent", "na\u00efve", "\u65e5\u672c\u8a9e-reviewer", "\u0391\u0392\u0393", "stra\u00dfe", "\u01c5emo", "\ua4d0\ua4d1",
        "\u0663-agent", "e\u0301tude", "\U0001D49Cgent", "a\u200Db", "\u0130stanbul", "\u0131i", "\u02b0modifier", "\u2160-roman",
        "x\u202Ey", "mixed-\u0417\u0430\u043f-name", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u05e2\u05d1\u05e8\u05d9\u05ea", "...", "%%%", "_", "9lives", "\u00e9",
        "agent", "Agent", "tool", "all", "get", "try-get", "to-string", "equals", "instance", "agent-catalog", "agent-tool", "agent-tools", "i-agent-definition",
        "system", "global", "class", "int", "object", "string", "null", "value--", "a--b", "-", "dynamic", "var", "nameof",
    };

    [Fact]
    public void Unusual_names_give_valid_identifiers()
    {
        var files = UnusualNames.Select((n, i) => Agent("n" + i + ".md", n)).ToList();
        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        Dictionary<string, IAgentDefinition> agents = runtime.Agents();
        foreach (IAgentDefinition agent in agents.Values)
        {
            Assert.True(SyntaxFacts.IsValidIdentifier(agent.GetType().Name), agent.GetType().Name);
        }

        // Names that do not collide after PascalCasing all generate.
        foreach (string name in new[] { "caf\u00e9-agent", "\u65e5\u672c\u8a9e-reviewer", "\u0663-agent", "x\u202Ey", "agent-catalog", "class", "9lives" })
        {
            Assert.True(agents.ContainsKey(name), name + " was not generated; diagnostics: " + string.Join(", ", run.Analyzed.Diagnostics.Select(d => d.Id + " " + d.GetMessage())));
        }
    }

    [Fact]
    public void Class_names_that_differ_only_in_case_both_generate()
    {
        // "a-b" -> ABAgent, "ab" -> AbAgent: distinct C# types, but hint names must stay unique ignoring case.
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "a-b"), Agent("2.md", "ab"), Agent("3.md", "api-designer"), Agent("4.md", "apidesigner") }, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        Assert.Equal(new[] { "a-b", "ab", "api-designer", "apidesigner" }, runtime.Agents().Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void Request_types_that_differ_only_in_case_both_generate()
    {
        // "a_b" -> ABPayload, "ab" -> AbPayload (distinct); "AB" -> ABPayload too: that one is AGEN020.
        string body = Message("a_b", "{\"x\": 1}") + Message("ab", "{\"y\": 2}") + Message("AB", "{\"z\": 3}");
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "one", body: body) }, emit: true).AssertTotal().AssertReported("AGEN020");
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        string[] requestTypes = runtime.Assembly.GetTypes().Select(t => t.GetField("RequestType", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string).Where(s => s is not null).ToArray()!;
        Assert.Contains("ab", requestTypes);
        Assert.Contains("AB", requestTypes); // "AB" < "a_b" in ordinal order: the first one keeps the name
        Assert.DoesNotContain("a_b", requestTypes);
    }

    [Fact]
    public void Catalog_property_names_never_collide_or_shadow_classes()
    {
        // "agent" -> class Agent, property Agent; "agent-agent" -> class AgentAgent, property Agent.
        // "foo" -> class FooAgent, property Foo; "foo-agent-agent" -> class FooAgentAgent, property FooAgent.
        PipelineRun run = HostilePipeline.Run(new[]
        {
            Agent("1.md", "agent"), Agent("2.md", "agent-agent"), Agent("3.md", "foo"), Agent("4.md", "foo-agent-agent"),
            Agent("5.md", "all-agent"), Agent("6.md", "get-agent"), Agent("7.md", "try-get"), Agent("8.md", "s-all"),
        }, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        Type catalog = runtime.Type(HostilePipeline.Namespace + ".AgentCatalog");
        foreach (IAgentDefinition agent in runtime.Agents().Values)
        {
            object?[] args = { agent.Name, null };
            Assert.True((bool)catalog.GetMethod("TryGet")!.Invoke(null, args)!);
            Assert.Same(agent, args[1]);
            PropertyInfo[] typed = catalog.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == agent.GetType()).ToArray();
            Assert.Single(typed);
            Assert.Same(agent, typed[0].GetValue(null));
        }
    }

    [Fact]
    public void Tool_names_that_shadow_or_collide_compile()
    {
        string tools = "[Read, tool, Tool, TOOL, agent-tool, to-string, value__, mcp__a__b-c, mcp__a-b__c, mcp__ab__c, mcp__AB__c, \"9x\", \"x9\", \"caf\u00e9\", \"\u65e5\u672c\", \"a\u202Eb\", \"___\", \"mcp__\u00e9__\u00e9\", mcp__x__tool, instance]";
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "tool-user", tools), Agent("2.md", "inheritor", "[]") }, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        IAgentDefinition agent = runtime.Agents()["tool-user"];
        foreach (string tool in agent.ToolNames.Where(t => t.Any(char.IsLetterOrDigit)))
        {
            object?[] args = { tool, null };
            Assert.True((bool)runtime.Invoke(HostilePipeline.Namespace + ".AgentTools", "TryParse", args)!, tool);
            Assert.Equal(tool, runtime.Invoke(HostilePipeline.Namespace + ".AgentTools", "ToToolName", args[1]));
        }
    }

    [Fact]
    public void Payload_keys_that_collide_or_shadow_compile()
    {
        string payload = "{\"a\": {\"b\": 1}, \"a_b\": {\"c\": 2}, \"A\": 3, \"request_type\": \"x\", \"RequestType\": 4, \"equality_contract\": 5, \"\": 6, \"__\": 7, \"9\": 8, \"collide_payload\": 9, \"item\": [{\"x\": 1}], \"caf\u00e9\": 1, \"k\u202Ev\": 2, \"to_string\": \"s\", \"clone\": 1, \"deconstruct\": 2, \"print_members\": 3, \"get_hash_code\": 4}";
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "one", body: Message("collide", payload)) }, emit: true).AssertTotal();
        Assert.True(run.Generated.Has("CollidePayload.g.cs"), string.Join(", ", run.Analyzed.Diagnostics.Select(d => d.Id + " " + d.GetMessage())));
    }

    [Fact]
    public void Nested_record_names_that_collide_across_levels_compile()
    {
        // CollidePayload.A.B and CollidePayload.AB both want the name CollidePayloadAB.
        string payload = "{\"a\": {\"b\": {\"x\": 1}}, \"a_b\": {\"y\": 2}, \"ab_item\": {\"z\": 3}, \"ab\": [{\"w\": 4}]}";
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "one", body: Message("collide", payload)) }, emit: true).AssertTotal();
        Assert.True(run.Generated.Has("CollidePayload.g.cs"), string.Join(", ", run.Analyzed.Diagnostics.Select(d => d.Id + " " + d.GetMessage())));
    }

    [Fact]
    public void Very_long_names_stay_within_the_identifier_limit()
    {
        // Agent names stop at 256 chars (Claude Code skips longer ones: AGEN004, issue 10); tool
        // names and message keys have no such limit and stay long.
        string longTool = string.Join("-", Enumerable.Repeat("segment", 150)); // 1,199 chars
        string longName = string.Join("-", Enumerable.Repeat("segment", 31)); // 247 chars
        string longUnicode = string.Concat(Enumerable.Repeat("\u00e9\u4e2d", 127)); // 254 chars
        string longKey = new string('k', 1_000);
        string nested = string.Concat(Enumerable.Repeat("{\"" + new string('n', 200) + "\": ", 40)) + "1" + new string('}', 40);
        string body = Message(longTool.Replace('-', '_'), "{\"" + longKey + "\": 1, \"" + longKey + "x\": 2, \"deep\": " + nested + "}")
            + Message(longUnicode, "{\"" + longUnicode + "\": 1}");
        var files = new[]
        {
            Agent("1.md", longName, "[Read, \"" + longTool + "\", \"mcp__" + longTool + "__" + longTool + "\", \"" + longUnicode + longUnicode + "\"]", body),
            Agent("2.md", longName + "-2"),
            Agent("3.md", longUnicode),
        };
        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        Dictionary<string, IAgentDefinition> agents = runtime.Agents();
        Assert.Contains(longName, agents.Keys);
        Assert.Contains(longName + "-2", agents.Keys);
        Assert.Contains(longUnicode, agents.Keys);
        foreach (KeyValuePair<string, string> source in run.Generated.Sources)
        {
            Assert.True(source.Key.Length <= 120, "hint name too long: " + source.Key.Length);
        }
    }

    [Theory]
    [InlineData("Caf\u00e9.Agents")]
    [InlineData("Evil\u202ENs.Agents")]
    [InlineData("\u65e5\u672c.Agents")]
    public void Namespaces_outside_ascii_are_escaped_too(string ns)
    {
        Dictionary<string, string> globals = HostilePipeline.DefaultGlobals();
        globals["build_property.AgentGenNamespace"] = ns;
        PipelineRun run = HostilePipeline.Run(new[] { Agent("1.md", "ns-probe", body: Message("ns_probe", "{\"a\": {\"b\": 1}}")) }, emit: true, globals: globals).AssertTotal();
        Assert.True(run.GeneratedAgent("NsProbeAgent"));
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        // C# drops formatting characters (category Cf, e.g. U+202E) from identifiers.
        string expected = new string(ns.Where(c => char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format).ToArray());
        Assert.Equal(expected, runtime.Agents()["ns-probe"].GetType().Namespace);
    }
}
