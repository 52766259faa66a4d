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
            }
        }
        """);
}
