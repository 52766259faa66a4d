using System.Reflection;
using AgentGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using static AgentGen.Tests.CodeFixes.AgentFileFixVerifier;

namespace AgentGen.Tests.CodeFixes;

/// <summary>Fixes inside the .md: AGEN007/AGEN009 replace a tool name, AGEN002 quotes a value with an unquoted ': '.</summary>
public class AgentFileCodeFixTests
{
    [Fact]
    public void Fixer_is_exported_for_additional_md_documents()
    {
        ExportCodeFixProviderAttribute export = typeof(AgentFileCodeFixProvider).GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
        Assert.Equal([LanguageNames.CSharp], export.Languages!);
        Assert.Equal([nameof(TextDocumentKind.AdditionalDocument)], export.DocumentKinds!);
        Assert.Equal([".md"], export.DocumentExtensions!);
        Assert.Equal(["AGEN002", "AGEN007", "AGEN009"], new AgentFileCodeFixProvider().FixableDiagnosticIds.OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public Task Misspelled_tool_in_a_comma_string_is_replaced() => VerifyFixAsync(
        "reviewer.md",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Gerp, Glob\n---\nReview.\n",
        "AGEN007",
        "Replace 'Gerp' with 'Grep'",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: Read, Grep, Glob\n---\nReview.\n");

    [Fact]
    public Task Misspelled_tool_in_a_block_list_is_replaced() => VerifyFixAsync(
        "reviewer.md",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n  - Read\n  - WebFecth\n---\nReview.\n",
        "AGEN007",
        "Replace 'WebFecth' with 'WebFetch'",
        "---\nname: reviewer\ndescription: Reviews code.\ntools:\n  - Read\n  - WebFetch\n---\nReview.\n");

    [Fact]
    public Task Misspelled_tool_in_a_flow_list_is_replaced() => VerifyFixAsync(
        "reviewer.md",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: [Read, \"Glbo\"]\n---\nReview.\n",
        "AGEN007",
        "Replace 'Glbo' with 'Glob'",
        "---\nname: reviewer\ndescription: Reviews code.\ntools: [Read, \"Glob\"]\n---\nReview.\n");

    [Fact]
    public Task Legacy_tool_is_replaced_and_its_specifier_kept() => VerifyFixAsync(
        "planner.md",
        "---\nname: planner\ndescription: Plans work.\ntools: Read, Task(explorer)\n---\nPlan.\n",
        "AGEN009",
        "Replace legacy 'Task' with 'Agent'",
        "---\nname: planner\ndescription: Plans work.\ntools: Read, Agent(explorer)\n---\nPlan.\n");

    [Fact]
    public Task Legacy_tool_in_disallowedTools_is_replaced() => VerifyFixAsync(
        "planner.md",
        "---\r\nname: planner\r\ndescription: Plans work.\r\ndisallowedTools:\r\n  - MultiEdit\r\n---\r\nPlan.\r\n",
        "AGEN009",
        "Replace legacy 'MultiEdit' with 'Edit'",
        "---\r\nname: planner\r\ndescription: Plans work.\r\ndisallowedTools:\r\n  - Edit\r\n---\r\nPlan.\r\n");

    [Fact]
    public Task Unknown_tool_without_a_suggestion_gets_no_fix() => VerifyNoFixAsync(
        "builder.md",
        "---\nname: builder\ndescription: Builds things.\ntools: Read, kubernetes-operator\n---\nBuild.\n",
        "AGEN007");

    [Fact]
    public Task Unquoted_colon_in_a_description_is_quoted() => VerifyFixAsync(
        "fixer.md",
        "---\nname: fixer\ndescription: Use this agent when: the build breaks\nmodel: sonnet\n---\nFix.\n",
        "AGEN002",
        "Put the value in double quotes",
        "---\nname: fixer\ndescription: \"Use this agent when: the build breaks\"\nmodel: sonnet\n---\nFix.\n");

    [Fact]
    public Task Quoting_escapes_backslashes_and_double_quotes() => VerifyFixAsync(
        "fixer.md",
        "---\nname: fixer\ndescription: Repairs \"flaky\" tests under C:\\src: run them twice\n---\nFix.\n",
        "AGEN002",
        "Put the value in double quotes",
        "---\nname: fixer\ndescription: \"Repairs \\\"flaky\\\" tests under C:\\\\src: run them twice\"\n---\nFix.\n");
}
