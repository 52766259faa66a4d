using System.ComponentModel;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

// Modes (first argument): "serve" (default), "crash-at-start" (exits with 3 before speaking MCP), "hang" (starts and
// never answers). AGENTGEN_TEST_PID_FILE, when set, receives the process id first thing, so tests can check that no
// server process outlives the team.
string mode = args.Length > 0 ? args[0] : "serve";
if (Environment.GetEnvironmentVariable("AGENTGEN_TEST_PID_FILE") is { Length: > 0 } pidFile)
{
    File.WriteAllText(pidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

switch (mode)
{
    case "crash-at-start":
        Console.Error.WriteLine("test server: crashing at start as asked");
        return 3;
    case "hang":
        await Task.Delay(Timeout.Infinite);
        return 0;
}

var options = new McpServerOptions
{
    ServerInfo = new Implementation { Name = "agentgen-test", Version = "1.0.0" },
    ToolCollection =
    [
        McpServerTool.Create(
            [Description("Echoes the text back.")] (string text) => "echo: " + text,
            new McpServerToolCreateOptions { Name = "echo" }),
        McpServerTool.Create(
            [Description("Adds two integers.")] (int a, int b) => (a + b).ToString(System.Globalization.CultureInfo.InvariantCulture),
            new McpServerToolCreateOptions { Name = "add" }),
        McpServerTool.Create(
            [Description("Returns an environment variable of the server process, or '(unset)'.")] (string name) => Environment.GetEnvironmentVariable(name) ?? "(unset)",
            new McpServerToolCreateOptions { Name = "get_env" }),
        McpServerTool.Create(
            [Description("Returns the server's command-line arguments, joined by '|'.")] () => string.Join("|", args),
            new McpServerToolCreateOptions { Name = "get_args" }),
        McpServerTool.Create(
            [Description("Ends the server process at once (a server dying mid-run).")] () =>
            {
                Environment.Exit(9);
                return "unreachable";
            },
            new McpServerToolCreateOptions { Name = "die" }),
    ],
};

await using McpServer server = McpServer.Create(new StdioServerTransport("agentgen-test"), options);
await server.RunAsync();
return 0;
