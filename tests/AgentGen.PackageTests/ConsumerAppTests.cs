using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>
/// The user's whole set-up: a PackageReference to AgentGen, agent files in .claude/agents/, build.
/// Proves the generated API compiles warning-free and behaves at run time.
/// </summary>
[Trait("Category", "Package")]
public sealed class ConsumerAppTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture package;

    public ConsumerAppTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Console_app_builds_cleanly_and_runs_the_generated_api()
    {
        ConsumerProject app = package.CreateConsumer("billing-app")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Billing</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile(".claude/agents/invoice-checker.md", AgentFiles.InvoiceChecker)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            .WriteFile(".claude/agents/payments/payment-scheduler.md", AgentFiles.PaymentScheduler)
            .WriteFile("Program.cs", """"
                using System.Globalization;
                using System.Text.Json;
                using System.Text.Json.Nodes;
                using AgentGen;
                using Contoso.Billing.Agents;

                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

                Console.WriteLine($"agents: {AgentCatalog.All.Count}");
                foreach (IAgentDefinition agent in AgentCatalog.All)
                {
                    string tools = agent.InheritsAllTools ? "(all)" : string.Join(",", agent.ToolNames);
                    Console.WriteLine($"agent {agent.Name} | model {agent.Model ?? "(none)"} | tools {tools} | never {string.Join(",", agent.DisallowedToolNames)} | {agent.Description}");
                }

                InvoiceCheckerAgent checker = AgentCatalog.InvoiceChecker;
                Console.WriteLine($"typed {checker.GetType().FullName} name={InvoiceCheckerAgent.AgentName} instance={ReferenceEquals(checker, InvoiceCheckerAgent.Instance)}");
                Console.WriteLine($"instructions {checker.Instructions.Split('\n')[0]}");
                Console.WriteLine($"checker Read={checker.Allows(AgentTool.Read)} Write={checker.Allows(AgentTool.Write)} Grep={checker.Allows("Grep")} tools={string.Join(",", checker.Tools)}");

                LedgerClerkAgent clerk = AgentCatalog.LedgerClerk;
                Console.WriteLine($"clerk Edit={clerk.Allows(AgentTool.Edit)} Bash={clerk.Allows(AgentTool.Bash)} WebFetch={clerk.Allows("WebFetch")} team={clerk.Metadata["team"]}");

                bool parsed = AgentTools.TryParse("mcp__bank__list_transfers", out AgentTool bankTool);
                Console.WriteLine($"mcp {AgentTool.McpBankListTransfers.ToToolName()} parsed={parsed && bankTool == AgentTool.McpBankListTransfers} scheduler={AgentCatalog.PaymentScheduler.Allows(AgentTool.McpBankListTransfers)} checker={checker.Allows(AgentTool.McpBankListTransfers)}");
                // A literal name that is no agent would be AGEN101 at compile time; one known only at run time is looked up.
                Console.WriteLine($"lookup {AgentCatalog.Get("payment-scheduler").Name} missing={AgentCatalog.TryGet(args[1], out _)}");

                checker.EnsureAllowed(AgentTool.Grep);
                // A constant tool the agent does not declare would be AGEN100 at compile time; a run-time value throws.
                AgentTool requested = Enum.Parse<AgentTool>(args[0]);
                try
                {
                    checker.EnsureAllowed(requested);
                    Console.WriteLine($"ensure {requested} allowed");
                }
                catch (ToolNotAllowedException ex)
                {
                    Console.WriteLine($"ensure {ex.ToolName} refused for {ex.AgentName}");
                }

                var payload = new ReportMismatchPayload(InvoiceId: "INV-7", LineNumbers: [1, 3], AmountDifference: 0.25, NeedsReview: false);
                AgentRequest<ReportMismatchPayload> request = AgentRequest.Create(checker, payload);
                string json = JsonSerializer.Serialize(request);
                Console.WriteLine($"json {json}");
                var back = JsonSerializer.Deserialize<AgentRequest<ReportMismatchPayload>>(json)!;
                Console.WriteLine($"back {back.RequestingAgent} {back.RequestType} {back.Payload.InvoiceId} [{string.Join(",", back.Payload.LineNumbers)}] {back.Payload.AmountDifference} {back.Payload.NeedsReview}");

                // The example in invoice-checker.md is a test vector: it survives a round trip unchanged.
                const string example = """{ "requesting_agent": "invoice-checker", "request_type": "report_mismatch", "payload": { "invoice_id": "INV-2031", "line_numbers": [2, 5], "amount_difference": 12.5, "needs_review": true } }""";
                var fromExample = JsonSerializer.Deserialize<AgentRequest<ReportMismatchPayload>>(example)!;
                bool same = JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(JsonSerializer.Serialize(fromExample)));
                Console.WriteLine($"example round trip {same} {ReportMismatchPayload.RequestType}");
                """");

        CommandResult build = app.BuildSucceeds();
        // Clean agent files and generated code: not a single warning or error anywhere.
        BuildOutput.AssertDiagnostics(build, app);

        CommandResult run = app.RunSucceeds("Bash", "accounts-payable");
        Assert.Equal(
            new[]
            {
                "agents: 3",
                "agent invoice-checker | model haiku | tools Read,Grep,Glob | never  | Compares supplier invoices with purchase orders and reports every mismatch.",
                "agent ledger-clerk | model sonnet | tools (all) | never Bash,WebFetch | Posts approved journal entries to the general ledger.",
                "agent payment-scheduler | model claude-opus-4-20250514 | tools Read,Write,WebFetch,mcp__bank__list_transfers | never  | Schedules supplier payments so that early-payment discounts are not missed.",
                "typed Contoso.Billing.Agents.InvoiceCheckerAgent name=invoice-checker instance=True",
                "instructions # Invoice Checker",
                "checker Read=True Write=False Grep=True tools=Read,Grep,Glob",
                "clerk Edit=True Bash=False WebFetch=False team=finance",
                "mcp mcp__bank__list_transfers parsed=True scheduler=True checker=False",
                "lookup payment-scheduler missing=False",
                "ensure Bash refused for invoice-checker",
                """json {"requesting_agent":"invoice-checker","request_type":"report_mismatch","payload":{"invoice_id":"INV-7","line_numbers":[1,3],"amount_difference":0.25,"needs_review":false}}""",
                "back invoice-checker report_mismatch INV-7 [1,3] 0.25 False",
                "example round trip True report_mismatch",
            },
            BuildOutput.ProgramLines(run));
    }

    [Fact]
    public void Netstandard2_0_library_with_a_modern_language_version_builds_cleanly()
    {
        ConsumerProject library = package.CreateConsumer("netstandard-library")
            .WriteProject("netstandard2.0", exe: false, properties: """
                <RootNamespace>Contoso.Shared</RootNamespace>
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                """)
            .WriteFile(".claude/agents/invoice-checker.md", AgentFiles.InvoiceChecker)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            .WriteFile("Routing.cs", """
                using System.Collections.Generic;
                using AgentGen;
                using Contoso.Shared.Agents;

                namespace Contoso.Shared
                {
                    public static class Routing
                    {
                        public static IReadOnlyList<IAgentDefinition> Agents => AgentCatalog.All;

                        public static bool CanSearch(InvoiceCheckerAgent agent) => agent.Allows(AgentTool.Grep);

                        public static AgentRequest<ReportMismatchPayload> Mismatch(string invoice, double difference)
                            => AgentRequest.Create(AgentCatalog.InvoiceChecker, new ReportMismatchPayload(invoice, new[] { 1 }, difference, true));
                    }
                }
                """);

        CommandResult build = library.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, library);
    }

    [Fact]
    public void Netstandard2_0_library_on_the_default_CSharp_7_3_gets_one_clear_error()
    {
        ConsumerProject library = package.CreateConsumer("netstandard-csharp73")
            .WriteProject("netstandard2.0", exe: false)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            .WriteFile("Empty.cs", "namespace Contoso.Old { internal static class Empty { } }\n");

        CommandResult build = library.Build();

        Assert.NotEqual(0, build.ExitCode);
        string line = BuildOutput.AssertLine(build, "error AGEN000:");
        Assert.Contains("LangVersion", line, StringComparison.Ordinal);
        Assert.Contains("7.3", line, StringComparison.Ordinal);
        // Instead of dozens of compiler errors in generated files: the compiler does not run.
        BuildOutput.AssertNoLine(build, "error CS");
    }
}
