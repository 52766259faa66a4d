using System.Text.Json;
using AgentGen.PackageTests.Infrastructure;
using Xunit.Sdk;

namespace AgentGen.PackageTests;

/// <summary>
/// Where the agent files live in a real repository (contract §1, issue 15): at the repository root,
/// where Claude Code and Copilot read them, with the project in <c>src/App</c>; no configuration.
/// Each consumer folder plays a repository: a <c>.git</c> folder (or file) at its top.
/// </summary>
[Trait("Category", "Package")]
public sealed class RepositoryLayoutTests : IClassFixture<PackageFixture>
{
    private const string ProgramListingAgents = """
        using System.Reflection;
        using AgentGen;
        using Contoso.Release.Agents;

        foreach (IAgentDefinition agent in AgentCatalog.All)
        {
            AgentDefinitionAttribute attribute = agent.GetType().GetCustomAttribute<AgentDefinitionAttribute>()!;
            Console.WriteLine($"{agent.Name} {agent.Model ?? "-"} {attribute.SourceFile}");
        }
        """;

    private readonly PackageFixture package;

    public RepositoryLayoutTests(PackageFixture package) => this.package = package;

    [Fact]
    public void Agents_at_the_repository_root_are_found_from_a_project_two_levels_down()
    {
        ConsumerProject repo = package.CreateConsumer("root-agents")
            .WriteFile(".git/HEAD", "ref: refs/heads/main\n")
            .WriteFile(".claude/agents/reviewer.md", AgentFiles.Simple("reviewer", "Read, Grep, Glob", "Reviews each change before it is merged."))
            .WriteFile(".claude/agents/release-manager.md", AgentFiles.Simple("release-manager", "Read, Bash", "Prepares release notes and tags the release."))
            // Copilot's folder at the root; no tools field (inherits all), so the file means the same in both dialects.
            .WriteFile(".github/agents/planner.agent.md", """
                ---
                name: planner
                description: Breaks a feature request into small, ordered tasks.
                ---
                You plan the work; you do not write code.
                """)
            // Not agent files: a Markdown file in .github/agents that is not *.agent.md, and a skill.
            .WriteFile(".github/agents/notes.md", "not an agent: only *.agent.md files are\n")
            .WriteFile(".claude/skills/changelog/SKILL.md", """
                ---
                name: changelog
                description: Writes the changelog entry for a change.
                ---
                Write one line per user-visible change.
                """);
        ConsumerProject app = repo.Subproject("src/App", "App")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Release</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile("Program.cs", ProgramListingAgents);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, repo);
        BuildOutput.AssertNoLine(build, "AGEN023");

        // SourceFile is relative to the repository root: the same on every machine and clone.
        Assert.Equal(
            new[]
            {
                "planner - .github/agents/planner.agent.md",
                "release-manager - .claude/agents/release-manager.md",
                "reviewer - .claude/agents/reviewer.md",
            },
            BuildOutput.ProgramLines(app.RunSucceeds()));

