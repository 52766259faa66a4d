using AgentGen.PackageTests.Infrastructure;

using static AgentGen.PackageTests.Runtime.RuntimePackageFixture;

namespace AgentGen.PackageTests.Runtime;

/// <summary>
/// The runtime packages as a user gets them: a fresh console app that references only AgentGen.Agents from the
/// local feed, with its agent files in .claude/agents/, runs a team on a scripted (offline) chat client.
/// </summary>
[Trait("Category", "Package")]
public sealed class RuntimePackageTests : IClassFixture<RuntimePackageFixture>
{
    private readonly RuntimePackageFixture packages;

    public RuntimePackageTests(RuntimePackageFixture packages) => this.packages = packages;

    [Fact]
    public void Runtime_packages_depend_on_AgentGen_and_the_pinned_framework_ranges()
    {
        string v = packages.Version("AgentGen");
        Assert.Equal(
            [$"net8.0: AgentGen {v} include=All", "net8.0: Microsoft.Extensions.AI [10.11.0, 12.0.0) exclude=Build,Analyzers", "net8.0: ModelContextProtocol.Core [2.4.0, 3.0.0) exclude=Build,Analyzers",
             $".NETStandard2.0: AgentGen {v} include=All", ".NETStandard2.0: Microsoft.Extensions.AI [10.11.0, 12.0.0) exclude=Build,Analyzers", ".NETStandard2.0: ModelContextProtocol.Core [2.4.0, 3.0.0) exclude=Build,Analyzers"],
            packages.Dependencies("AgentGen.AI"));
        Assert.Equal(
            [$"net8.0: AgentGen.AI {v} include=All", "net8.0: Microsoft.Agents.AI [1.28.0, 2.0.0) exclude=Build,Analyzers",
             $".NETStandard2.0: AgentGen.AI {v} include=All", ".NETStandard2.0: Microsoft.Agents.AI [1.28.0, 2.0.0) exclude=Build,Analyzers"],
            packages.Dependencies("AgentGen.Agents"));
        Assert.Contains("lib/netstandard2.0/AgentGen.AI.dll", packages.Entries["AgentGen.AI"]);
        Assert.Contains("lib/netstandard2.0/AgentGen.Agents.dll", packages.Entries["AgentGen.Agents"]);
        // The analyzer package itself gains no runtime dependency.
        Assert.DoesNotContain(packages.Dependencies("AgentGen"), d => d.Contains("Microsoft.Extensions.AI") || d.Contains("Microsoft.Agents"));
    }

