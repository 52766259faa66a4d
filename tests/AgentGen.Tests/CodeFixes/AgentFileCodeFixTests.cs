using System.Reflection;
using AgentGen.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using static AgentGen.Tests.CodeFixes.AgentFileFixVerifier;

namespace AgentGen.Tests.CodeFixes;

/// <summary>Fixes inside the .md: AGEN007/AGEN009 replace a tool name; AGEN002 rewrites the broken value (quotes or a block) keeping its text.</summary>
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
        "Put the value of 'description' in double quotes",
        "---\nname: fixer\ndescription: \"Use this agent when: the build breaks\"\nmodel: sonnet\n---\nFix.\n");

    [Fact]
    public Task Quoting_escapes_backslashes_and_double_quotes() => VerifyFixAsync(
        "fixer.md",
        "---\nname: fixer\ndescription: Repairs \"flaky\" tests under C:\\src: run them twice\n---\nFix.\n",
        "AGEN002",
        "Put the value of 'description' in double quotes",
        "---\nname: fixer\ndescription: \"Repairs \\\"flaky\\\" tests under C:\\\\src: run them twice\"\n---\nFix.\n");

    // The one case the old quote fix truncated: it quoted up to ' #' and the rest became a comment.
    [Fact]
    public Task Hash_inside_the_value_is_kept_inside_the_quotes() => VerifyFixAsync(
        "launch.md",
        "---\nname: launch\ndescription: Use when: the app should reach #1 on the App Store! Plans the launch.\n---\nPlan.\n",
        "AGEN002",
        "Put the value of 'description' in double quotes",
        "---\nname: launch\ndescription: \"Use when: the app should reach #1 on the App Store! Plans the launch.\"\n---\nPlan.\n");

    [Fact]
    public Task Value_running_on_over_dialogue_lines_becomes_a_block() => VerifyFixAsync(
        "triage.md",
        "---\nname: triage\ndescription: Use this agent to triage bugs. Examples:\n<example>\nuser: \"The login page is blank\"\nassistant: \"Starting triage\"\n<commentary>\nA blank page: triage it.\n</commentary>\n</example>\ntools: Read\n---\nTriage.\n",
        "AGEN002",
        "Write 'description' as a block (|) holding all its lines",
        "---\nname: triage\ndescription: |-\n  Use this agent to triage bugs. Examples:\n  <example>\n  user: \"The login page is blank\"\n  assistant: \"Starting triage\"\n  <commentary>\n  A blank page: triage it.\n  </commentary>\n  </example>\ntools: Read\n---\nTriage.\n");

    [Fact]
    public Task Block_keeps_crlf_line_endings() => VerifyFixAsync(
        "triage.md",
        "---\r\nname: triage\r\ndescription: Triage bugs.\r\n<example>\r\nuser: \"Blank page\"\r\n</example>\r\n---\r\nTriage.\r\n",
        "AGEN002",
        "Write 'description' as a block (|) holding all its lines",
        "---\r\nname: triage\r\ndescription: |-\r\n  Triage bugs.\r\n  <example>\r\n  user: \"Blank page\"\r\n  </example>\r\n---\r\nTriage.\r\n");

    [Fact]
    public Task Literal_newline_escapes_become_line_breaks() => VerifyFixAsync(
        "notes.md",
        "---\nname: notes\ndescription: Release notes.\\n\\nuser: \\\"Draft v2\\\"\\nassistant: done\n---\nWrite.\n",
        "AGEN002",
        "Write 'description' as a block (|) holding all its lines",
        "---\nname: notes\ndescription: |-\n  Release notes.\n\n  user: \"Draft v2\"\n  assistant: done\n---\nWrite.\n");

    [Fact]
    public Task Quotes_inside_a_quoted_value_are_escaped() => VerifyFixAsync(
        "api.md",
        "---\nname: api\ndescription: \"Explains what \"idempotent\" means\"\n---\nExplain.\n",
        "AGEN002",
        "Escape the quotes inside 'description'",
        "---\nname: api\ndescription: \"Explains what \\\"idempotent\\\" means\"\n---\nExplain.\n");

    [Fact]
    public Task Text_after_the_closing_quote_keeps_the_quotes_as_text() => VerifyFixAsync(
        "pr.md",
        "---\nname: pr\ndescription: 'Reviews pull requests' for style\n---\nReview.\n",
        "AGEN002",
        "Put the value of 'description' in double quotes",
        "---\nname: pr\ndescription: \"'Reviews pull requests' for style\"\n---\nReview.\n");

    [Fact]
    public Task Field_repeated_by_dialogue_lines_is_folded_into_the_value() => VerifyFixAsync(
        "router.md",
        "---\nname: router\ndescription: Routes tickets.\nuser: \"Wrong invoice\"\nassistant: \"Billing\"\nuser: \"No login\"\nassistant: \"Identity\"\n---\nRoute.\n",
        "AGEN002",
        "Write 'description' as a block (|) holding all its lines",
        "---\nname: router\ndescription: |-\n  Routes tickets.\n  user: \"Wrong invoice\"\n  assistant: \"Billing\"\n  user: \"No login\"\n  assistant: \"Identity\"\n---\nRoute.\n");

    [Fact]
    public async Task Several_errors_in_one_file_get_a_repair_all_action()
    {
        const string Before = "---\nname: git-guide\ndescription: Teaches git. Use when: a rebase goes wrong\ninitialPrompt: Start with: git status\n---\nGuide.\n";
        Assert.Equal(["Put the value of 'description' in double quotes", "Repair all 2 YAML errors in this file"], await GetTitlesAsync("git-guide.md", Before, "AGEN002"));
        await VerifyFixAsync(
            "git-guide.md",
            Before,
            "AGEN002",
            "Repair all 2 YAML errors in this file",
            "---\nname: git-guide\ndescription: \"Teaches git. Use when: a rebase goes wrong\"\ninitialPrompt: \"Start with: git status\"\n---\nGuide.\n");
    }

    [Fact]
    public Task Broken_list_gets_no_fix() => VerifyNoFixAsync(
        "lister.md",
        "---\nname: lister\ndescription: Lists.\ntools: [Read, Grep\n---\nList.\n",
        "AGEN002");
}
