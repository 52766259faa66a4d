using System.Text.Json;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>The generated class passes the file's <c>hooks</c> as JSON text too, for the runtime to read with System.Text.Json.</summary>
public class HooksJsonTests
{
    private const string Hooked = "---\nname: hooked\ndescription: Has hooks.\nhooks:\n  PreToolUse:\n    - matcher: \"Bash|Write\"\n      hooks:\n        - type: command\n          command: ./check.sh \"$1\"\n          timeout: 30\n          async: false\n          args: [a, '2', 3.5]\n  Stop:\n    - hooks: [{type: command, command: ~}]\n---\nBody.\n";

    [Fact]
    public void Hooks_map_is_emitted_as_JSON_with_YAML_core_schema_types()
    {
        var agent = Assert.IsAssignableFrom<AgentDefinitionBase>(GeneratedAssembly.Load(new GeneratorHarness().Agent("hooked.md", Hooked).Run()).Agent("HookedAgent"));

        Assert.NotNull(agent.Hooks);
        using JsonDocument json = JsonDocument.Parse(agent.HooksJson!);
        JsonElement handler = json.RootElement.GetProperty("PreToolUse")[0].GetProperty("hooks")[0];
        Assert.Equal("Bash|Write", json.RootElement.GetProperty("PreToolUse")[0].GetProperty("matcher").GetString());
        Assert.Equal("./check.sh \"$1\"", handler.GetProperty("command").GetString());
        Assert.Equal(30, handler.GetProperty("timeout").GetInt32());
        Assert.Equal(JsonValueKind.False, handler.GetProperty("async").ValueKind);
        Assert.Equal(JsonValueKind.String, handler.GetProperty("args")[1].ValueKind);
        Assert.Equal(3.5, handler.GetProperty("args")[2].GetDouble());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("Stop")[0].GetProperty("hooks")[0].GetProperty("command").ValueKind);
    }

    [Fact]
    public void No_hooks_no_JSON()
    {
        var agent = Assert.IsAssignableFrom<AgentDefinitionBase>(GeneratedAssembly.Load(new GeneratorHarness().Agent("plain.md", "---\nname: plain\ndescription: None.\n---\nBody.\n").Run()).Agent("PlainAgent"));
        Assert.Null(agent.HooksJson);
    }
}
