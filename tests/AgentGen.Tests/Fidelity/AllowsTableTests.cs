using System.Reflection;
using System.Text;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Fidelity;

/// <summary>
/// Claude Code's permission rules as one table, run against every compiled copy of
/// AgentToolRules: the public type in AgentGen.Abstractions (generated code and the runtime
/// packages call it), the analyzer's internal copy (the generator's enum and AGEN100), and the
/// generated <c>Allows</c> of an agent compiled from a file that says the same thing.
/// Source codes: S1 = code.claude.com/docs/en/sub-agents (>= 2.1.281, fetched 2026-10-08),
/// S2 = tools reference, S3 = CHANGELOG, S5 = Agent SDK reference (2.1.240), S8 = third-party copy
/// of Claude Code's source (~2.1.88), S11 = GitHub custom-agents reference (FIDELITY.md §0).
/// </summary>
public class AllowsTableTests
{
    /// <summary>One row: the source it follows, the file's declarations (null tools = field absent), the tool asked, the answer.</summary>
    public sealed record Row(string Source, string[]? Tools, string[] Disallowed, bool Memory, string Tool, bool Expected)
    {
        public override string ToString() => $"{Source}: tools={(Tools is null ? "(absent)" : "[" + string.Join(", ", Tools) + "]")} disallowed=[{string.Join(", ", Disallowed)}]{(Memory ? " memory" : string.Empty)} Allows({Tool}) = {Expected}";
    }

    private static Row R(string source, string[]? tools, string[] disallowed, string tool, bool expected, bool memory = false) => new(source, tools, disallowed, memory, tool, expected);

    private static readonly string[] None = [];

    public static readonly Row[] Rows =
    [
        R("S1 tools omitted: inherits every tool", null, None, "WebFetch", true),
        R("S1 tools omitted: inherits MCP tools", null, None, "mcp__github__create_issue", true),
        R("S1 disallowedTools removes from the inherited set", null, ["Bash"], "Bash", false),
        R("S1 disallowedTools leaves the rest", null, ["Bash"], "Read", true),
        R("S1 allowlist grants what it lists", ["Read", "Grep"], None, "Grep", true),
        R("S1 allowlist refuses the rest", ["Read", "Grep"], None, "Write", false),
        R("S2 names are exact strings", ["Read"], None, "read", false),
        R("S4 tools: [] launches without tools", [], None, "Read", false),
        R("S1 specifier in tools grants the whole tool (#95002, 2.1.270)", ["Bash(git diff:*)"], None, "Bash", true),
        R("S1 specifier on the asked name is ignored", ["Bash"], None, "Bash(rm -rf:*)", true),
        R("S1 disallowedTools wins over tools", ["Read", "Write"], ["Write"], "Write", false),
        R("S1 specifier in disallowedTools removes the whole tool", ["Bash"], ["Bash(rm:*)"], "Bash", false),
        R("S1 mcp__server covers its tools", ["mcp__github"], None, "mcp__github__create_issue", true),
        R("S1/S5 mcp__server__* covers its tools", ["mcp__github__*"], None, "mcp__github__list_prs", true),
        R("S1 mcp__server does not cover another server", ["mcp__github"], None, "mcp__gitlab__create_issue", false),
        R("S1 mcp__server does not cover a longer server name", ["mcp__git"], None, "mcp__github__create_issue", false),
        R("S1 one MCP tool does not cover its siblings", ["mcp__github__create_issue"], None, "mcp__github__delete_repo", false),
        R("S1 one MCP tool grants itself", ["mcp__context7__resolve-library-id"], None, "mcp__context7__resolve-library-id", true),
        R("S1 disallowed server wildcard wins over inherit", null, ["mcp__billing__*"], "mcp__billing__refund", false),
        R("S1 disallowed server wildcard leaves other servers", null, ["mcp__billing__*"], "mcp__github__list_prs", true),
        R("D1 S1/S5 disallowedTools mcp__* removes every MCP tool", null, ["mcp__*"], "mcp__gh__x", false),
        R("D1 S1 disallowedTools mcp__* leaves built-ins", null, ["mcp__*"], "Read", true),
        R("D1 S1 mcp__* removes a listed MCP tool (2.1.178 fix)", ["Read", "mcp__gh__x"], ["mcp__*"], "mcp__gh__x", false),
        R("D1 S5 mcp__* in tools grants every MCP tool", ["mcp__*"], None, "mcp__any__tool", true),
        R("D1 S5 mcp__* in tools grants no built-in", ["mcp__*"], None, "Bash", false),
        R("D1 mcp__* never matches a non-MCP name", ["mcp__*"], None, "mcp__", false),
        R("S1 2.1.63 legacy Task grants Agent", ["Task"], None, "Agent", true),
        R("S1 2.1.63 Agent answers for Task", ["Agent"], None, "Task", true),
        R("S1 2.1.63 disallowed Task removes Agent", null, ["Task"], "Agent", false),
        R("D5 S5 KillShell grants TaskStop", ["KillShell"], None, "TaskStop", true),
        R("D5 S5 KillBash grants TaskStop", ["KillBash"], None, "TaskStop", true),
        R("D5 S5 BashOutput grants TaskOutput", ["BashOutput"], None, "TaskOutput", true),
        R("D5 S5 TaskStop answers for KillShell", ["TaskStop"], None, "KillShell", true),
        R("D5 S5 disallowed KillBash removes TaskStop", null, ["KillBash"], "TaskStop", false),
        R("D5 removed MultiEdit grants nothing new (2.0.32)", ["MultiEdit"], None, "Edit", false),
        R("D6 S1 memory adds Write", ["Read"], None, "Write", true, memory: true),
        R("D6 S1 memory adds Edit", ["Read"], None, "Edit", true, memory: true),
        R("D6 S1 memory adds Read", [], None, "Read", true, memory: true),
        R("D6 S1 memory adds nothing else", ["Read"], None, "Bash", false, memory: true),
        R("D6 disallowedTools still wins over memory (inferred: S1 applies disallowed first)", ["Read"], ["Write"], "Write", false, memory: true),
        R("D6 without memory Write stays refused", ["Read"], None, "Write", false),
        R("D11 S8/S11 * grants every tool", ["*"], None, "WebSearch", true),
        R("D11 S8/S11 * grants MCP tools", ["*"], None, "mcp__s__t", true),
        R("D11 disallowedTools wins over *", ["*"], ["Bash"], "Bash", false),
        R("S1 empty tool name is never allowed", null, None, "", false),
        R("S1 whitespace around the asked name is ignored", ["Read"], None, " Read ", true),
        R("S1 (2.1.147) Agent(a, b) grants Agent to a subagent", ["Agent(worker, researcher)"], None, "Agent", true),
    ];

