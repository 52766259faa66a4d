using AgentGen.PackageTests.Infrastructure;

using static AgentGen.PackageTests.Runtime.RuntimePackageFixture;

namespace AgentGen.PackageTests.Runtime;

/// <summary>
/// The rest of an agent file honoured at run time, on the packed packages: a console app with real agent files,
/// skills and memory folders runs a team on a scripted model, with real shell hooks (one blocks with exit 2, one
/// times out), an asked call answered by the app, the same file untrusted, and OpenTelemetry's in-memory exporter.
/// </summary>
[Trait("Category", "Package")]
public sealed class RuntimeFieldsPackageTests : IClassFixture<RuntimePackageFixture>
{
    private readonly RuntimePackageFixture packages;

    public RuntimeFieldsPackageTests(RuntimePackageFixture packages) => this.packages = packages;

    [Fact]
    public void Permission_modes_hooks_skills_memory_initialPrompt_and_telemetry_work_from_the_packages()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the hooks are sh commands
        }

        string app = packages.CreateConsumer("fields-app");
        packages.WriteConsumerProject(app, "fields-app.csproj", "Shop", properties: """
            <!-- keeper.md lists a skill the project does not have on purpose: the runtime skips it with a warning. -->
            <NoWarn>$(NoWarn);AGEN022</NoWarn>
            """, items: """
            <PackageReference Include="OpenTelemetry" Version="1.21.0" />
            <PackageReference Include="OpenTelemetry.Exporter.InMemory" Version="1.21.0" />
            """);
        Write(app, ".claude/agents/keeper.md", """
            ---
            name: keeper
            description: Keeps the shop's notes.
            tools: Read, Write, Bash
            permissionMode: default
            skills: [house-style, missing-skill]
            memory: project
            initialPrompt: Read MEMORY.md before anything else.
            hooks:
              PreToolUse:
                - matcher: Bash
                  hooks:
                    - type: command
                      command: "echo 'no shell in the shop' >&2; exit 2"
                - matcher: Read
                  hooks:
                    - type: command
                      command: "sleep 20; exit 2"
                      timeout: 1
            ---
            You keep the shop's notes.
            """);
        Write(app, ".claude/skills/house-style/SKILL.md", """
            ---
            description: The shop's house style.
            ---
            Write prices with two decimals.
            """);
        Write(app, ".claude/agent-memory/keeper/MEMORY.md", "- The sale starts on Monday.\n");
        Write(app, "Program.cs", """"
            using System.Diagnostics;
            using AgentGen.Agents;
            using AgentGen.AI;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using OpenTelemetry;
            using OpenTelemetry.Trace;
            using Shop.Agents;

            var spans = new List<Activity>();
            using var tracer = Sdk.CreateTracerProviderBuilder().AddSource("shop").AddInMemoryExporter(spans).Build();

            foreach (bool trusted in new[] { true, false })
            {
                var ran = new List<string>();
                var toolbox = new AgentToolbox()
                    .Add("Read", (string path) => { ran.Add("Read " + path); return "text of " + path; })
                    .Add("Write", (string path) => { ran.Add("Write " + path); return "written"; })
                    .Add("Bash", (string command) => { ran.Add("Bash " + command); return "ok"; });
                var options = new AgentRuntimeOptions
                {
                    ProjectDirectory = Directory.GetCurrentDirectory(),
                    TrustProjectFiles = trusted,
                    TelemetrySourceName = "shop",
                    CanUseTool = (request, _) => new ValueTask<ToolPermissionDecision>(
                        request.Arguments.TryGetValue("path", out object? path) && path?.ToString() == "notes.md"
                            ? ToolPermissionDecision.Allow()
                            : ToolPermissionDecision.Deny("only notes.md")),
                };
                var model = new Scripted();
                var team = await AgentTeam.CreateAsync(model, AgentCatalog.All, toolbox, options);
                var watch = Stopwatch.StartNew();
                AgentResponse answer = await team["keeper"].RunAsync("update the notes");
                Console.WriteLine($"trusted={trusted} answer: {answer.Text}");
                Console.WriteLine($"trusted={trusted} ran: {string.Join(", ", ran)}");
                Console.WriteLine($"trusted={trusted} saw: {string.Join(" | ", model.Results)}");
                Console.WriteLine($"trusted={trusted} fast: {watch.Elapsed < TimeSpan.FromSeconds(15)}");
                Console.WriteLine($"skill: {model.Instructions.Contains("Write prices with two decimals.")}, memory: {model.Instructions.Contains("The sale starts on Monday.")}");
                Console.WriteLine($"first user turn: {model.FirstUser}");
            }

            tracer.ForceFlush();
            Console.WriteLine("agent span: " + spans.Any(a => Equals(a.GetTagItem("gen_ai.operation.name"), "invoke_agent") && Equals(a.GetTagItem("gen_ai.agent.name"), "keeper")));
            Console.WriteLine("tool spans: " + spans.Count(a => Equals(a.GetTagItem("gen_ai.operation.name"), "execute_tool")));
            Console.WriteLine("refusal events: " + spans.Sum(a => a.Events.Count(e => e.Name == "agentgen.tool_call.refused")));

            sealed class Scripted : IChatClient
            {
                public List<string> Results { get; } = new();
                public string Instructions { get; private set; } = "";
                public string FirstUser { get; private set; } = "";
                private int n;

                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    var list = messages.ToList();
                    Instructions = options?.Instructions ?? "";
                    FirstUser = list.First(m => m.Role == ChatRole.User).Text;
                    var results = list.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? "").ToList();
                    Results.Clear();
                    Results.AddRange(results);
                    ChatResponse response = results.Count switch
                    {
                        0 => Call("Bash", ("command", "rm -rf stock")),
                        1 => Call("Read", ("path", "MEMORY.md")),
                        2 => Call("Write", ("path", "notes.md")),
                        3 => Call("Write", ("path", "prices.md")),
                        _ => Say("notes kept"),
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

                private ChatResponse Call(string tool, params (string Key, object? Value)[] args)
                    => new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("c" + ++n, tool, args.ToDictionary(a => a.Key, a => a.Value))]));

                private static ChatResponse Say(string text) => new(new ChatMessage(ChatRole.Assistant, text));

                public object? GetService(Type serviceType, object? serviceKey = null) => null;

                public void Dispose()
                {
                }
            }
            """");

        packages.Build(app);

        CommandResult run = packages.Run(app);

        string[] lines = BuildOutput.ProgramLines(run).ToArray();
        Assert.Equal(
            [
                // Trusted: the exit-2 hook blocks Bash (stderr to the model), the timed-out hook renders no decision
                // (Read runs), the app allows notes.md and denies prices.md; nothing refused ran.
                "trusted=True answer: notes kept",
                "trusted=True ran: Read MEMORY.md, Write notes.md",
                "trusted=True saw: no shell in the shop | text of MEMORY.md | written | only notes.md",
                "trusted=True fast: True",
                "skill: True, memory: True",
                "first user turn: Read MEMORY.md before anything else.",
                // Untrusted: the file's hooks do not run; default mode then asks about "rm -rf", and the app's
                // callback only allows notes.md.
                "trusted=False answer: notes kept",
                "trusted=False ran: Read MEMORY.md, Write notes.md",
                "trusted=False saw: only notes.md | text of MEMORY.md | written | only notes.md",
                "trusted=False fast: True",
                "skill: True, memory: True",
                "first user turn: Read MEMORY.md before anything else.",
                "agent span: True",
                "tool spans: 8",
                "refusal events: 4",
            ],
            lines.Where(l => !l.Contains("warn", StringComparison.OrdinalIgnoreCase)).ToArray());
    }

}
