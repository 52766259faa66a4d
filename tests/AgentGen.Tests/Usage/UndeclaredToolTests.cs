using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static AgentGen.Tests.Usage.UsageVerifier;

namespace AgentGen.Tests.Usage;

/// <summary>AGEN100: a constant tool handed to a [DeclaredTool] parameter that the agent known at the call site does not allow.</summary>
public class UndeclaredToolTests
{
    private const string Usings = "using AgentGen;\nusing TestProject.Agents;\n";

    [Fact]
    public Task AgentTool_constant_not_in_the_tools_is_an_error_at_the_argument() => VerifyAsync(
        Usings + """
        class C
        {
            void M()
            {
                AgentCatalog.CodeReviewer.EnsureAllowed({|#0:AgentTool.WebFetch|});
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'WebFetch'; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Declared_tools_raise_nothing() => VerifyAsync(
        Usings + """
        class C
        {
            void M(CodeReviewerAgent reviewer)
            {
                reviewer.EnsureAllowed(AgentTool.Read);
                reviewer.EnsureAllowed(AgentTool.Grep);
                reviewer.EnsureAllowed("Glob");
                reviewer.EnsureAllowed("Read(src/**)");
                AgentCatalog.TriageBot.EnsureAllowed(AgentTool.WebSearch);
                CodeReviewerAgent.Instance.EnsureAllowed(CodeReviewerAgent.ToAgentTool(CodeReviewerAgent.Tool.Read));
            }
        }
        """);

    [Fact]
    public Task String_literal_tool_is_checked_too() => VerifyAsync(
        Usings + """
        class C
        {
            const string Shell = "Bash";

            void M(CodeReviewerAgent reviewer)
            {
                reviewer.EnsureAllowed({|#0:"Edit"|});
                reviewer.EnsureAllowed({|#1:Shell|});
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'Edit'; its tools are Read, Grep, Glob"),
        Diagnostic("AGEN100").WithLocation(1).WithMessage("Agent 'code-reviewer' does not allow tool 'Bash'; its tools are Read, Grep, Glob"));

    [Fact]
    public Task A_string_that_is_no_tool_says_so() => VerifyAsync(
        Usings + """
        class C
        {
            void M(CodeReviewerAgent reviewer) => reviewer.EnsureAllowed({|#0:"Reed"|});
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'Reed'; its tools are Read, Grep, Glob (no known tool has this name; did you mean 'Read'?)"));

    [Fact]
    public Task Users_own_method_with_a_DeclaredTool_parameter_is_checked() => VerifyAsync(
        Usings + """
        static class Grants
        {
            public static void Grant(CodeReviewerAgent agent, [DeclaredTool] AgentTool tool) { }

            public static void Hand(this IAgentDefinition agent, [DeclaredTool] string tool) { }

            static void M()
            {
                Grant(AgentCatalog.CodeReviewer, {|#0:AgentTool.Bash|});
                Grant(AgentCatalog.CodeReviewer, AgentTool.Glob);
                AgentCatalog.CodeReviewer.Hand({|#1:"Write"|});
                AgentCatalog.CodeReviewer.Hand("Grep");
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'Bash'; its tools are Read, Grep, Glob"),
        Diagnostic("AGEN100").WithLocation(1).WithMessage("Agent 'code-reviewer' does not allow tool 'Write'; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Generic_method_with_the_agent_as_type_argument_is_checked() => VerifyAsync(
        Usings + """
        static class Runner
        {
            public static void Run<TAgent>([DeclaredTool] AgentTool tool) where TAgent : IAgentDefinition { }

            static void M()
            {
                Run<CodeReviewerAgent>({|#0:AgentTool.Write|});
                Run<CodeReviewerAgent>(AgentTool.Read);
                Run<DocsWriterAgent>(AgentTool.Write);
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'Write'; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Generic_type_argument_of_the_containing_type_and_constructors_are_checked() => VerifyAsync(
        Usings + """
        sealed class Session<TAgent> where TAgent : IAgentDefinition
        {
            public Session([DeclaredTool] params AgentTool[] tools) { }

            public void Use([DeclaredTool] AgentTool tool) { }
        }

        class C
        {
            void M()
            {
                var session = new Session<CodeReviewerAgent>(AgentTool.Read, {|#0:AgentTool.Edit|});
                session.Use({|#1:AgentTool.TodoWrite|});
                session.Use(AgentTool.Glob);
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'Edit'; its tools are Read, Grep, Glob"),
        Diagnostic("AGEN100").WithLocation(1).WithMessage("Agent 'code-reviewer' does not allow tool 'TodoWrite'; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Params_array_elements_are_checked_one_by_one() => VerifyAsync(
        Usings + """
        static class Grants
        {
            static void GrantAll(CodeReviewerAgent agent, [DeclaredTool] params AgentTool[] tools) { }

            static void M()
            {
                GrantAll(AgentCatalog.CodeReviewer, AgentTool.Read, {|#0:AgentTool.Bash|}, AgentTool.Glob);
                GrantAll(AgentCatalog.CodeReviewer, new[] { AgentTool.Grep, {|#1:AgentTool.Write|} });
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithArguments("code-reviewer", "Bash", "; its tools are Read, Grep, Glob"),
        Diagnostic("AGEN100").WithLocation(1).WithArguments("code-reviewer", "Write", "; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Nested_Tool_member_of_another_agent_is_checked_against_the_receiving_agent() => VerifyAsync(
        Usings + """
        static class Handoffs
        {
            static void Handoff(IAgentDefinition to, [DeclaredTool] object tool) { }

            static void M()
            {
                Handoff(AgentCatalog.CodeReviewer, {|#0:ReleaseManagerAgent.Tool.Bash|});
                Handoff(AgentCatalog.CodeReviewer, ReleaseManagerAgent.Tool.Read);
                Handoff(AgentCatalog.CodeReviewer, {|#1:AgentTool.WebSearch|});
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithArguments("code-reviewer", "Bash", "; its tools are Read, Grep, Glob"),
        Diagnostic("AGEN100").WithLocation(1).WithArguments("code-reviewer", "WebSearch", "; its tools are Read, Grep, Glob"));

    [Fact]
    public Task Non_constant_arguments_are_left_to_the_run_time_check() => VerifyAsync(
        Usings + """
        class C
        {
            void M(CodeReviewerAgent reviewer, AgentTool requested, string name)
            {
                reviewer.EnsureAllowed(requested);
                reviewer.EnsureAllowed(name);
                reviewer.EnsureAllowed(name + "Fetch");
                reviewer.EnsureAllowed(System.Enum.Parse<AgentTool>("WebFetch"));
            }
        }
        """);

    [Fact]
    public Task Unknown_agent_at_the_call_site_is_not_checked() => VerifyAsync(
        Usings + """
        static class C
        {
            static void Grant(IAgentDefinition agent, [DeclaredTool] AgentTool tool) { }

            static void Handoff(CodeReviewerAgent from, ReleaseManagerAgent to, [DeclaredTool] AgentTool tool) { }

            static void M(IAgentDefinition someAgent)
            {
                Grant(someAgent, AgentTool.WebFetch);
                Grant(AgentCatalog.Get("code-reviewer"), AgentTool.WebFetch);
                // Two different agents: which one the tool is for is not known, so nothing is reported.
                Handoff(AgentCatalog.CodeReviewer, AgentCatalog.ReleaseManager, AgentTool.WebFetch);
            }
        }
        """);

    [Fact]
    public Task Agent_that_inherits_all_tools_allows_everything_but_its_disallowed_tools() => VerifyAsync(
        Usings + """
        class C
        {
            void M(DocsWriterAgent writer)
            {
                writer.EnsureAllowed(AgentTool.WebFetch);
                writer.EnsureAllowed(AgentTool.Write);
                writer.EnsureAllowed("mcp__anything__at_all");
                writer.EnsureAllowed({|#0:AgentTool.Bash|});
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'docs-writer' does not allow tool 'Bash'; its 'disallowedTools' lists it"));

    [Fact]
    public Task Mcp_server_entry_allows_every_tool_of_that_server_except_disallowed_ones() => VerifyAsync(
        Usings + """
        class C
        {
            void M(ReleaseManagerAgent release)
            {
                release.EnsureAllowed("mcp__github__create_issue");
                release.EnsureAllowed("mcp__github__create_release");
                release.EnsureAllowed({|#0:"mcp__linear__create_issue"|});
                release.EnsureAllowed({|#1:AgentTool.McpGithubDeleteRepo|});
                release.EnsureAllowed({|#2:"mcp__github__delete_repo"|});
            }
        }
        """,
        Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'release-manager' does not allow tool 'mcp__linear__create_issue'; its tools are Read, Edit, Bash, mcp__github"),
        Diagnostic("AGEN100").WithLocation(1).WithMessage("Agent 'release-manager' does not allow tool 'mcp__github__delete_repo'; its 'disallowedTools' lists it"),
        Diagnostic("AGEN100").WithLocation(2).WithMessage("Agent 'release-manager' does not allow tool 'mcp__github__delete_repo'; its 'disallowedTools' lists it"));

    [Fact]
    public Task Disallowed_server_wildcard_names_the_entry_that_removes_the_tool()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, [("gatekeeper.md", "---\nname: gatekeeper\ndescription: Guards the repository.\ntools: Read, mcp__github__create_issue\ndisallowedTools: mcp__github__*\n---\nGuard.\n")]);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using TestProject.Agents;
            class C
            {
                void M() => GatekeeperAgent.Instance.EnsureAllowed({|#0:AgentTool.McpGithubCreateIssue|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'gatekeeper' does not allow tool 'mcp__github__create_issue'; its 'disallowedTools' entry 'mcp__github__*' removes it"));
        return test.RunAsync();
    }

    [Fact]
    public Task Agent_with_an_empty_tools_list_allows_nothing()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, [("idle.md", "---\nname: idle\ndescription: Does nothing.\ntools: []\n---\nWait.\n")]);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using TestProject.Agents;
            class C
            {
                void M() => AgentCatalog.Idle.EnsureAllowed({|#0:AgentTool.Read|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'idle' does not allow tool 'Read'; its 'tools' list is empty"));
        return test.RunAsync();
    }

    [Fact]
    public Task Hand_written_agent_class_with_the_attribute_is_checked_like_a_generated_one()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, []);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using AgentGen;

            [AgentDefinition("legacy-bot", Tools = new[] { "Read", "Task" }, DisallowedTools = new string[0])]
            sealed class LegacyBot
            {
                public void Use([DeclaredTool] string tool) { }
            }

            class C
            {
                void M(LegacyBot bot)
                {
                    bot.Use("Agent");
                    bot.Use("Task");
                    bot.Use({|#0:"Write"|});
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'legacy-bot' does not allow tool 'Write'; its tools are Read, Task"));
        return test.RunAsync();
    }

    [Fact]
    public Task Override_inherits_the_DeclaredTool_parameter()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, Agents.All);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using AgentGen;
            using TestProject.Agents;

            abstract class Channel
            {
                public abstract void Send(CodeReviewerAgent agent, [DeclaredTool] AgentTool tool);
            }

            sealed class Loud : Channel
            {
                public override void Send(CodeReviewerAgent agent, AgentTool tool) { }
            }

            class C
            {
                void M(Loud loud) => loud.Send(AgentCatalog.CodeReviewer, {|#0:AgentTool.Bash|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithArguments("code-reviewer", "Bash", "; its tools are Read, Grep, Glob"));
        return test.RunAsync();
    }

    [Fact]
    public Task Agent_from_a_referenced_project_is_checked_from_its_attribute()
    {
        MetadataReference upstream = CompileAgentAssembly("Upstream", "Upstream", ("code-reviewer.md", Agents.CodeReviewer), ("release-manager.md", Agents.ReleaseManager));
        var test = new AnalyzerTest();
        Configure(test.TestState, []);
        test.TestState.AdditionalReferences.Add(upstream);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using Upstream.Agents;
            class C
            {
                void M()
                {
                    AgentCatalog.CodeReviewer.EnsureAllowed(AgentTool.Read);
                    AgentCatalog.CodeReviewer.EnsureAllowed({|#0:AgentTool.WebFetch|});
                    AgentCatalog.ReleaseManager.EnsureAllowed("mcp__github__create_issue");
                    AgentCatalog.ReleaseManager.EnsureAllowed({|#1:AgentTool.McpGithubDeleteRepo|});
                    ReleaseManagerAgent.Instance.EnsureAllowed(ReleaseManagerAgent.ToAgentTool(ReleaseManagerAgent.Tool.Bash));
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'WebFetch'; its tools are Read, Grep, Glob"));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(1).WithMessage("Agent 'release-manager' does not allow tool 'mcp__github__delete_repo'; its 'disallowedTools' lists it"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_member_of_the_shared_Tool_enum_names_its_tool()
    {
        // An agent that may use every tool inherits its Tool enum from AllToolsAgentDefinition: a member of
        // that enum handed to a [DeclaredTool] parameter is checked as the AgentTool member of its name.
        var test = new AnalyzerTest();
        Configure(test.TestState, [("code-reviewer.md", Agents.CodeReviewer), ("helper.md", "---\nname: helper\ndescription: Helps with anything.\n---\nHelp.\n")]);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using AgentGen;
            using TestProject.Agents;
            static class C
            {
                static void Pass(this IAgentDefinition agent, [DeclaredTool] HelperAgent.Tool tool) { }

                static void M()
                {
                    AgentCatalog.CodeReviewer.Pass({|#0:HelperAgent.Tool.WebFetch|});
                    AgentCatalog.CodeReviewer.Pass(HelperAgent.Tool.Read);
                    AgentCatalog.Helper.EnsureAllowed(HelperAgent.ToAgentTool(HelperAgent.Tool.Bash));
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'code-reviewer' does not allow tool 'WebFetch'; its tools are Read, Grep, Glob"));
        return test.RunAsync();
    }

    [Fact]
    public Task Long_tool_lists_are_shortened_in_the_message()
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, [("busy.md", "---\nname: busy\ndescription: Uses many tools.\ntools: Read, Write, Edit, Bash, Grep, Glob, WebFetch, WebSearch, TodoWrite, NotebookEdit, Skill, Monitor, LSP, Workflow\n---\nWork.\n")]);
        test.TestState.Sources.Add(("/project/Program.cs", """
            using TestProject.Agents;
            class C
            {
                void M() => AgentCatalog.Busy.EnsureAllowed({|#0:AgentTool.PowerShell|});
            }
            """));
        test.ExpectedDiagnostics.Add(Diagnostic("AGEN100").WithLocation(0).WithMessage("Agent 'busy' does not allow tool 'PowerShell'; its tools are Read, Write, Edit, Bash, Grep, Glob, WebFetch, WebSearch, TodoWrite, NotebookEdit, Skill, Monitor, and 2 more"));
        return test.RunAsync();
    }

    [Fact]
    public Task Code_with_compile_errors_gets_only_the_compiler_errors() => VerifyAsync(
        Usings + """
        class C
        {
            void M(CodeReviewerAgent reviewer)
            {
                reviewer.EnsureAllowed(AgentTool.{|CS0117:DoesNotExist|});
                reviewer.{|CS1501:EnsureAllowed|}();
                reviewer.EnsureAllowed({|CS0103:undefined|});
                AgentCatalog.{|CS7036:Get|}();
                AgentTools.{|CS7036:TryParse|}("Reed");
                {|CS0103:Unknown|}.Use(AgentTool.WebFetch);
            }
        }
        """);
}
