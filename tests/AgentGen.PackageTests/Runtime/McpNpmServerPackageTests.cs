using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentGen.PackageTests.Infrastructure;
using Xunit.Abstractions;
using Xunit.Sdk;

using static AgentGen.PackageTests.Runtime.RuntimePackageFixture;

namespace AgentGen.PackageTests.Runtime;

/// <summary>
/// A real MCP server from npm (<c>@modelcontextprotocol/server-sequential-thinking</c>, the seed agent's second
/// server) started through the packed AgentGen.Agents by a consumer app's <c>.mcp.json</c>: its tool is offered as
/// <c>mcp__sequential-thinking__sequentialthinking</c> to the agent whose file allows it and refused to the one whose
/// file does not, <c>AgentCatalog.McpServers</c> lists it, and no node process outlives the team.
/// Needs <c>node</c> and <c>npm</c> (the npm registry must be reachable): without them, or when the install fails, the
/// test fails, unless <c>AGENTGEN_NO_NPM=1</c> says on purpose that this machine has no Node.
/// </summary>
[Trait("Category", "Package")]
public sealed class McpNpmServerPackageTests : IClassFixture<RuntimePackageFixture>
{
    /// <summary>Pinned, so the test does not change under us; the server's tool and result shape are this version's.</summary>
    private const string ServerPackage = "@modelcontextprotocol/server-sequential-thinking@2026.8.31";
    private const string Tool = "mcp__sequential-thinking__sequentialthinking";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(3);

    private readonly RuntimePackageFixture packages;
    private readonly ITestOutputHelper output;

    public McpNpmServerPackageTests(RuntimePackageFixture packages, ITestOutputHelper output)
    {
        this.packages = packages;
        this.output = output;
    }

