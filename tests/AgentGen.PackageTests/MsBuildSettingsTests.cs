using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>The package's MSBuild surface (contract §1): item types, default items and properties.</summary>
[Trait("Category", "Package")]
public sealed class MsBuildSettingsTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture package;

    public MsBuildSettingsTests(PackageFixture package) => this.package = package;

    [Fact]
    public void AgentDefinition_items_replace_the_defaults_when_AgentGenDefaultItems_is_false()
    {
        ConsumerProject app = package.CreateConsumer("custom-items")
            .WriteProject("net10.0", exe: true,
                properties: """
                    <RootNamespace>Contoso.Billing</RootNamespace>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <AgentGenDefaultItems>false</AgentGenDefaultItems>
                    """,
                items: """
                    <AgentDefinition Include="agents/**/*.md" />
                    """)
            .WriteFile("agents/courier-dispatch.md", AgentFiles.Simple("courier-dispatch", "Read, WebFetch"))
            .WriteFile("agents/archive/old-courier.md", AgentFiles.Simple("old-courier", "Read"))
            // Not picked up any more: a valid one (would add a class) and a broken one (would fail the build).
            .WriteFile(".claude/agents/ignored.md", AgentFiles.Simple("ignored-helper", "Read"))
            .WriteFile(".claude/agents/broken.md", "no frontmatter here\n")
            .WriteFile("Program.cs", """
                using Contoso.Billing.Agents;

                foreach (AgentGen.IAgentDefinition agent in AgentCatalog.All)
                {
                    Console.WriteLine(agent.Name);
                }

                Console.WriteLine(AgentCatalog.CourierDispatch.Allows(AgentTool.WebFetch));
                """);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, app);

        CommandResult run = app.RunSucceeds();
        Assert.Equal(new[] { "courier-dispatch", "old-courier", "True" }, BuildOutput.ProgramLines(run));
    }

    [Fact]
    public void Other_markdown_additional_files_are_not_agents_and_agent_files_listed_by_the_user_are_read_once()
    {
        ConsumerProject app = package.CreateConsumer("additional-files")
            .WriteProject("net10.0", exe: true,
                properties: """
                    <RootNamespace>Contoso.Billing</RootNamespace>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    """,
                items: """
                    <AdditionalFiles Include="README.md" />
                    <AdditionalFiles Include="docs/release-notes.md" />
                    <AdditionalFiles Include="./.claude/agents/invoice-*.md" />
                    <AdditionalFiles Include="$(MSBuildProjectDirectory)/.claude\agents\ledger-clerk.md" />
                    """)
            // Frontmatter that would make a perfectly good agent, if it were one.
            .WriteFile("README.md", """
                ---
                name: readme-agent
                description: The project's README, with frontmatter for a static site generator.
                tools: Read
                ---
                # Billing tools
                """)
            // Would be AGEN001 if it were read as an agent.
            .WriteFile("docs/release-notes.md", "# Release notes\n\n- first release\n")
            // Listed twice (default item and the user's AdditionalFiles, spelt "./" + wildcard and
            // absolute with a Windows separator): must not be AGEN006 against itself.
            .WriteFile(".claude/agents/invoice-checker.md", AgentFiles.InvoiceChecker)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            .WriteFile("Program.cs", """
                using Contoso.Billing.Agents;

                foreach (AgentGen.IAgentDefinition agent in AgentCatalog.All)
                {
                    Console.WriteLine(agent.Name);
                }
                """);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, app);

        CommandResult run = app.RunSucceeds();
        Assert.Equal(new[] { "invoice-checker", "ledger-clerk" }, BuildOutput.ProgramLines(run));
    }

    [Fact]
    public void AgentGenNamespace_internal_accessibility_AgentGenKnownTools_and_AgentDefinition_Remove_are_honoured()
    {
        ConsumerProject app = package.CreateConsumer("namespace-internal")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Billing</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AgentGenNamespace>Contoso.Automation.Team</AgentGenNamespace>
                <AgentGenAccessibility>internal</AgentGenAccessibility>
                <AgentGenKnownTools>ship-release;rollback-release</AgentGenKnownTools>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """,
                items: """
                    <AgentDefinition Remove=".claude/agents/drafts/**" />
                    """)
            // Removed from the default items by the project: would fail the build with AGEN001 if read.
            .WriteFile(".claude/agents/drafts/work-in-progress.md", "still thinking about this one\n")
            .WriteFile(".claude/agents/invoice-checker.md", AgentFiles.InvoiceChecker)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            // Without AgentGenKnownTools, ship-release and rollback-release would be AGEN007 (unknown
            // tool); the second name proves the ';' list reaches the analyzers whole (a ';' in an
            // analyzer config value would start a comment).
            .WriteFile(".claude/agents/release-clerk.md", AgentFiles.Simple("release-clerk", "Read, ship-release, rollback-release"))
            .WriteFile("Program.cs", """
                using System.Reflection;
                using Contoso.Automation.Team;

                Type[] generated =
                {
                    typeof(AgentCatalog), typeof(AgentTool), typeof(AgentTools),
                    typeof(InvoiceCheckerAgent), typeof(LedgerClerkAgent), typeof(ReportMismatchPayload),
                };
                foreach (Type type in generated)
                {
                    Console.WriteLine($"{type.FullName} public={type.IsPublic}");
                }

                Console.WriteLine($"default namespace used: {Assembly.GetExecutingAssembly().GetTypes().Any(t => t.Namespace == "Contoso.Billing.Agents")}");
                Console.WriteLine(AgentCatalog.InvoiceChecker.Allows(AgentTool.Grep));
                Console.WriteLine($"{AgentTool.ShipRelease.ToToolName()} {AgentCatalog.ReleaseClerk.Allows(AgentTool.ShipRelease)}");
                Console.WriteLine($"{AgentTool.RollbackRelease.ToToolName()} {AgentCatalog.ReleaseClerk.Allows(AgentTool.RollbackRelease)}");
                """);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, app);

        CommandResult run = app.RunSucceeds();
        Assert.Equal(
            new[]
            {
                "Contoso.Automation.Team.AgentCatalog public=False",
                "Contoso.Automation.Team.AgentTool public=False",
                "Contoso.Automation.Team.AgentTools public=False",
                "Contoso.Automation.Team.InvoiceCheckerAgent public=False",
                "Contoso.Automation.Team.LedgerClerkAgent public=False",
                "Contoso.Automation.Team.ReportMismatchPayload public=False",
                "default namespace used: False",
                "True",
                "ship-release True",
                "rollback-release True",
            },
            BuildOutput.ProgramLines(run));
    }
}
