using System.Diagnostics;
using System.Text.Json;
using AgentGen.AI;

namespace AgentGen.Runtime.Tests.Mcp;

/// <summary>An agent definition written in the test, as the generator would emit it (tools, mcpServers, inline entries).</summary>
public sealed class TestAgent(string name, string[]? tools, string[]? mcpServers = null, string? inlineServers = null, string[]? disallowed = null)
    : AgentDefinitionBase(name, "Test agent " + name + ".", null, "You are the test agent " + name + ".", inheritsAllTools: tools is null, toolNames: tools, disallowedToolNames: disallowed, mcpServers: mcpServers, mcpServerEntries: inlineServers);

/// <summary>
/// A project folder with a <c>.mcp.json</c> whose servers are the test server (tests/AgentGen.McpTestServer), and
/// helpers to see which server processes are alive. Disposing deletes the folder.
/// </summary>
public sealed class McpProject : IDisposable
{
    public McpProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "agentgen-mcp-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>The test server's dll, built next to the tests.</summary>
    public static string ServerDll => Path.Combine(AppContext.BaseDirectory, "AgentGen.McpTestServer.dll");

    /// <summary>The dotnet host running the tests: the command that starts the test server.</summary>
    public static string DotNet => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>A stdio entry that starts the test server in <paramref name="mode"/>, writing its pid to a file of this folder.</summary>
    public Dictionary<string, object?> Server(string name, string mode = "serve", Dictionary<string, string>? env = null, string[]? extraArgs = null)
    {
        var environment = new Dictionary<string, string>(env ?? new()) { ["AGENTGEN_TEST_PID_FILE"] = PidFile(name) };
        return new Dictionary<string, object?>
        {
            ["command"] = DotNet,
            ["args"] = new[] { ServerDll, mode }.Concat(extraArgs ?? []).ToArray(),
            ["env"] = environment,
        };
    }

    public string PidFile(string server) => Path.Combine(Directory, server + ".pid");

    /// <summary>Writes <c>.mcp.json</c> with <paramref name="servers"/>.</summary>
    public McpProject WithMcpJson(params (string Name, object Entry)[] servers)
    {
        File.WriteAllText(Path.Combine(Directory, ".mcp.json"), JsonSerializer.Serialize(new { mcpServers = servers.ToDictionary(s => s.Name, s => s.Entry) }));
        return this;
    }

    /// <summary>An agent's inline entries as the generator hands them over.</summary>
    public static string Inline(params (string Name, object Entry)[] servers) => JsonSerializer.Serialize(servers.ToDictionary(s => s.Name, s => s.Entry));

    public AgentRuntimeOptions Options(bool trust = true, TimeSpan? timeout = null) => new()
    {
        ProjectDirectory = Directory,
        TrustProjectFiles = trust,
        McpStartupTimeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    /// <summary>The pid the server <paramref name="name"/> wrote, or null if it never started.</summary>
    public int? Pid(string name)
        => File.Exists(PidFile(name)) && int.TryParse(File.ReadAllText(PidFile(name)), out int pid) ? pid : null;

    /// <summary>Whether the process <paramref name="pid"/> is still running (waits up to 5 s for it to go).</summary>
    public static bool IsRunning(int pid, TimeSpan? wait = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            bool alive;
            try
            {
                using var p = Process.GetProcessById(pid);
                alive = !p.HasExited;
            }
            catch (ArgumentException)
            {
                alive = false;
            }

            if (!alive || deadline.Elapsed > (wait ?? TimeSpan.FromSeconds(5)))
            {
                return alive;
            }

            Thread.Sleep(50);
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