    [Fact]
    public async Task The_sequential_thinking_server_from_npm_is_offered_per_the_files_and_stopped_with_the_team()
    {
        string? node = FindOnPath("node");
        string? npm = FindOnPath("npm");
        if (node is null || npm is null)
        {
            if (Environment.GetEnvironmentVariable("AGENTGEN_NO_NPM") == "1")
            {
                output.WriteLine("AGENTGEN_NO_NPM=1: node/npm not found and the test was told so; the npm MCP server was NOT tested.");
                return;
            }

            throw new XunitException($"node ({node ?? "not found"}) and npm ({npm ?? "not found"}) are needed on PATH to test a real MCP server from npm; set AGENTGEN_NO_NPM=1 to run without them on purpose.");
        }

        var clock = Stopwatch.StartNew();
        string app = packages.CreateConsumer("mcp-npm-app");
        // Outside the project folder, so the consumer's build does not glob node_modules.
        string serverDir = Path.Combine(packages.ConsumersDirectory, "sequential-thinking-npm");
        Directory.CreateDirectory(serverDir);
        string script = Path.Combine(serverDir, "node_modules", "@modelcontextprotocol", "server-sequential-thinking", "dist", "index.js");
        string pidFile = Path.Combine(serverDir, "pids.txt");
        string pidWriter = Path.Combine(serverDir, "write-pid.js");
        File.WriteAllText(pidWriter, "require('fs').appendFileSync(process.env.AGENTGEN_PID_FILE, process.pid + '\\n');\n");

        // The install runs while the app builds: the build needs only the .mcp.json, not the server.
        Task<(int ExitCode, string Output, bool TimedOut)> install = Task.Run(() => RunProcess(npm, ["install", "--no-audit", "--no-fund", "--no-save", "--no-package-lock", "--prefix", serverDir, ServerPackage], serverDir, InstallTimeout));

        packages.WriteConsumerProject(app, "mcp-npm-app.csproj", "Lab");

        // command: node, args: the installed script. The environment makes node write its pid (NODE_OPTIONS preloads a
        // one-line script), so that the app and the test can tell whether the server process is still there.
        var mcpJson = new
        {
            mcpServers = new Dictionary<string, object>
            {
                ["sequential-thinking"] = new
                {
                    command = "node",
                    args = new[] { script },
                    env = new Dictionary<string, string>
                    {
                        ["NODE_OPTIONS"] = "--require \"" + pidWriter.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"",
                        ["AGENTGEN_PID_FILE"] = pidFile,
                        ["DISABLE_THOUGHT_LOGGING"] = "true",
                    },
                },
            },
        };
        Write(app, ".mcp.json", JsonSerializer.Serialize(mcpJson, new JsonSerializerOptions { WriteIndented = true }));
        Write(app, ".claude/agents/thinker.md", $"""
            ---
            name: thinker
            description: Thinks a plan through one step at a time.
            tools: {Tool}
            ---
            You think plans through.
            """);
        Write(app, ".claude/agents/reader.md", """
            ---
            name: reader
            description: Reads plan files; never thinks aloud.
            tools: Read
            ---
            You read plans.
            """);
        Write(app, "Program.cs", """"
            using System.Diagnostics;
            using AgentGen.Agents;
            using AgentGen.AI;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Lab.Agents;

            string pidFile = args[0];
            foreach (var server in AgentCatalog.McpServers)
            {
                Console.WriteLine($"configured: {server.Name} ({server.Transport})");
            }

            var toolbox = new AgentToolbox().Add("Read", (string path) => "text of " + path);
            toolbox.ToolRefused += (_, e) => Console.WriteLine($"refused: {e.AgentName} {e.ToolName}");
            var model = new Scripted();
            AgentTeam team = await AgentTeam.CreateAsync(model, AgentCatalog.All, toolbox, new AgentRuntimeOptions
            {
                ProjectDirectory = Directory.GetCurrentDirectory(),
                TrustProjectFiles = true,
            });
            team.McpServerChanged += (_, e) => Console.WriteLine($"mcp event: {e.ServerName} {e.Status} {e.Message}");
            try
            {
                Console.WriteLine("thinker: " + (await team["thinker"].RunAsync("think the sale through")).Text);
                Console.WriteLine("reader: " + (await team["reader"].RunAsync("read the plan")).Text);
                Console.WriteLine("thinker again: " + (await team["thinker"].RunAsync("think once more")).Text);
                Console.WriteLine("node servers running with the team: " + Running(pidFile, TimeSpan.Zero));
            }
            finally
            {
                await team.DisposeAsync();
            }

            Console.WriteLine("node servers running after dispose: " + Running(pidFile, TimeSpan.FromSeconds(5)));
            foreach (var (agent, tools) in model.Offered.OrderBy(p => p.Key))
            {
                Console.WriteLine($"offered to {agent}: {string.Join(",", tools.Distinct().OrderBy(t => t, StringComparer.Ordinal))}");
            }

            // How many of the pids node wrote are alive, waiting up to `wait` for them to go.
            static int Running(string pidFile, TimeSpan wait)
            {
                var clock = Stopwatch.StartNew();
                while (true)
                {
                    int alive = 0;
                    foreach (string line in File.Exists(pidFile) ? File.ReadAllLines(pidFile) : [])
                    {
                        try
                        {
                            using var p = Process.GetProcessById(int.Parse(line));
                            alive += p.HasExited ? 0 : 1;
                        }
                        catch (ArgumentException)
                        {
                        }
                    }

                    if (alive == 0 || clock.Elapsed >= wait)
                    {
                        return alive;
                    }

                    Thread.Sleep(50);
                }
            }

            sealed class Scripted : IChatClient
            {
                private const string Tool = "mcp__sequential-thinking__sequentialthinking";
                public Dictionary<string, List<string>> Offered { get; } = new();
                private int n;

                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    string agent = options?.Instructions?.Contains("You think") == true ? "thinker" : "reader";
                    var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? "").ToList();
                    (Offered.TryGetValue(agent, out var o) ? o : Offered[agent] = new()).AddRange(options?.Tools?.Select(t => t.Name) ?? []);
                    ChatResponse response = results.Count switch
                    {
                        0 => new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c" + ++n, Tool, new Dictionary<string, object?>
                        {
                            ["thought"] = "The sale needs a price list first.",
                            ["nextThoughtNeeded"] = false,
                            ["thoughtNumber"] = 1,
                            ["totalThoughts"] = 1,
                        })])),
                        _ => new(new ChatMessage(ChatRole.Assistant, "saw " + string.Join(" ", results[0].Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries)))),
                    };
                    return Task.FromResult(response);
                }

                public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
                    {
                        yield return update;
                    }
                }

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose()
                {
                }
            }
            """");

        try
        {
            packages.Build(app);

            (int exitCode, string installOutput, bool timedOut) = await install;
            output.WriteLine($"npm install done (with the build): {clock.Elapsed.TotalSeconds:F1} s");
            if (timedOut || exitCode != 0 || !File.Exists(script))
            {
                throw new XunitException($"npm install {ServerPackage} {(timedOut ? $"timed out after {InstallTimeout.TotalSeconds} s" : $"exited with {exitCode}")}{(File.Exists(script) ? "" : $"; {script} is missing")}. The npm registry must be reachable (set AGENTGEN_NO_NPM=1 to run without Node on purpose).\n{installOutput}");
            }

            CommandResult run = packages.Run(app, pidFile);
            output.WriteLine($"app run: {clock.Elapsed.TotalSeconds:F1} s\n{run.Output}");

            IReadOnlyList<string> lines = BuildOutput.ProgramLines(run);
            Assert.Contains("configured: sequential-thinking (stdio)", lines);
            Assert.Contains("offered to thinker: " + Tool, lines);
            Assert.Contains("offered to reader: Read", lines);
            Assert.DoesNotContain(lines, l => l.StartsWith("refused: thinker", StringComparison.Ordinal));

            // The server answered the thinker (its own result, with the thought counted)...
            string thinker = Assert.Single(lines, l => l.StartsWith("thinker: ", StringComparison.Ordinal));
            Assert.Contains("\"structuredContent\":{\"thoughtNumber\":1,", thinker, StringComparison.Ordinal);
            Assert.Contains("\"thoughtHistoryLength\":1}", thinker, StringComparison.Ordinal);

            // ...the reader, whose file does not allow the tool, was not offered it and its call got an error, not the
            // server: the thinker's next thought is the server's second, not its third.
            string reader = Assert.Single(lines, l => l.StartsWith("reader: ", StringComparison.Ordinal));
            Assert.StartsWith("reader: saw Error: ", reader, StringComparison.Ordinal);
            Assert.Contains(Tool, reader, StringComparison.Ordinal);
            Assert.DoesNotContain("thoughtHistoryLength", reader, StringComparison.Ordinal);
            Assert.Contains("\"thoughtHistoryLength\":2}", Assert.Single(lines, l => l.StartsWith("thinker again: ", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.StartsWith("mcp event: ", StringComparison.Ordinal) && !l.Contains(" Connected ", StringComparison.Ordinal));
            Assert.Contains("node servers running with the team: 1", lines);
            Assert.Contains("node servers running after dispose: 0", lines);
        }
        finally
        {
            // Whatever happened above, no node process of this test is left behind; one that is left fails the test.
            var leftOver = new List<int>();
            foreach (string line in File.Exists(pidFile) ? File.ReadAllLines(pidFile) : [])
            {
                try
                {
                    using var p = Process.GetProcessById(int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
                    if (!p.HasExited)
                    {
                        leftOver.Add(p.Id);
                        p.Kill(entireProcessTree: true);
                    }
                }
                catch (ArgumentException)
                {
                }
            }

            if (!install.IsCompleted)
            {
                await Task.WhenAny(install, Task.Delay(InstallTimeout));
            }

            Assert.Empty(leftOver);
        }
    }

    private static string? FindOnPath(string name)
    {
        string[] names = OperatingSystem.IsWindows() ? [name + ".cmd", name + ".exe", name] : [name];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string n in names)
            {
                string candidate = Path.Combine(dir, n);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Runs a process with a bounded time; on timeout its whole tree is killed.</summary>
    private static (int ExitCode, string Output, bool TimedOut) RunProcess(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (text) { text.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (text)
            {
                return (-1, text.ToString(), true);
            }
        }

        process.WaitForExit();
        lock (text)
        {
            return (process.ExitCode, text.ToString(), false);
        }
    }

}