        // What the compiler is given: each agent file once, marked with its dialect; the skill as a skill.
        Assert.Equal(
            new[]
            {
                ".claude/agents/release-manager.md Agent Claude",
                ".claude/agents/reviewer.md Agent Claude",
                ".claude/skills/changelog/SKILL.md Skill -",
                ".github/agents/planner.agent.md Agent Copilot",
            },
            AgentGenAdditionalFiles(app, repo));
    }

    /// <summary>
    /// A README beside the agents has no frontmatter: documentation, as Claude Code treats it
    /// (contract §1). The generator side of this is the fidelity work (issue 10): this test passes
    /// once that is merged; before, the README gets AGEN001.
    /// </summary>
    [Fact]
    public void A_readme_beside_the_root_agents_is_silent()
    {
        ConsumerProject repo = package.CreateConsumer("root-readme")
            .WriteFile(".git/HEAD", "ref: refs/heads/main\n")
            .WriteFile(".claude/agents/reviewer.md", AgentFiles.Simple("reviewer", "Read, Grep, Glob"))
            .WriteFile(".claude/agents/README.md", "# Our agents\n\nOne file per agent; see the team wiki for conventions.\n");
        ConsumerProject app = repo.Subproject("src/App", "App")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Release</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile("Program.cs", ProgramListingAgents);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, repo);
        Assert.Equal(new[] { "reviewer - .claude/agents/reviewer.md" }, BuildOutput.ProgramLines(app.RunSucceeds()));
    }

    [Fact]
    public void Nested_agents_folders_add_up_and_the_definition_closest_to_the_project_wins()
    {
        ConsumerProject repo = package.CreateConsumer("nested-agents")
            .WriteFile(".git/HEAD", "ref: refs/heads/main\n")
            .WriteFile(".claude/agents/reviewer.md", ModelAgent("reviewer", "opus"))
            .WriteFile(".claude/agents/release-manager.md", ModelAgent("release-manager", "haiku"))
            .WriteFile("src/.claude/agents/reviewer.md", ModelAgent("reviewer", "haiku"))
            .WriteFile("src/.claude/agents/api-designer.md", ModelAgent("api-designer", "opus"))
            // The project's own folder, with a subfolder: the closest reviewer is this one.
            .WriteFile("src/App/.claude/agents/reviewer.md", ModelAgent("reviewer", "sonnet"))
            .WriteFile("src/App/.claude/agents/billing/invoice-checker.md", AgentFiles.InvoiceChecker)
            // A sibling project's folder is not above src/App: not read.
            .WriteFile("src/Other/.claude/agents/other-helper.md", ModelAgent("other-helper", "haiku"))
            // Listed by the project, with its dialect stated on the item.
            .WriteFile("tools/agents/triage.md", """
                ---
                name: triage
                description: Sorts incoming issues by area.
                ---
                You label each new issue.
                """);
        ConsumerProject app = repo.Subproject("src/App", "App")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Release</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                """,
                items: """
                    <AgentDefinition Include="../../tools/agents/triage.md" Dialect="copilot" />
                    """)
            .WriteFile("Program.cs", ProgramListingAgents);

        // Three reviewers, one per level: no AGEN006 (Claude Code uses the closest, v2.1.178+).
        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, repo);

        Assert.Equal(
            new[]
            {
                "api-designer opus src/.claude/agents/api-designer.md",
                "invoice-checker haiku src/App/.claude/agents/billing/invoice-checker.md",
                "release-manager haiku .claude/agents/release-manager.md",
                "reviewer sonnet src/App/.claude/agents/reviewer.md",
                "triage - tools/agents/triage.md",
            },
            BuildOutput.ProgramLines(app.RunSucceeds()));

        // Every level's files reach the compiler (the shadowed reviewers too: they are checked,
        // not generated); the item's Dialect wins over the file name.
        Assert.Equal(
            new[]
            {
                ".claude/agents/release-manager.md Agent Claude",
                ".claude/agents/reviewer.md Agent Claude",
                "src/.claude/agents/api-designer.md Agent Claude",
                "src/.claude/agents/reviewer.md Agent Claude",
                "src/App/.claude/agents/billing/invoice-checker.md Agent Claude",
                "src/App/.claude/agents/reviewer.md Agent Claude",
                "tools/agents/triage.md Agent Copilot",
            },
            AgentGenAdditionalFiles(app, repo));
    }

    [Fact]
    public void A_git_file_as_in_a_worktree_marks_the_repository_root_and_nothing_above_it_is_read()
    {
        // An outer repository whose folder holds the worktree: its agents are not this repository's.
        ConsumerProject outer = package.CreateConsumer("worktree")
            .WriteFile(".git/HEAD", "ref: refs/heads/main\n")
            .WriteFile(".claude/agents/outsider.md", AgentFiles.Simple("outsider", "Read"));
        ConsumerProject worktree = outer.Subproject("worktrees/feature", "unused")
            .WriteFile(".git", "gitdir: ../../.git/worktrees/feature\n")
            .WriteFile(".claude/agents/reviewer.md", AgentFiles.Simple("reviewer", "Read, Grep"));
        ConsumerProject app = worktree.Subproject("src/App", "App")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Release</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                """)
            .WriteFile("Program.cs", ProgramListingAgents);

        CommandResult build = app.BuildSucceeds();
        BuildOutput.AssertDiagnostics(build, outer);
        Assert.Equal(new[] { "reviewer - .claude/agents/reviewer.md" }, BuildOutput.ProgramLines(app.RunSucceeds()));
    }

    [Fact]
    public void A_project_that_finds_no_agent_files_gets_exactly_one_AGEN023_and_the_ways_out_are_silent()
    {
        // No .git anywhere: the repository root is unknown, so only the project folder is searched,
        // and the agents at the top are not found.
        ConsumerProject repo = package.CreateConsumer("no-agents")
            .WriteFile(".claude/agents/reviewer.md", AgentFiles.Simple("reviewer", "Read"));

        // Two target frameworks: two inner builds, still one warning. (netstandard2.0 compiles with
        // C# 7.3 unless told otherwise; the generator's project-wide files need C# 9 even without agents.)
        ConsumerProject lonely = repo.Subproject("src/Lonely", "Lonely")
            .WriteProject("net10.0", exe: false, properties: "<LangVersion>latest</LangVersion>")
            .WriteFile("Library.cs", "namespace Lonely { public static class Library { } }\n");
        lonely.WriteFile("Lonely.csproj", File.ReadAllText(Path.Combine(lonely.Directory, "Lonely.csproj"))
            .Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net10.0;netstandard2.0</TargetFrameworks>", StringComparison.Ordinal));

        CommandResult build = lonely.BuildSucceeds();
        IReadOnlyList<string> warnings = build.LinesContaining("warning AGEN023");
        if (warnings.Count != 1)
        {
            throw new XunitException($"Expected exactly one AGEN023 line, found {warnings.Count}.\n{build}");
        }

        string projectFolder = lonely.Directory.Replace('\\', '/').TrimEnd('/') + "/";
        Assert.Contains("Lonely.csproj : warning AGEN023: AgentGen found no agent files", warnings[0], StringComparison.Ordinal);
        Assert.Contains(".claude/agents/**/*.md and .github/agents/**/*.agent.md in " + projectFolder + " (", warnings[0], StringComparison.Ordinal);
        Assert.Contains("AgentGenRepositoryRoot", warnings[0], StringComparison.Ordinal);
        Assert.Contains("<AgentDefinition Include=", warnings[0], StringComparison.Ordinal);
        Assert.Contains("<AgentGenDefaultItems>false</AgentGenDefaultItems>", warnings[0], StringComparison.Ordinal);

        // A project that gets AgentGen only through its reference to Lonely (buildTransitive, and
        // the analyzer flows too) did not ask for it: the one AGEN023 of this build is Lonely's own.
        ConsumerProject tests = repo.Subproject("tests/Lonely.Tests", "Lonely.Tests")
            .WriteFile("Lonely.Tests.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="../../src/Lonely/Lonely.csproj" />
                  </ItemGroup>
                </Project>
                """)
            .WriteFile("LibraryTests.cs", "namespace Lonely.Tests { public static class LibraryTests { } }\n");
        CommandResult testsBuild = tests.BuildSucceeds();
        IReadOnlyList<string> testsWarnings = testsBuild.LinesContaining("warning AGEN023");
        if (testsWarnings.Count != 1 || !testsWarnings[0].Contains("Lonely.csproj : warning AGEN023", StringComparison.Ordinal))
        {
            throw new XunitException($"Expected Lonely's AGEN023 only.\n{testsBuild}");
        }

        // Pointing at the root finds the agents: no warning.
        ConsumerProject pointed = repo.Subproject("src/Pointed", "Pointed")
            .WriteProject("net10.0", exe: true, properties: """
                <RootNamespace>Contoso.Release</RootNamespace>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AgentGenRepositoryRoot>../..</AgentGenRepositoryRoot>
                """)
            .WriteFile("Program.cs", ProgramListingAgents);
        CommandResult pointedBuild = pointed.BuildSucceeds();
        BuildOutput.AssertNoLine(pointedBuild, "AGEN023");
        Assert.Equal(new[] { "reviewer - .claude/agents/reviewer.md" }, BuildOutput.ProgramLines(pointed.RunSucceeds()));

        // Defaults turned off, nothing listed: the user said so, no warning.
        ConsumerProject off = repo.Subproject("src/Off", "Off")
            .WriteProject("net10.0", exe: false, properties: "<AgentGenDefaultItems>false</AgentGenDefaultItems>")
            .WriteFile("Library.cs", "namespace Off { public static class Library { } }\n");
        BuildOutput.AssertNoLine(off.BuildSucceeds(), "AGEN023");
    }

    private static string ModelAgent(string name, string model) => $"""
        ---
        name: {name}
        description: Helps with {name.Replace('-', ' ')} work.
        tools: Read, Grep
        model: {model}
        ---
        You help with one part of the release.
        """;

    /// <summary>
    /// The project's AdditionalFiles that carry AgentGenKind, as <c>path kind dialect</c> with the
    /// path relative to <paramref name="root"/>, sorted: what evaluation gives the compiler.
    /// </summary>
    private IReadOnlyList<string> AgentGenAdditionalFiles(ConsumerProject project, ConsumerProject root)
    {
        CommandResult result = DotNetCli.Run(project.Directory, new[] { "msbuild", "-nologo", "-getItem:AdditionalFiles" }, package.ConsumerEnvironment);
        if (result.ExitCode != 0)
        {
            throw new XunitException("dotnet msbuild -getItem failed.\n" + result);
        }

        string rootFolder = root.Directory.Replace('\\', '/').TrimEnd('/') + "/";
        using JsonDocument json = JsonDocument.Parse(result.Output);
        var found = new List<string>();
        foreach (JsonElement item in json.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray())
        {
            string kind = item.TryGetProperty("AgentGenKind", out JsonElement k) ? k.GetString()! : "";
            if (kind.Length == 0)
            {
                continue;
            }

            string path = item.GetProperty("FullPath").GetString()!.Replace('\\', '/');
            string dialect = item.TryGetProperty("AgentGenDialect", out JsonElement d) && d.GetString() is { Length: > 0 } s ? s : "-";
            found.Add($"{(path.StartsWith(rootFolder, StringComparison.Ordinal) ? path[rootFolder.Length..] : path)} {kind} {dialect}");
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
