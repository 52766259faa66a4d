using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>The shapes FORMAT.md says real collections have, through the analyzer.</summary>
public class FormatShapeTests
{
    [Fact]
    public Task Folded_description_is_valid() => VerifyAsync(
        "api.md",
        Lines("---", "name: api-contract-checker", "description: >-", "  Compares an OpenAPI document with the controllers", "  and lists what drifted: paths, parameters, codes.", "tools: Read, Grep", "---", "Body."));

    [Fact]
    public Task Literal_description_with_user_lines_is_valid() => VerifyAsync(
        "orders.md",
        Lines("---", "name: order-status-helper", "description: |", "  Use when a customer asks about an order.", "  user: Where is my parcel?", "  assistant: Let me look it up.", "---", "Body."));

    [Fact]
    public Task Multi_line_plain_description_with_user_lines_is_AGEN002_at_the_first_colon() => VerifyAsync(
        "orders.md",
        Lines("---", "name: order-status-helper", "description: Use when a customer asks about an order.", "  Example: a customer writes", "  user: Where is my parcel?", "---"),
        Diagnostic("AGEN002").WithSpan(PathOf("orders.md"), 4, 10, 4, 11));

    [Fact]
    public Task Block_list_tools_are_checked_item_by_item() => VerifyAsync(
        "deps.md",
        Lines("---", "name: dependency-auditor", "description: d", "tools:", "  - Read", "  - {|AGEN007:Grpe|}", "  # a comment inside the list", "  - {|AGEN009:LS|}", "", "model: sonnet", "---"));

    [Fact]
    public Task Flow_list_tools_are_checked_item_by_item() => VerifyAsync(
        "log.md",
        Lines("---", "name: log-triage", "description: d", "tools: [Read, {|AGEN007:Grpe|}, \"{|AGEN009:LS|}\"]", "---"));

    [Fact]
    public Task Empty_tools_list_is_AGEN011() => VerifyAsync(
        "naming.md",
        Lines("---", "name: naming-advisor", "description: d", "tools: {|AGEN011:[]|}", "---"));

    [Fact]
    public Task Bash_specifier_is_AGEN008_only() => VerifyAsync(
        "diff.md",
        Lines("---", "name: diff-summarizer", "description: d", "tools: Read, {|AGEN008:Bash(git:*)|}", "---"));

    [Fact]
    public Task Dotted_name_is_AGEN005_only() => VerifyAsync(
        "ps.md",
        Lines("---", "name: {|AGEN005:powershell-5.1-expert|}", "description: d", "---"));

    [Fact]
    public Task Four_backtick_fence_hides_the_json_inside() => VerifyAsync(
        "tpl.md",
        Lines("---", "name: prompt-template-author", "description: d", "---", "````markdown", "```json", "{ \"request_type\": \"x\", \"payload\": { broken", "```", "````", "```json", "{ \"ok\": {|AGEN017:]|} }", "```"));

    [Fact]
    public Task Unclosed_fence_runs_to_the_end_without_errors() => VerifyAsync(
        "shell.md",
        Lines("---", "name: shell-helper", "description: d", "---", "Example:", "", "```bash", "find . -name '*.log' | xargs gzip"));

    [Fact]
    public Task Unclosed_json_fence_is_checked_to_the_end_of_the_file() => VerifyAsync(
        "shell.md",
        Lines("---", "name: shell-helper", "description: d", "---", "```json", "{ \"a\": 1 }", "{|AGEN017:t|}railing text"));

    [Fact]
    public Task Indented_frontmatter_is_AGEN001_at_the_dashes() => VerifyAsync(
        "flaky.md",
        Lines("  {|AGEN001:---|}", "  name: flaky-test-hunter", "  description: d", "  ---"));

    [Fact]
    public Task Frontmatter_after_a_blank_line_is_AGEN001_at_the_late_dashes() => VerifyAsync(
        "locale.md",
        Lines("", "{|AGEN001:---|}", "name: locale-checker", "description: d", "---"));

    [Fact]
    public Task Crlf_and_bom_keep_every_span_exact()
    {
        string text = "\uFEFF---\r\n"
            + "name: {|#0:Windows_Doctor|}\r\n"
            + "description: >-\r\n"
            + "  Diagnoses failing builds\r\n"
            + "  on Windows machines.\r\n"
            + "tools:\r\n"
            + "  - Read\r\n"
            + "  - {|#1:Reed|}\r\n"
            + "  - {|#2:Bash(dotnet build:*)|}\r\n"
            + "model: {|#3:sonet|}\r\n"
            + "{|#4:category|}: build\r\n"
            + "---\r\n"
            + "# Windows Build Doctor\r\n"
            + "\r\n"
            + "```json\r\n"
            + "{ \"requesting_agent\": {|#5:\"nobody-here\"|}, \"request_type\": \"diagnose\", \"payload\": { \"log\": \"build.binlog\" } }\r\n"
            + "```\r\n"
            + "```json\r\n"
            + "{ \"a\": 1 {|#6:\"|}b\": 2 }\r\n"
            + "```\r\n";
        return VerifyAsync(
            "crlf.md",
            text,
            Diagnostic("AGEN005").WithLocation(0).WithArguments("Windows_Doctor", " ('windows-doctor')"),
            Diagnostic("AGEN007").WithLocation(1).WithArguments("Reed", "; did you mean 'Read'?"),
            Diagnostic("AGEN008").WithLocation(2),
            Diagnostic("AGEN013").WithLocation(3).WithArguments("sonet", "; did you mean 'sonnet'?"),
            Diagnostic("AGEN015").WithLocation(4),
            Diagnostic("AGEN018").WithLocation(5),
            Diagnostic("AGEN017").WithLocation(6));
    }

    [Fact]
    public Task Crlf_and_bom_spans_are_exact_with_explicit_line_and_column() => VerifyAsync(
        "crlf.md",
        "\uFEFF---\r\nname: crlf-agent\r\ndescription: d\r\ntools: Read, Reed\r\n---\r\n",
        Diagnostic("AGEN007").WithSpan(PathOf("crlf.md"), 4, 14, 4, 18));

    [Fact]
    public Task Lone_cr_line_endings_are_lines_too() => VerifyAsync(
        "cr.md",
        "---\rname: old-mac\rdescription: d\rtools: Read, {|AGEN007:Reed|}\r---\rBody.\r");

    [Fact]
    public Task Bom_only_line_1_diagnostics_count_the_bom_as_a_column() => VerifyAsync(
        "bom.md",
        "\uFEFF---\nmodel: sonnet\n---\n",
        Diagnostic("AGEN003").WithSpan(PathOf("bom.md"), 1, 2, 1, 5),
        Diagnostic("AGEN003").WithSpan(PathOf("bom.md"), 1, 2, 1, 5));
}