    /// <summary>
    /// Run at both ends of the Microsoft.Extensions.AI range: the lowest (what NuGet picks for AgentGen.Agents alone,
    /// 10.11.0) and 11.0.0, which the app asks for itself.
    /// </summary>
    [Theory]
    [InlineData(null, "10.11")]
    [InlineData("11.0.0", "11.0")]
    public void A_console_app_referencing_only_AgentGen_Agents_runs_a_team_with_its_permissions_enforced(string? extensionsAIVersion, string expectedVersion)
    {
        string app = packages.CreateConsumer("team-app-" + (extensionsAIVersion ?? "lowest"));
        string pin = extensionsAIVersion is null ? "" : $"<PackageReference Include=\"Microsoft.Extensions.AI\" Version=\"{extensionsAIVersion}\" />";
        packages.WriteConsumerProject(app, "team-app.csproj", "Shop", items: pin);
        Write(app, ".claude/agents/planner.md", """
            ---
            name: planner
            description: Plans shop changes and has the checker check them.
            tools: Read, Agent(checker)
            model: sonnet
            maxTurns: 6
            ---
            You plan changes to the shop.
            """);
        Write(app, ".claude/agents/checker.md", """
            ---
            name: checker
            description: Checks one plan file; never writes.
            tools: Read
            disallowedTools: Write
            ---
            You check plans.
            """);
        Write(app, ".claude/agents/publisher.md", """
            ---
            name: publisher
            description: Publishes approved plans.
            disallowedTools: Bash, mcp__shop
            ---
            You publish plans.
            """);
        Write(app, "Program.cs", """"
            using AgentGen.Agents;
            using AgentGen.AI;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Shop.Agents;

            var ran = new List<string>();
            var toolbox = new AgentToolbox()
                .Add("Read", (string path) => { ran.Add("Read " + path); return "text of " + path; })
                .Add("Write", (string path) => { ran.Add("Write " + path); return "written"; });
            toolbox.ToolRefused += (_, e) => Console.WriteLine($"refused: {e.AgentName} {e.ToolName}");

            var model = new Scripted();
            var team = new AgentTeam(model, AgentCatalog.All, toolbox, new AgentModelMap { Sonnet = "provider-sonnet" });
            AgentResponse answer = await team["planner"].RunAsync("plan the sale");
            Console.WriteLine("answer: " + answer.Text);

            string streamed = "";
            await foreach (AgentResponseUpdate update in team["checker"].RunStreamingAsync("check again"))
            {
                streamed += update.Text;
            }

            Console.WriteLine("streamed: " + streamed);
            Console.WriteLine("ran: " + string.Join(", ", ran));
            foreach (var (agent, tools) in model.Offered.Where(p => p.Key != "publisher").OrderBy(p => p.Key))
            {
                Console.WriteLine($"offered to {agent}: {string.Join(",", tools.Distinct())}");
            }

            Console.WriteLine("planner model: " + model.ModelIds["planner"]);
            Console.WriteLine("planner saw: " + string.Join(" | ", model.Results["planner"]));

            // A plain Microsoft.Extensions.AI pipeline: provider-side tools the file forbids never reach the provider,
            // and a pipeline with another function invoker below AgentGen's is refused.
            IChatClient client = model.AsBuilder().UseAgentFunctionInvocation(AgentCatalog.Publisher, toolbox).Build();
            await client.GetResponseAsync("publish", new ChatOptions
            {
                Instructions = AgentCatalog.Publisher.Instructions,
                Tools = [new HostedMcpServerTool("shop", "https://mcp.example.invalid/shop"), new HostedCodeInterpreterTool(), new HostedWebSearchTool()],
            });
            Console.WriteLine("offered to publisher: " + string.Join(",", model.Offered["publisher"]));
            try
            {
                model.AsBuilder().UseAgentFunctionInvocation(AgentCatalog.Publisher).UseFunctionInvocation().Build();
            }
            catch (InvalidOperationException)
            {
                Console.WriteLine("another invoker below: refused");
            }

            Console.WriteLine("Microsoft.Extensions.AI " + typeof(FunctionInvokingChatClient).Assembly.GetName().Version!.ToString(2));

            sealed class Scripted : IChatClient
            {
                public Dictionary<string, List<string>> Offered { get; } = new();
                public Dictionary<string, List<string>> Results { get; } = new();
                public Dictionary<string, string?> ModelIds { get; } = new();
                private int n;

                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    string agent = options?.Instructions?.Contains("You plan") == true ? "planner" : options?.Instructions?.Contains("You publish") == true ? "publisher" : "checker";
                    var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().Select(r => r.Result?.ToString() ?? "").ToList();
                    (Offered.TryGetValue(agent, out var o) ? o : Offered[agent] = new()).AddRange(options?.Tools?.Select(t => t.Name) ?? []);
                    Results[agent] = results;
                    ModelIds[agent] = options?.ModelId;
                    ChatResponse response = (agent, results.Count) switch
                    {
                        ("planner", 0) => Call("Agent", ("subagent_type", "checker"), ("prompt", "check plan.md"), ("description", "check the plan")),
                        ("planner", 1) => Call("Agent", ("subagent_type", "publisher"), ("prompt", "publish it"), ("description", "publish")),
                        ("planner", 2) => Call("Write", ("path", "plan.md")),
                        ("publisher", _) => Say("nothing to publish"),
                        ("planner", _) => Say("planned; checker said " + results[0]),
                        ("checker", 0) => Call("Read", ("path", "plan.md")),
                        ("checker", 1) => Call("Write", ("path", "plan.md")),
                        _ => Say("checked"),
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
                "refused: checker Write",
                "refused: planner Agent",
                "refused: planner Write",
                "answer: planned; checker said checked",
                "refused: checker Write",
                "streamed: checked",
                "ran: Read plan.md, Read plan.md",
                "offered to checker: Read",
                "offered to planner: Agent,Read",
                "planner model: provider-sonnet",
                "planner saw: checked | Error: agent 'planner' may not start the agent 'publisher': its file allows only Agent(checker). It was not run. Agents it may start: checker. | Error: tool 'Write' is not allowed for agent 'planner'. It was not run. Use only the tools you were given.",
                "offered to publisher: web_search",
                "another invoker below: refused",
                "Microsoft.Extensions.AI " + expectedVersion,
            ],
            lines);
    }

}
