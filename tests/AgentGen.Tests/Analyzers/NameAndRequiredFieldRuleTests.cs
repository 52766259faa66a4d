using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN003: name or description missing or empty.</summary>
public class RequiredFieldRuleTests
{
    [Fact]
    public Task Missing_name_is_reported_on_the_opening_dashes() => VerifyAsync(
        "doc.md",
        Lines("{|#0:---|}", "description: Checks doc comments.", "tools: Read", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("The frontmatter has no 'name': Claude Code skips an agent without one"));

    [Fact]
    public Task Missing_description_is_reported_on_the_opening_dashes() => VerifyAsync(
        "doc.md",
        Lines("{|#0:---|}", "name: doc-checker", "tools: Read", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("The frontmatter has no 'description': Claude Code needs it to decide when to use the agent"));

    [Fact]
    public Task Both_missing_gives_two_diagnostics_on_line_1() => VerifyAsync(
        "doc.md",
        Lines("---", "model: sonnet", "---"),
        Diagnostic("AGEN003").WithSpan(PathOf("doc.md"), 1, 1, 1, 4).WithArguments("The frontmatter has no 'name': Claude Code skips an agent without one"),
        Diagnostic("AGEN003").WithSpan(PathOf("doc.md"), 1, 1, 1, 4).WithArguments("The frontmatter has no 'description': Claude Code needs it to decide when to use the agent"));

    [Fact]
    public Task Empty_frontmatter_is_reported_on_line_1() => VerifyAsync(
        "empty.md",
        Lines("---", "---", "Body."),
        Diagnostic("AGEN003").WithSpan(PathOf("empty.md"), 1, 1, 1, 4).WithArguments("The frontmatter is empty: 'name' and 'description' are required"));

    [Fact]
    public Task Empty_quoted_description_is_reported_at_the_quotes() => VerifyAsync(
        "readme.md",
        Lines("---", "name: readme-polisher", "description: {|#0:\"\"|}", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("'description' is empty"));

    [Fact]
    public Task Blank_description_is_reported_at_the_value() => VerifyAsync(
        "readme.md",
        Lines("---", "name: readme-polisher", "description: {|AGEN003:'   '|}", "---"));

    [Fact]
    public Task Name_without_a_value_is_reported_at_the_key() => VerifyAsync(
        "blank.md",
        Lines("---", "{|#0:name|}:", "description: d", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("'name' is empty: Claude Code skips an agent without a name"));

    [Fact]
    public Task Name_that_is_null_is_reported_at_the_value() => VerifyAsync(
        "blank.md",
        Lines("---", "name: {|AGEN003:~|}", "description: d", "---"));

    [Fact]
    public Task Name_that_is_a_list_is_reported_at_the_whole_flow_list() => VerifyAsync(
        "list.md",
        Lines("---", "name: {|#0:[one, two]|}", "description: d", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("'name' must be a string"));

    [Fact]
    public Task Description_that_is_a_block_list_is_reported_at_the_list_items() => VerifyAsync(
        "list.md",
        Lines("---", "name: listed", "description:", "  {|#0:- first line", "  - second line|}", "", "# a comment after the list", "model: sonnet", "---"),
        Diagnostic("AGEN003").WithLocation(0).WithArguments("'description' must be a string"));

    [Fact]
    public Task Block_description_is_accepted() => VerifyAsync(
        "block.md",
        Lines("---", "name: block-text", "description: |", "  First line.", "  Second line: with a colon.", "---"));
}

/// <summary>AGEN004 (name Claude Code skips) and AGEN005 (name not lowercase kebab-case).</summary>
public class NameRuleTests
{
    [Fact]
    public Task Name_with_colon_is_reported_at_the_name_and_only_once() => VerifyAsync(
        "acme.md",
        Lines("---", "name: {|#0:acme:security-auditor|}", "description: Audits auth code.", "---"),
        Diagnostic("AGEN004").WithLocation(0).WithArguments("acme:security-auditor", "contains ':'"));

    [Fact]
    public Task Quoted_name_with_leading_dash_is_reported_at_the_quoted_value() => VerifyAsync(
        "inv.md",
        Lines("---", "name: {|#0:\"-inventory-sync\"|}", "description: Syncs stock.", "---"),
        Diagnostic("AGEN004").WithLocation(0).WithArguments("-inventory-sync", "starts with '-'"));

    [Fact]
    public Task Plain_name_with_leading_dash_is_reported() => VerifyAsync(
        "inv.md",
        Lines("---", "name: {|AGEN004:-inventory-sync|}", "description: Syncs stock.", "---"));

    [Fact]
    public Task Pascal_case_name_suggests_kebab_case() => VerifyAsync(
        "stock.md",
        Lines("---", "name: {|#0:StockReconciler|}", "description: Reconciles stock.", "---"),
        Diagnostic("AGEN005").WithLocation(0).WithArguments("StockReconciler", " ('stock-reconciler')"));

    [Fact]
    public Task Dotted_name_is_not_kebab_case_per_the_contract() => VerifyAsync(
        "py.md",
        Lines("---", "name: {|#0:python-3.12-upgrader|}", "description: Upgrades Python.", "---"),
        Diagnostic("AGEN005").WithLocation(0).WithArguments("python-3.12-upgrader", " ('python-3-12-upgrader')"));

    [Fact]
    public Task Snake_case_name_is_reported() => VerifyAsync(
        "snake.md",
        Lines("---", "name: {|#0:code_reviewer|}", "description: Reviews code.", "---"),
        Diagnostic("AGEN005").WithLocation(0).WithArguments("code_reviewer", " ('code-reviewer')"));

    [Fact]
    public Task Name_with_spaces_is_reported() => VerifyAsync(
        "space.md",
        Lines("---", "name: {|AGEN005:Code Reviewer|}", "description: Reviews code.", "---"));

    [Fact]
    public Task Kebab_case_name_with_digits_is_accepted() => VerifyAsync(
        "ok.md",
        Lines("---", "name: code-reviewer-2", "description: Reviews code.", "---"));

    [Fact]
    public Task Numeric_name_is_accepted() => VerifyAsync(
        "ok.md",
        Lines("---", "name: 404", "description: Finds broken links.", "---"));
}
