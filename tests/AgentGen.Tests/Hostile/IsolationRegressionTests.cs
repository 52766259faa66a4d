using System.Reflection;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Issue 14's file and the generated members that take user input at run time. The wildcard
/// file's meaning (what <c>mcp__*</c> allows) belongs to the tool rules (fidelity); these tests
/// assert what must hold whatever that meaning: no exception anywhere, the ordinary agent
/// generates, and the wildcard file either generates or is AGEN099 on itself.
/// </summary>
public class IsolationRegressionTests
{
    private const string Wildcard = "---\nname: wildcard\ndescription: Uses every MCP tool.\ntools: Edit, mcp__*, mcp__github__create_issue\n---\nYou use MCP.\n";
    private const string Ordinary = "---\nname: ordinary\ndescription: An ordinary agent.\ntools: Read, Grep\n---\nYou read.\n";

    /// <summary>Probe names: null, empty, blank, huge, non-ASCII, unpaired surrogates, MCP and specifier oddities.</summary>
    public static readonly string?[] Probes =
    {
        null, string.Empty, " ", "\n", "Edit", "Read", "Task", "Agent", "mcp__*", "mcp__", "mcp", "mcp___x", "mcp__github", "mcp__github__*",
        "mcp__github__create_issue", "mcp__github__create_issue__", "mcp__a__*", "mcp____", "Bash(", "Bash(git:*)", "(", ")", "()", "*",
        "\u00FC", "\u5DE5\u5177", "\uD800", "\uDFFF\uD800", "\0", "\u202E", new string('x', 1_000_000), "mcp__" + new string('a', 100_000) + "__*",
        new string('(', 100_000), string.Concat(Enumerable.Repeat("mcp__", 20_000)),
    };

    [Fact]
    public void The_issue_file_beside_an_ordinary_agent_never_takes_the_ordinary_one_down()
    {
        foreach (HostileFile[] files in new[]
        {
            new[] { HostileFile.FromString("wildcard.md", Wildcard), HostileFile.FromString("ordinary.md", Ordinary) },
            new[] { HostileFile.FromString("ordinary.md", Ordinary), HostileFile.FromString("wildcard.md", Wildcard) },
        })
        {
            GeneratorRun run = HostilePipeline.Generate(files);
            Assert.Null(run.Exception); // was CS8785: ArgumentOutOfRangeException 'startIndex' in AgentToolRules.Covers
            Assert.True(run.Has("OrdinaryAgent.g.cs"), "the ordinary agent was not generated");
            Assert.True(run.Has("WildcardAgent.g.cs") || run.Diagnostics.Any(d => d.Id == "AGEN099" && d.Location.GetLineSpan().Path.EndsWith("wildcard.md", StringComparison.Ordinal)));
            Assert.All(run.Diagnostics, d => Assert.Equal("AGEN099", d.Id));

            AnalyzerRun analyzed = HostilePipeline.Analyze(files);
            Invariants.AssertAnalyzerTotal(analyzed, files);

            using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Output);
            Dictionary<string, IAgentDefinition> agents = runtime.Agents();
            Assert.True(agents["ordinary"].Allows("Read"));
            Assert.False(agents["ordinary"].Allows("mcp__github__create_issue"));
            if (agents.TryGetValue("wildcard", out IAgentDefinition? wildcard))
            {
                Assert.True(wildcard.Allows("Edit"));
                Assert.True(wildcard.Allows("mcp__github__create_issue"));
            }

            AssertMembersNeverThrow(runtime);
        }
    }

    [Fact]
    public void Generated_members_taking_user_input_never_throw_on_any_value()
    {
        HostileFile[] files =
        {
            HostileFile.FromString("wildcard.md", Wildcard),
            HostileFile.FromString("ordinary.md", Ordinary),
            HostileFile.FromString("everything.md", "---\nname: everything\ndescription: Inherits every tool.\ndisallowedTools: [mcp__*, \"Bash(rm:*)\", mcp__a__*, mcp___x]\n---\nBody.\n"),
            HostileFile.FromString("servers.md", "---\nname: servers\ndescription: Whole servers.\ntools: [mcp__github, mcp__github__*, \"mcp__x__\", mcp____, Task, \"Bash(git:*)\"]\n---\nBody.\n"),
            HostileFile.FromString("unicode.md", "---\nname: \u00FCnic\u00F6de\ndescription: Non-ASCII.\ntools: [mcp__serv\u00E9r__t\u00F6\u00F6l, Read]\n---\nBody.\n"),
        };
        GeneratorRun run = HostilePipeline.Generate(files);
        Assert.Null(run.Exception);
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Output);
        Assert.True(runtime.Agents().Count >= 4, "expected the agents to generate: " + string.Join(", ", run.Diagnostics));
        AssertMembersNeverThrow(runtime);
    }

    /// <summary>Allows and EnsureAllowed (only ToolNotAllowedException), AgentTools.TryParse, AgentCatalog.TryGet and Get (only KeyNotFoundException).</summary>
    internal static void AssertMembersNeverThrow(RuntimeAssembly runtime)
    {
        Type catalog = runtime.Type(HostilePipeline.Namespace + ".AgentCatalog");
        Type tools = runtime.Type(HostilePipeline.Namespace + ".AgentTools");
        Dictionary<string, IAgentDefinition> agents = runtime.Agents();
        foreach (string? probe in Probes)
        {
            object?[] args = { probe, null };
            bool found = (bool)Unwrap(() => catalog.GetMethod("TryGet")!.Invoke(null, args))!;
            Assert.Equal(probe is not null && agents.ContainsKey(probe), found);
            Exception? fromGet = Catch(() => catalog.GetMethod("Get")!.Invoke(null, new object?[] { probe }));
            Assert.True(found ? fromGet is null : fromGet is KeyNotFoundException, "Get threw " + fromGet);
            Unwrap(() => tools.GetMethod("TryParse")!.Invoke(null, new object?[] { probe, null }));

            foreach (IAgentDefinition agent in agents.Values)
            {
                bool allowed = agent.Allows(probe!);
                Exception? fromEnsure = Catch(() => agent.GetType().GetMethod("EnsureAllowed", new[] { typeof(string) })!.Invoke(agent, new object?[] { probe }));
                Assert.True(allowed ? fromEnsure is null : fromEnsure is ToolNotAllowedException, $"{agent.Name}: Allows={allowed}, EnsureAllowed threw {fromEnsure}");
            }
        }
    }

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new Xunit.Sdk.XunitException("a generated member threw " + ex.InnerException);
        }
    }

    private static Exception? Catch(Func<object?> call)
    {
        try
        {
            call();
            return null;
        }
        catch (TargetInvocationException ex)
        {
            return ex.InnerException;
        }
    }
}