    public static TheoryData<Row> Cases()
    {
        var data = new TheoryData<Row>();
        foreach (Row row in Rows)
        {
            data.Add(row);
        }

        return data;
    }

    [Fact]
    public void The_table_has_at_least_40_cases_each_with_a_source()
    {
        Assert.True(Rows.Length >= 40, Rows.Length.ToString());
        Assert.All(Rows, r => Assert.Matches("^(S\\d|D\\d)", r.Source));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Abstractions_public_copy(Row row)
        => Assert.True(row.Expected == AgentToolRules.Allows(row.Tools is null, row.Tools ?? None, row.Disallowed, row.Memory, row.Tool), row.ToString());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Analyzer_internal_copy(Row row)
        => Assert.True(row.Expected == AgentGen.Shared.AgentToolRules.Allows(row.Tools is null, row.Tools ?? None, row.Disallowed, row.Memory, row.Tool), row.ToString());

    [Theory]
    [MemberData(nameof(Cases))]
    public void Four_argument_public_overload_agrees_when_memory_is_off(Row row)
    {
        if (!row.Memory)
        {
            Assert.True(row.Expected == AgentToolRules.Allows(row.Tools is null, row.Tools ?? None, row.Disallowed, row.Tool), row.ToString());
        }
    }

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var harness = new GeneratorHarness();
        for (int i = 0; i < Rows.Length; i++)
        {
            harness.Agent($"row-{i}.md", AgentFile(i, Rows[i]));
        }

        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        return GeneratedAssembly.Load(result);
    });

    [Fact]
    public void Generated_agents_Allows_through_compiled_output()
    {
        var failures = new List<string>();
        for (int i = 0; i < Rows.Length; i++)
        {
            IAgentDefinition agent = Generated.Value.Agent($"Row{i}Agent");
            if (agent.Allows(Rows[i].Tool) != Rows[i].Expected)
            {
                failures.Add(Rows[i].ToString());
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The row as an agent file: tools absent, empty or listed (quoted), disallowedTools, memory.</summary>
    private static string AgentFile(int index, Row row)
    {
        var sb = new StringBuilder("---\nname: row-").Append(index).Append("\ndescription: Row ").Append(index).Append(".\n");
        if (row.Tools is not null)
        {
            sb.Append("tools: [").Append(string.Join(", ", row.Tools.Select(Quote))).Append("]\n");
        }

        if (row.Disallowed.Length > 0)
        {
            sb.Append("disallowedTools: [").Append(string.Join(", ", row.Disallowed.Select(Quote))).Append("]\n");
        }

        if (row.Memory)
        {
            sb.Append("memory: project\n");
        }

        return sb.Append("---\nBody.\n").ToString();
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''") + "'";
}
