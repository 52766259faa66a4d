using AgentGen.PackageTests.Infrastructure;

namespace AgentGen.PackageTests;

/// <summary>
/// What `dotnet build` tells a user about broken agent files and misused tools: the file, line and
/// column of the mistake, in the format every IDE and CI log understands.
/// </summary>
[Trait("Category", "Package")]
public sealed class BuildDiagnosticsTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture package;

    public BuildDiagnosticsTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Broken_agent_files_fail_the_build_at_their_line_and_column_and_the_good_agent_still_compiles()
    {
        ConsumerProject app = package.CreateConsumer("broken-agents")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Billing</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile(".claude/agents/ledger-clerk.md", AgentFiles.LedgerClerk)
            // Unquoted ": " inside a plain scalar: the YAML parser stops at the second colon,
            // line 3, column 56 ("description: " is 13 characters, the text before ':' 42 more).
            .WriteFile(".claude/agents/broken.md", """
                ---
                name: month-end-closer
                description: Closes the books at month end. Triggers on: last day
                tools: Read
                ---
                You close the books.
                """)
            // Line 1 is not '---': no frontmatter at all (reported at 1,1).
            .WriteFile(".claude/agents/notes.md", """
                # Notes about the team
                ---
                name: notes
                description: Not an agent after all.
                ---
                """)
            // A name starting with '-' (Claude Code skips the file): at the value, line 2 column 7.
            .WriteFile(".claude/agents/dash.md", """
                ---
                name: -tax-advisor
                description: Answers questions about tax rates.
                ---
                You answer tax questions.
                """)
            // The same name twice: an error at the name in both files.
            .WriteFile(".claude/agents/twins/first.md", AgentFiles.Simple("expense-auditor", "Read"))
            .WriteFile(".claude/agents/twins/second.md", AgentFiles.Simple("expense-auditor", "Read, Grep"))
            .WriteFile("Program.cs", """
                using Contoso.Billing.Agents;

                LedgerClerkAgent clerk = AgentCatalog.LedgerClerk;
                Console.WriteLine(clerk.Name);
                """);

        CommandResult build = app.Build();

        Assert.NotEqual(0, build.ExitCode);
        BuildOutput.AssertDiagnostics(build, app,
            ".claude/agents/broken.md(3,56): error AGEN002",
            ".claude/agents/notes.md(1,1): error AGEN001",
            ".claude/agents/dash.md(2,7): error AGEN004",
            ".claude/agents/twins/first.md(2,7): error AGEN006",
            ".claude/agents/twins/second.md(2,7): error AGEN006");

        // The exact form a user sees, path and position first.
        BuildOutput.AssertLine(build, ".claude/agents/broken.md(3,56): error AGEN002: ");
        BuildOutput.AssertLine(build, ".claude/agents/dash.md(2,7): error AGEN004: ");

        // ledger-clerk.md is fine, so LedgerClerkAgent exists and Program.cs compiles: no C# errors at all.
        BuildOutput.AssertNoLine(build, "error CS");
    }

    [Fact]
    public void Agent_file_with_only_warnings_builds_and_its_class_is_usable()
    {
        ConsumerProject app = package.CreateConsumer("warnings-only")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Billing</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile(".claude/agents/report-writer.md", """
                ---
                name: report-writer
                description: Writes the monthly cash-flow report.
                tools: Read, Wirte, Task, Bash(git log:*)
                model: sonnet-turbo
                ---
                You write the monthly report from the ledger exports.
                """)
            .WriteFile("Program.cs", """
                using Contoso.Billing.Agents;

                ReportWriterAgent writer = AgentCatalog.ReportWriter;
                Console.WriteLine($"{writer.Name} {writer.Model} {string.Join(",", writer.ToolNames)} Bash={writer.Allows(AgentTool.Bash)}");
                """);

        CommandResult build = app.BuildSucceeds();

        // tools: "Read, Wirte, Task, Bash(git log:*)" starts at column 8 of line 4:
        // Wirte at 14 (unknown, did you mean Write), Task at 21 (renamed Agent), Bash( at 27
        // (specifier ignored); model value at line 5 column 8 (unknown model).
        BuildOutput.AssertDiagnostics(build, app,
            ".claude/agents/report-writer.md(4,14): warning AGEN007",
            ".claude/agents/report-writer.md(4,21): warning AGEN009",
            ".claude/agents/report-writer.md(4,27): warning AGEN008",
            ".claude/agents/report-writer.md(5,8): warning AGEN013");

        CommandResult run = app.RunSucceeds();
        Assert.Equal(new[] { "report-writer sonnet-turbo Read,Wirte,Task,Bash Bash=True" }, BuildOutput.ProgramLines(run));
    }

    [Fact]
    public void Passing_a_tool_the_agent_does_not_declare_is_a_compile_error_AGEN100()
    {
        ConsumerProject app = package.CreateConsumer("agen100")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Billing</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile(".claude/agents/invoice-checker.md", AgentFiles.InvoiceChecker)
            .WriteFile("Program.cs", """
                using Contoso.Billing.Agents;

                var agent = AgentCatalog.InvoiceChecker;
                agent.EnsureAllowed(AgentTool.Grep);
                agent.EnsureAllowed(AgentTool.WebFetch);
                """);

        CommandResult build = app.Build();

        Assert.NotEqual(0, build.ExitCode);
        // Reported at the argument: "agent.EnsureAllowed(" is 20 characters. Grep is declared, so
        // line 4 is fine.
        BuildOutput.AssertDiagnostics(build, app, "Program.cs(5,21): error AGEN100");
        BuildOutput.AssertLine(build, "Program.cs(5,21): error AGEN100: ");
    }
}
