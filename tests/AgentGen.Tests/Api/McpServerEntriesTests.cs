using System.Reflection;
using System.Text.Json;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>
/// Issue 25: an agent's inline <c>mcpServers</c> entries reach the runtime as one JSON object in
/// <see cref="AgentDefinitionBase.McpServerEntries"/>; names of configured servers stay in <c>McpServers</c> only.
/// </summary>
public class McpServerEntriesTests
{
    private const string Tester = """
        ---
        name: tester
        description: Runs browser tests.
        tools: mcp__browser__navigate, mcp__github__list_issues
        mcpServers:
          - github
          - browser:
              type: stdio
              command: npx
              args: ["-y", "@example/browser-mcp", "--port=${PORT:-8080}"]
              env:
                TOKEN: "${TOKEN}"
                QUOTE: 'say "hi" \ there'
          - remote: {type: http, url: "https://example.com/mcp", headers: {Authorization: "Bearer ${KEY}"}}
        ---
        Test the pages.
        """;

    private static Assembly Build(string text) => GeneratedAssembly.Load(new GeneratorHarness().Agent("tester.md", text).Run());

    [Fact]
    public void Inline_entries_are_emitted_as_json_in_the_mcp_json_shape()
    {
        var tester = Assert.IsAssignableFrom<AgentDefinitionBase>(Build(Tester).Agent("TesterAgent"));
        Assert.Equal(["github", "browser", "remote"], tester.McpServers);
        using JsonDocument json = JsonDocument.Parse(tester.McpServerEntries!);
        JsonElement root = json.RootElement;
        Assert.Equal(["browser", "remote"], root.EnumerateObject().Select(p => p.Name));
        JsonElement browser = root.GetProperty("browser");
        Assert.Equal("stdio", browser.GetProperty("type").GetString());
        Assert.Equal("npx", browser.GetProperty("command").GetString());
        Assert.Equal(["-y", "@example/browser-mcp", "--port=${PORT:-8080}"], browser.GetProperty("args").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("${TOKEN}", browser.GetProperty("env").GetProperty("TOKEN").GetString());
        Assert.Equal("say \"hi\" \\ there", browser.GetProperty("env").GetProperty("QUOTE").GetString());
        Assert.Equal("Bearer ${KEY}", root.GetProperty("remote").GetProperty("headers").GetProperty("Authorization").GetString());
    }

    [Fact]
    public void Without_inline_entries_there_is_no_json()
    {
        var agent = Assert.IsAssignableFrom<AgentDefinitionBase>(Build("---\nname: tester\ndescription: D.\nmcpServers: [github]\n---\nB.\n").Agent("TesterAgent"));
        Assert.Equal(["github"], agent.McpServers);
        Assert.Null(agent.McpServerEntries);
    }
}
