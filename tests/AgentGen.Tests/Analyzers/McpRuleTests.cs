using AgentGen.Analyzers;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AgentGen.Tests.Analyzers;

/// <summary>
/// AGEN025-AGEN027: the project's .mcp.json (AgentGenKind=McpConfig) and the agents' MCP tools and mcpServers, each
/// diagnostic at its exact place (markup spans), and nothing for projects without MCP.
/// </summary>
public class McpRuleTests
{
    private const string McpJsonPath = "/project/.mcp.json";

    private sealed class Test : CSharpAnalyzerTest<McpConfigAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.TestingAssemblies;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.Sources.Add("public static class Placeholder { }");
        }
    }

    private static Task VerifyAsync(string? mcpJson, (string Name, string Markup)[] agents, params DiagnosticResult[] expected)
    {
        var test = new Test();
        var paths = new List<string>();
        foreach ((string name, string markup) in agents)
        {
            string path = AgentFileVerifier.PathOf(name);
            paths.Add(path);
            test.TestState.AdditionalFiles.Add((path, markup));
        }

        string config = AgentFileVerifier.GlobalConfig(paths);
        if (mcpJson is not null)
        {
            test.TestState.AdditionalFiles.Add((McpJsonPath, mcpJson));
            config += "[" + McpJsonPath + "]\nbuild_metadata.AdditionalFiles.AgentGenKind = McpConfig\n";
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", config));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static string Agent(string name, string fields) => $"---\nname: {name}\ndescription: Test agent {name}.\n{fields}\n---\nYou are {name}.\n";

    private static DiagnosticResult D(string id, DiagnosticSeverity severity) => new(id, severity);

    private const string Context7 = """
        {
          "mcpServers": {
            "context7": { "command": "npx", "args": ["-y", "@upstash/context7-mcp"] }
          }
        }
        """;

    // ---- AGEN025 -------------------------------------------------------------------------------------

    [Fact]
    public Task AGEN025_a_file_that_is_not_JSON_is_an_error_where_the_parser_stopped() => VerifyAsync(
        "{\n  \"mcpServers\": {\n    \"a\": { \"command\": \"x\" }\n    {|#0:|}\"b\": {}\n  }\n}\n",
        [],
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(0).WithArguments(".mcp.json is not valid JSON: Expected ',' or '}' after a property value but found '\"'", "the whole file"));

    [Fact]
    public Task AGEN025_entries_Claude_Code_cannot_start_are_errors_at_their_names_or_type() => VerifyAsync(
        """
        {
          "mcpServers": {
            "ok": { "type": "http", "url": "https://example.com/mcp" },
            {|#0:"no-command"|}: { "args": ["x"] },
            {|#1:"remote"|}: { "url": "https://example.com/mcp" },
            {|#2:"bare-http"|}: { "type": "sse" },
            "grpc": { "type": {|#3:"grpc"|}, "url": "x" }
          }
        }
        """,
        [],
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(0).WithArguments("The MCP server 'no-command' has no 'command' (a stdio server needs one) and no 'url' with a 'type'", "this server"),
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(1).WithArguments("The MCP server 'remote' has a 'url' but no 'type'; add \"type\": \"http\" (or \"sse\" / \"ws\")", "this server"),
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(2).WithArguments("The sse MCP server 'bare-http' has no 'url'", "this server"),
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(3).WithArguments("The MCP server 'grpc' has the unknown type 'grpc' (stdio, http, sse or ws)", "this server"));

    [Fact]
    public Task AGEN025_a_servers_key_is_not_read() => VerifyAsync(
        "{|#0:{|} \"servers\": { \"a\": { \"command\": \"x\" } } }",
        [],
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(0).WithArguments(".mcp.json needs an object \"mcpServers\": {\"<name>\": {...}} (a top-level \"servers\" key is not read)", "every server of this file"));

    // ---- AGEN026 -------------------------------------------------------------------------------------

    [Fact]
    public Task AGEN026_a_tool_of_an_unconfigured_server_is_a_warning_with_a_suggestion() => VerifyAsync(
        Context7,
        [("architect.md", Agent("architect", "tools: Read, mcp__context7__resolve-library-id, {|#0:mcp__sequential-thinking__sequentialthinking|}, {|#1:mcp__context-7__get-library-docs|}"))],
        D("AGEN026", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("mcp__sequential-thinking__sequentialthinking", "sequential-thinking", ""),
        D("AGEN026", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("mcp__context-7__get-library-docs", "context-7", "; did you mean 'context7'?"));

    [Fact]
    public Task AGEN026_whole_server_entries_and_the_agents_own_servers_count() => VerifyAsync(
        Context7,
        [("a.md", Agent("a", "tools: [mcp__context7, mcp__mine__run, {|#0:mcp__other__*|}]\nmcpServers:\n  - context7\n  - mine:\n      command: ./mine")),],
        D("AGEN026", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("mcp__other__*", "other", ""));

    [Fact]
    public Task AGEN026_names_are_compared_after_Claude_Codes_normalisation() => VerifyAsync(
        """{ "mcpServers": { "my.server": { "command": "x" } } }""",
        [("a.md", Agent("a", "tools: mcp__my_server__run"))]);

    [Fact]
    public Task AGEN026_is_quiet_without_a_project_file_and_without_inline_servers() => VerifyAsync(
        null,
        [("a.md", Agent("a", "tools: Read, mcp__context7__resolve-library-id, mcp__github\nmcpServers: [github]"))]);

    [Fact]
    public Task AGEN026_checks_against_inline_servers_when_there_is_no_project_file() => VerifyAsync(
        null,
        [("a.md", Agent("a", "tools: mcp__mine__run, {|#0:mcp__mien__run|}\nmcpServers:\n  - mine:\n      command: ./mine"))],
        D("AGEN026", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("mcp__mien__run", "mien", "; did you mean 'mine'?"));

    [Fact]
    public Task AGEN026_is_not_piled_on_a_broken_project_file() => VerifyAsync(
        "{|#0:|}",
        [("a.md", Agent("a", "tools: mcp__anything__x"))],
        D("AGEN025", DiagnosticSeverity.Error).WithLocation(0).WithArguments(".mcp.json is not valid JSON: Expected a JSON value but the input is empty", "the whole file"));

    // ---- AGEN027 -------------------------------------------------------------------------------------

    [Fact]
    public Task AGEN027_a_name_no_project_server_has_and_an_inline_entry_that_cannot_start() => VerifyAsync(
        Context7,
        [("a.md", Agent("a", "mcpServers:\n  - {|#0:context-7|}\n  - {|#1:local|}:\n      type: stdio\n      args: [x]\n  - {|#2:web|}: {url: 'https://example.com'}\n  - fine:\n      type: http\n      url: https://example.com/mcp"))],
        D("AGEN027", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("No MCP server of .mcp.json is named 'context-7'; did you mean 'context7'?"),
        D("AGEN027", DiagnosticSeverity.Warning).WithLocation(1).WithArguments("The stdio MCP server 'local' has no 'command'"),
        D("AGEN027", DiagnosticSeverity.Warning).WithLocation(2).WithArguments("The MCP server 'web' has a 'url' but no 'type'; add \"type\": \"http\" (or \"sse\" / \"ws\")"));

    [Fact]
    public Task No_MCP_anywhere_means_no_diagnostic() => VerifyAsync(
        null,
        [("a.md", Agent("a", "tools: Read, Grep")), ("b.md", Agent("b", "model: sonnet"))]);

    [Fact]
    public Task A_valid_project_with_MCP_is_clean() => VerifyAsync(
        Context7,
        [("a.md", Agent("a", "tools: Read, mcp__context7__resolve-library-id, mcp__context7__get-library-docs\nmcpServers: [context7]"))]);
}
