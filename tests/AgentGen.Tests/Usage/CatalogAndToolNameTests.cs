using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static AgentGen.Tests.Usage.UsageVerifier;

namespace AgentGen.Tests.Usage;

/// <summary>AGEN101 (unknown agent name to AgentCatalog.Get/TryGet) and AGEN102 (unknown tool name to Allows/TryParse).</summary>
public class CatalogAndToolNameTests
{
    private const string Usings = "using AgentGen;\nusing TestProject.Agents;\n";

    [Fact]
    public Task Misspelled_agent_name_is_an_error_naming_the_closest_agent() => VerifyAsync(
        Usings + """
        class C
        {
            void M()
            {
                AgentCatalog.Get({|#0:"code-reviwer"|});
                AgentCatalog.TryGet({|#1:"Docs-Writer"|}, out IAgentDefinition _);
            }
        }
        """,
        Diagnostic("AGEN101").WithLocation(0).WithMessage("No agent is named 'code-reviwer'; did you mean 'code-reviewer'?"),
        Diagnostic("AGEN101").WithLocation(1).WithMessage("No agent is named 'Docs-Writer'; did you mean 'docs-writer'?"));

    [Fact]
    public Task Agent_name_with_no_close_match_lists_the_agents() => VerifyAsync(
        Usings + """
        class C
        {
            bool M() => AgentCatalog.TryGet({|#0:"deployment-orchestrator"|}, out _);
        }
        """,
        Diagnostic("AGEN101").WithLocation(0).WithMessage("No agent is named 'deployment-orchestrator'; the agents are code-reviewer, docs-writer, release-manager, triage-bot"));

