using System.Collections;
using System.Reflection;
using AgentGen.Generator;
using AgentGen.Tests.Hostile;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Generator;

/// <summary>
/// AgentCatalog.McpServers: the servers of the project's .mcp.json (AgentGenKind=McpConfig), name and transport,
/// ordered by name; no member without a .mcp.json or without a valid entry; names are data, never code.
/// </summary>
public class McpServerCatalogTests
{
    private const string Agent = "---\nname: ledger-keeper\ndescription: Keeps the ledger.\ntools: Read, mcp__ledger__post\n---\nKeep it.\n";

    private static GeneratorResult Run(string? mcpJson)
    {
        var harness = new GeneratorHarness().Agent("ledger-keeper.md", Agent);
        if (mcpJson is not null)
        {
            harness.McpConfig(mcpJson);
        }

        return harness.Run();
    }

    private static List<(string Name, string Transport)> McpServers(GeneratorResult result)
    {
        Assembly assembly = GeneratedAssembly.Load(result);
        object? list = assembly.Type("AgentCatalog").GetProperty("McpServers", BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        return ((IEnumerable)list!).Cast<McpServerInfo>().Select(s => (s.Name, s.Transport)).ToList();
    }

    [Fact]
    public void Servers_are_listed_by_name_with_their_transport()
    {
        GeneratorResult result = Run("""
            {
              "mcpServers": {
                "zeta-docs": { "type": "http", "url": "https://example.invalid/mcp", "headers": { "Authorization": "Bearer secret-token" } },
                "ledger": { "command": "node", "args": ["ledger.js"], "env": { "LEDGER_KEY": "secret-key" } },
                "events": { "type": "sse", "url": "https://example.invalid/sse" },
                "Alpha": { "type": "stdio", "command": "alpha" },
                "streamer": { "type": "streamable-http", "url": "https://example.invalid/s" },
                "socket": { "type": "ws", "url": "wss://example.invalid/ws" }
              }
            }
            """);

        Assert.Equal(
            new[] { ("Alpha", "stdio"), ("events", "sse"), ("ledger", "stdio"), ("socket", "ws"), ("streamer", "http"), ("zeta-docs", "http") },
            McpServers(result));

        // Only names and transports reach generated code: no command, url, header or env value.
        string catalog = result.Sources["AgentCatalog.g.cs"];
        foreach (string secret in new[] { "secret-token", "secret-key", "ledger.js", "example.invalid", "node" })
        {
            Assert.DoesNotContain(secret, catalog, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_a_mcp_json_the_catalog_has_no_McpServers_member()
    {
        GeneratorResult result = Run(null);
        result.AssertCompilesCleanly();
        Assert.DoesNotContain("McpServers", result.Sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"mcpServers\": { \"ledger\": { \"command\": ")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"servers\": { \"ledger\": { \"command\": \"node\" } } }")]
    [InlineData("{ \"mcpServers\": [] }")]
    [InlineData("{ \"mcpServers\": { \"ledger\": { \"url\": \"https://example.invalid\" }, \"bad\": 3, \"odd\": { \"type\": \"carrier-pigeon\", \"command\": \"x\" } } }")]
    public void A_malformed_mcp_json_or_invalid_entries_give_no_servers_and_no_failure(string mcpJson)
    {
        // AGEN025 (McpConfigAnalyzer) reports these; the generator only leaves them out.
        GeneratorResult result = Run(mcpJson);
        result.AssertCompilesCleanly();
        Assert.DoesNotContain("McpServers", result.Sources["AgentCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_entries_are_left_out_and_valid_ones_kept()
    {
        GeneratorResult result = Run("{ \"mcpServers\": { \"broken\": { \"type\": \"http\" }, \"ledger\": { \"command\": \"node\" } } }");
        Assert.Equal(new[] { ("ledger", "stdio") }, McpServers(result));
    }

    [Fact]
    public void Hostile_server_names_are_data_not_code()
    {
        // Server names are arbitrary JSON strings: every hostile string of the injection corpus, alone and all
        // together, written as a JSON escape so the JSON itself stays valid.
        var names = InjectionTests.HostileStrings.Append(InjectionTests.Everything).Distinct(StringComparer.Ordinal).ToList();
        string entries = string.Join(",\n", names.Select((n, i) => "    " + JsonString(n) + ": { \"command\": \"tool" + i + "\" }"));
        GeneratorResult result = Run("{ \"mcpServers\": {\n" + entries + "\n} }");

        List<(string Name, string Transport)> servers = McpServers(result);
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), servers.Select(s => s.Name));
        Assert.All(servers, s => Assert.Equal("stdio", s.Transport));
        string catalog = result.Sources["AgentCatalog.g.cs"];
        Assert.All(catalog, c => Assert.True(c == '\n' || c == '\r' || (c >= ' ' && c < 0x7F), $"U+{(int)c:X4} in generated code"));
    }

    [Fact]
    public void The_list_does_not_depend_on_order_and_a_repeated_name_keeps_its_first_entry()
    {
        GeneratorResult result = Run("{ \"mcpServers\": { \"b\": { \"command\": \"x\" }, \"a\": { \"type\": \"sse\", \"url\": \"https://x.invalid\" }, \"b\": { \"type\": \"ws\", \"url\": \"wss://x.invalid\" } } }");
        Assert.Equal(new[] { ("a", "sse"), ("b", "stdio") }, McpServers(result));
        Assert.Equal(Run("{ \"mcpServers\": { \"a\": { \"type\": \"sse\", \"url\": \"https://x.invalid\" }, \"b\": { \"command\": \"x\" } } }").Sources["AgentCatalog.g.cs"], result.Sources["AgentCatalog.g.cs"]);
    }

    [Fact]
    public void An_agent_named_mcp_servers_does_not_take_the_member_name()
    {
        GeneratorResult result = new GeneratorHarness()
            .Agent("mcp-servers.md", "---\nname: mcp-servers\ndescription: Lists servers.\ntools: Read\n---\nList them.\n")
            .McpConfig("{ \"mcpServers\": { \"ledger\": { \"command\": \"node\" } } }")
            .Run();
        Assert.Equal(new[] { ("ledger", "stdio") }, McpServers(result));
    }

    [Fact]
    public void Merge_orders_by_path_then_name_and_never_fails_on_nothing()
    {
        Assert.Empty(McpServerList.Merge(System.Collections.Immutable.ImmutableArray<McpServerList>.Empty));
        var second = McpServerList.Parse("/b/.mcp.json", "{ \"mcpServers\": { \"x\": { \"type\": \"ws\", \"url\": \"wss://x\" } } }");
        var first = McpServerList.Parse("/a/.mcp.json", "{ \"mcpServers\": { \"x\": { \"command\": \"c\" }, \"w\": { \"command\": \"c\" } } }");
        Assert.Equal(
            new[] { new McpServerSpec("w", "stdio"), new McpServerSpec("x", "stdio") },
            McpServerList.Merge(System.Collections.Immutable.ImmutableArray.Create(second, first)).ToArray());
    }

    private static string JsonString(string s)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c is '"' or '\\' || c < 0x20 || c >= 0x7F ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return sb.Append('"').ToString();
    }
}