    [Fact]
    public Task Several_close_agent_names_are_all_offered()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, [
            ("api-tester.md", "---\nname: api-tester\ndescription: Tests APIs.\n---\nTest.\n"),
            ("app-tester.md", "---\nname: app-tester\ndescription: Tests apps.\n---\nTest.\n"),
        ]);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using TestProject.Agents;
            class C
            {
                object M() => AgentCatalog.Get({|#0:"apx-tester"|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN101").WithLocation(0).WithMessage("No agent is named 'apx-tester'; did you mean 'api-tester' or 'app-tester'?"));
        return test.RunAsync();
    }

    [Fact]
    public Task Project_without_agents_says_so()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, []);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using TestProject.Agents;
            class C
            {
                object M() => AgentCatalog.Get({|#0:"anyone"|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN101").WithLocation(0).WithMessage("No agent is named 'anyone'; this project defines no agents"));
        return test.RunAsync();
    }

    [Fact]
    public Task Known_agent_names_and_non_constant_names_raise_nothing() => VerifyAsync(
        Usings + """
        class C
        {
            const string Reviewer = "code-reviewer";

            void M(string fromConfig)
            {
                AgentCatalog.Get("code-reviewer");
                AgentCatalog.Get(Reviewer);
                AgentCatalog.Get(CodeReviewerAgent.AgentName);
                AgentCatalog.TryGet("triage-bot", out _);
                AgentCatalog.Get(fromConfig);
                AgentCatalog.TryGet(fromConfig + "-bot", out _);
            }
        }
        """);

    [Fact]
    public Task Agent_names_of_a_referenced_projects_catalog_are_read_from_its_agent_properties()
    {
        MetadataReference upstream = CompileAgentAssembly("Upstream", "Upstream", ("code-reviewer.md", Agents.CodeReviewer));
        var test = new AnalyzerTest();
        Configure(test.TestState, Agents.All);
        test.TestState.AdditionalReferences.Add(upstream);
        test.TestState.Sources.Add(("/project/Program.cs", """
            class C
            {
                void M()
                {
                    Upstream.Agents.AgentCatalog.Get("code-reviewer");
                    Upstream.Agents.AgentCatalog.Get({|#0:"triage-bot"|});
                    TestProject.Agents.AgentCatalog.Get("triage-bot");
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN101").WithLocation(0).WithMessage("No agent is named 'triage-bot'; the agents are code-reviewer"));
        return test.RunAsync();
    }

    [Fact]
    public Task Unknown_tool_name_to_Allows_or_TryParse_is_a_warning_with_a_suggestion() => VerifyAsync(
        Usings + """
        class C
        {
            void M(IAgentDefinition any)
            {
                AgentCatalog.CodeReviewer.Allows({|#0:"WebFecth"|});
                any.Allows({|#1:"Gerp"|});
                AgentTools.TryParse({|#2:"Reed"|}, out AgentTool _);
                AgentTools.TryParse({|#3:"deploy-to-prod"|}, out _);
            }
        }
        """,
        Diagnostic("AGEN102").WithLocation(0).WithMessage("No known tool is named 'WebFecth'; did you mean 'WebFetch'?"),
        Diagnostic("AGEN102").WithLocation(1).WithMessage("No known tool is named 'Gerp'; did you mean 'Grep'?"),
        Diagnostic("AGEN102").WithLocation(2).WithMessage("No known tool is named 'Reed'; did you mean 'Read'?"),
        Diagnostic("AGEN102").WithLocation(3).WithMessage("No known tool is named 'deploy-to-prod'"));

    [Fact]
    public Task Built_in_legacy_mcp_specifier_and_non_constant_tool_names_raise_nothing() => VerifyAsync(
        Usings + """
        class C
        {
            void M(string name)
            {
                var reviewer = AgentCatalog.CodeReviewer;
                reviewer.Allows("WebFetch");
                reviewer.Allows("Task");
                reviewer.Allows("MultiEdit");
                reviewer.Allows("Bash(git diff:*)");
                reviewer.Allows("mcp__context7__resolve-library-id");
                reviewer.Allows("mcp__github");
                reviewer.Allows(name);
                reviewer.Allows(AgentTool.Read);
                AgentTools.TryParse("mcp__github__delete_repo", out _);
                AgentTools.TryParse(name, out _);
            }
        }
        """);

    [Fact]
    public Task Allows_inherited_from_AgentDefinitionBase_is_checked_through_the_receiver_or_the_base() => VerifyAsync(
        Usings + """
        class C
        {
            void M(AgentDefinitionBase any)
            {
                AgentCatalog.CodeReviewer.Allows({|#0:"WebFecth"|});
                AgentCatalog.CodeReviewer.Allows("WebFetch");
                any.Allows({|#1:"Gerp"|});
                any.Allows("Grep");
            }
        }
        """,
        Diagnostic("AGEN102").WithLocation(0).WithMessage("No known tool is named 'WebFecth'; did you mean 'WebFetch'?"),
        Diagnostic("AGEN102").WithLocation(1).WithMessage("No known tool is named 'Gerp'; did you mean 'Grep'?"));

    [Fact]
    public Task Tools_named_by_agents_and_AgentGenKnownTools_are_known()
    {
        var test = new AnalyzerTest();
        Configure(
            test.TestState,
            [("builder.md", "---\nname: builder\ndescription: Builds the project.\ntools: Read, npm\n---\nBuild.\n")],
            // A ';' inside a .globalconfig value starts a comment for Roslyn 4.8 (dotnet/roslyn#56180): use ','.
            "build_property.AgentGenKnownTools = DeployTool, RunMigrations\n");
        test.TestState.Sources.Add(("/project/Program.cs", """
            using AgentGen;
            using TestProject.Agents;

            [AgentDefinition("hand-made", Tools = new[] { "custom-linter" })]
            sealed class HandMade { }

            class C
            {
                void M()
                {
                    AgentCatalog.Builder.Allows("npm");
                    AgentCatalog.Builder.Allows("DeployTool");
                    AgentCatalog.Builder.Allows("RunMigrations");
                    AgentCatalog.Builder.Allows("custom-linter");
                    AgentTools.TryParse("npm", out _);
                    AgentCatalog.Builder.Allows({|#0:"DeployTol"|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN102").WithLocation(0).WithMessage("No known tool is named 'DeployTol'; did you mean 'DeployTool'?"));
        return test.RunAsync();
    }

    [Fact]
    public Task Look_alike_types_in_a_project_without_AgentGen_Abstractions_raise_nothing()
    {
        // The same names in source (not the AgentGen.Abstractions assembly): the analyzer does no work at all.
        var test = new PlainAnalyzerTest();
        test.TestState.AdditionalReferences.AddRange(Infrastructure.TestReferences.All.Where(r => !r.Display!.EndsWith("AgentGen.Abstractions.dll", StringComparison.Ordinal)));
        test.TestState.Sources.Add(("/project/Program.cs", """
            using System;
            namespace AgentGen
            {
                [AttributeUsage(AttributeTargets.Parameter)] sealed class DeclaredToolAttribute : Attribute { }
                [AttributeUsage(AttributeTargets.Class)] sealed class AgentDefinitionAttribute : Attribute
                {
                    public AgentDefinitionAttribute(string name) { }
                    public string[] Tools { get; set; } = new string[0];
                }

                [AgentDefinition("reviewer", Tools = new[] { "Read" })]
                sealed class Reviewer
                {
                    public void EnsureAllowed([DeclaredTool] string tool) { }
                    public bool Allows(string tool) => false;
                }

                [System.CodeDom.Compiler.GeneratedCode("AgentGen", "0.1.0")]
                static class AgentCatalog
                {
                    public static Reviewer Reviewer { get; } = new Reviewer();
                    public static object Get(string name) => Reviewer;
                }

                class C
                {
                    void M()
                    {
                        AgentCatalog.Reviewer.EnsureAllowed("Bash");
                        AgentCatalog.Reviewer.Allows("Reed");
                        AgentCatalog.Get("nobody");
                    }
                }
            }
            """));
        return test.RunAsync();
    }
}
