using AgentGen.Tests.Infrastructure;
using static AgentGen.Tests.Analyzers.AgentText;
using static AgentGen.Tests.Infrastructure.AgentFileVerifier;

namespace AgentGen.Tests.Analyzers;

/// <summary>AGEN006: two files declare the same name; reported in both, each pointing at the other.</summary>
public class DuplicateNameRuleTests
{
    [Fact]
    public Task Both_files_are_reported_at_their_names() => VerifyAsync(
        new[]
        {
            ("a/reviewer.md", Agent("code-reviewer", "tools: Read")),
            ("b/reviewer.md", Agent("code-reviewer", "model: opus")),
        },
        Diagnostic("AGEN006").WithSpan(PathOf("a/reviewer.md"), 2, 7, 2, 20).WithSpan(PathOf("b/reviewer.md"), 2, 7, 2, 20)
            .WithArguments("code-reviewer", ShownPathOf("b/reviewer.md")),
        Diagnostic("AGEN006").WithSpan(PathOf("b/reviewer.md"), 2, 7, 2, 20).WithSpan(PathOf("a/reviewer.md"), 2, 7, 2, 20)
            .WithArguments("code-reviewer", ShownPathOf("a/reviewer.md")));

    [Fact]
    public Task Quoted_and_plain_spellings_of_one_name_are_duplicates() => VerifyAsync(
        new[]
        {
            ("one.md", Lines("---", "name: {|#0:\"code-reviewer\"|}", "description: d", "---")),
            ("two.md", Lines("---", "name: {|#1:code-reviewer|}", "description: d", "---")),
        },
        Diagnostic("AGEN006").WithLocation(0).WithLocation(1),
        Diagnostic("AGEN006").WithLocation(1).WithLocation(0));

    [Fact]
    public Task Three_files_each_get_one_diagnostic() => VerifyAsync(
        new[]
        {
            ("1.md", Agent("{|#0:dup|}")),
            ("2.md", Agent("{|#1:dup|}")),
            ("3.md", Agent("{|#2:dup|}")),
        },
        Diagnostic("AGEN006").WithLocation(0).WithLocation(1),
        Diagnostic("AGEN006").WithLocation(1).WithLocation(0),
        Diagnostic("AGEN006").WithLocation(2).WithLocation(0));

    [Fact]
    public Task A_duplicate_in_a_file_with_other_errors_is_still_reported() => VerifyAsync(
        new[]
        {
            ("ok.md", Agent("{|#0:dup|}")),
            ("bad.md", Agent("{|#1:dup|}", "maxTurns: 3", "{|#2:maxTurns|}: 4")),
        },
        Diagnostic("AGEN002").WithLocation(2),
        Diagnostic("AGEN006").WithLocation(1).WithLocation(0),
        Diagnostic("AGEN006").WithLocation(0).WithLocation(1));

    [Fact]
    public Task Names_differing_in_case_are_not_duplicates() => VerifyAsync(
        new[]
        {
            ("1.md", Agent("reviewer")),
            ("2.md", Agent("{|AGEN005:Reviewer|}")),
        },
        Diagnostic("AGEN020").WithSpan(PathOf("1.md"), 2, 7, 2, 15).WithSpan(PathOf("2.md"), 2, 7, 2, 15),
        Diagnostic("AGEN020").WithSpan(PathOf("2.md"), 2, 7, 2, 15).WithSpan(PathOf("1.md"), 2, 7, 2, 15));
}

/// <summary>
/// AGEN024: Claude Code (2.1.140+) matches a subagent's name without case, spaces, '-' and '_', so
/// names that differ only there are one agent to it.
/// </summary>
public class NamesMatchedAsOneRuleTests
{
    [Fact]
    public Task Names_differing_only_in_separators_are_reported_in_both_files() => VerifyAsync(
        new[]
        {
            ("a.md", Agent("{|#0:code-reviewer|}")),
            ("b.md", Agent("{|#1:codereviewer|}")),
        },
        Diagnostic("AGEN024").WithLocation(1).WithLocation(0).WithArguments("codereviewer", "code-reviewer", ShownPathOf("a.md")),
        Diagnostic("AGEN024").WithLocation(0).WithLocation(1).WithArguments("code-reviewer", "codereviewer", ShownPathOf("b.md")));

    [Fact]
    public Task Case_and_underscores_count_too_and_a_third_name_points_at_the_first() => VerifyAsync(
        new[]
        {
            ("1.md", Agent("{|#0:test-runner|}")),
            ("2.md", Agent("{|#1:testrunner|}")),
            ("3.md", Agent("{|#2:{|AGEN005:Test_Runner2|}|}")),
            ("4.md", Agent("{|#3:{|AGEN005:TESTRUNNER|}|}")),
        },
        Diagnostic("AGEN024").WithLocation(0).WithLocation(1).WithArguments("test-runner", "testrunner", ShownPathOf("2.md")),
        Diagnostic("AGEN024").WithLocation(1).WithLocation(0).WithArguments("testrunner", "test-runner", ShownPathOf("1.md")),
        Diagnostic("AGEN024").WithLocation(0).WithLocation(3).WithArguments("test-runner", "TESTRUNNER", ShownPathOf("4.md")),
        Diagnostic("AGEN024").WithLocation(3).WithLocation(0).WithArguments("TESTRUNNER", "test-runner", ShownPathOf("1.md")));

    [Fact]
    public Task Different_names_and_Copilot_files_are_not_reported() => VerifyAsync(
        new[]
        {
            ("reviewer.md", Agent("code-reviewer")),
            ("review-lead.md", Agent("code-review-lead")),
            ("../../.github/agents/codereviewer.agent.md", Lines("---", "name: codereviewer", "description: d", "---")),
        });
}

/// <summary>AGEN018: requesting_agent names no agent of the project.</summary>
public class UnknownRequestingAgentRuleTests
{
    private static string Protocol(string name, string requester, string requestType = "reindex_products") => Lines(
        "---",
        "name: " + name,
        "description: Rebuilds the search index.",
        "---",
        "```json",
        "{",
        "  \"requesting_agent\": " + requester + ",",
        "  \"request_type\": \"" + requestType + "\",",
        "  \"payload\": { \"full_rebuild\": false }",
        "}",
        "```");

    [Fact]
    public Task Unknown_agent_is_reported_at_the_string() => VerifyAsync(
        "search.md",
        Protocol("search-indexer", "{|#0:\"catalogue-curator\"|}"),
        Diagnostic("AGEN018").WithLocation(0).WithArguments("catalogue-curator", string.Empty));

    [Fact]
    public Task Near_miss_suggests_the_agent() => VerifyAsync(
        "search.md",
        Protocol("search-indexer", "{|#0:\"search-indexr\"|}"),
        Diagnostic("AGEN018").WithLocation(0).WithArguments("search-indexr", "; did you mean 'search-indexer'?"));

    [Fact]
    public Task Agent_defined_in_another_file_is_known() => VerifyAsync(
        new[]
        {
            ("search.md", Protocol("search-indexer", "\"catalogue-curator\"")),
            ("curator.md", Agent("catalogue-curator")),
        });

    [Fact]
    public Task Agent_defined_in_a_file_with_errors_still_counts_as_defined() => VerifyAsync(
        new[]
        {
            ("search.md", Protocol("search-indexer", "\"catalogue-curator\"")),
            ("curator.md", Agent("catalogue-curator", "tools: Read", "{|AGEN002:tools|}: Grep")),
        });

    [Fact]
    public Task Default_severity_is_info() => VerifyAsync(
        new[] { ("search.md", Protocol("search-indexer", "{|#0:\"nobody\"|}")) },
        string.Empty,
        Diagnostic("AGEN018", Microsoft.CodeAnalysis.DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task Non_string_requesting_agent_is_ignored() => VerifyAsync(
        "search.md",
        Protocol("search-indexer", "42"));
}

/// <summary>AGEN019: one request_type with incompatible payload shapes.</summary>
public class PayloadConflictRuleTests
{
    private static string Message(string name, string requestTypeMarkup, string payload) => Lines(
        "---",
        "name: " + name,
        "description: Talks to other agents.",
        "---",
        "```json",
        "{ \"request_type\": " + requestTypeMarkup + ", \"payload\": " + payload + " }",
        "```");

    [Fact]
    public Task Conflict_is_reported_at_the_later_example_pointing_at_the_first() => VerifyAsync(
        new[]
        {
            ("a.md", Message("agent-a", "{|#0:\"get_order\"|}", "{ \"order_id\": 42 }")),
            ("b.md", Message("agent-b", "{|#1:\"get_order\"|}", "{ \"order_id\": \"A-42\" }")),
        },
        Diagnostic("AGEN019").WithLocation(1).WithLocation(0)
            .WithArguments("get_order", "differs in type from its example in '" + ShownPathOf("a.md") + "'; the conflicting properties become JsonElement?"));

    [Fact]
    public Task Conflict_within_one_file_is_reported() => VerifyAsync(
        "a.md",
        Lines(
            "---", "name: agent-a", "description: d", "---",
            "```json", "{ \"request_type\": {|#0:\"ping\"|}, \"payload\": { \"n\": [1] } }", "```",
            "```json", "{ \"request_type\": {|#1:\"ping\"|}, \"payload\": { \"n\": { \"x\": 1 } } }", "```"),
        Diagnostic("AGEN019").WithLocation(1).WithLocation(0));

    [Fact]
    public Task Compatible_shapes_merge_silently() => VerifyAsync(
        new[]
        {
            ("a.md", Message("agent-a", "\"get_order\"", "{ \"order_id\": 42, \"note\": null, \"lines\": [] }")),
            ("b.md", Message("agent-b", "\"get_order\"", "{ \"order_id\": 9007199254740993, \"rush\": true, \"lines\": [{ \"sku\": \"X\" }] }")),
            ("c.md", Message("agent-c", "\"get_order\"", "{ \"order_id\": 1.5, \"note\": \"gift\" }")),
        });
}

/// <summary>AGEN020: two agents, or two messages, map to the same C# type name.</summary>
public class TypeNameCollisionRuleTests
{
    [Fact]
    public Task Agent_names_that_map_to_one_class_are_reported_in_both_files() => VerifyAsync(
        new[]
        {
            ("a.md", Agent("{|#0:my-agent|}")),
            ("b.md", Agent("{|#1:my_agent|}")),
        },
        Diagnostic("AGEN005").WithLocation(1),
        Diagnostic("AGEN020").WithLocation(0).WithLocation(1)
            .WithArguments("The agent 'my-agent'", "MyAgent", "the agent 'my_agent' in '" + ShownPathOf("b.md") + "'", "'my_agent' is not generated"),
        Diagnostic("AGEN020").WithLocation(1).WithLocation(0)
            .WithArguments("The agent 'my_agent'", "MyAgent", "the agent 'my-agent' in '" + ShownPathOf("a.md") + "'", "only 'my-agent' is generated"));

    [Fact]
    public Task Dotted_and_plain_names_collide() => VerifyAsync(
        new[]
        {
            ("a.md", Agent("{|#0:python-312|}")),
            ("b.md", Agent("{|#1:python-3.12|}")),
        },
        Diagnostic("AGEN005").WithLocation(1),
        Diagnostic("AGEN020").WithLocation(0).WithLocation(1),
        Diagnostic("AGEN020").WithLocation(1).WithLocation(0));

    [Fact]
    public Task Request_types_that_map_to_one_record_are_reported_at_both() => VerifyAsync(
        new[]
        {
            ("a.md", Lines("---", "name: agent-a", "description: d", "---", "```json", "{ \"request_type\": {|#0:\"get-x\"|}, \"payload\": { \"id\": 1 } }", "```")),
            ("b.md", Lines("---", "name: agent-b", "description: d", "---", "```json", "{ \"request_type\": {|#1:\"get_x\"|}, \"payload\": { \"id\": 2 } }", "```")),
        },
        Diagnostic("AGEN020").WithLocation(0).WithLocation(1)
            .WithArguments("The request type 'get-x'", "GetXPayload", "the request type 'get_x'", "the payload record of 'get_x' is not generated"),
        Diagnostic("AGEN020").WithLocation(1).WithLocation(0)
            .WithArguments("The request type 'get_x'", "GetXPayload", "the request type 'get-x'", "its payload record is not generated"));

    [Fact]
    public Task Nested_record_that_takes_an_agent_class_name_is_reported_at_both() => VerifyAsync(
        new[]
        {
            ("a.md", Agent("{|#0:get-x-payload|}")),
            ("b.md", Lines("---", "name: agent-b", "description: d", "---", "```json", "{ \"request_type\": {|#1:\"get_x\"|}, \"payload\": { \"agent\": { \"id\": 1 } } }", "```")),
        },
        Diagnostic("AGEN020").WithLocation(0).WithLocation(1)
            .WithArguments("The agent 'get-x-payload'", "GetXPayloadAgent", "a record of the request type 'get_x'", "the payload record of 'get_x' is not generated"),
        Diagnostic("AGEN020").WithLocation(1).WithLocation(0)
            .WithArguments("The request type 'get_x'", "GetXPayloadAgent", "the agent 'get-x-payload' in '" + ShownPathOf("a.md") + "'", "its payload record is not generated"));

    [Fact]
    public Task The_same_request_type_in_two_files_is_one_record_not_a_collision() => VerifyAsync(
        new[]
        {
            ("a.md", Lines("---", "name: agent-a", "description: d", "---", "```json", "{ \"request_type\": \"get_x\", \"payload\": { \"id\": 1 } }", "```")),
            ("b.md", Lines("---", "name: agent-b", "description: d", "---", "```json", "{ \"request_type\": \"get_x\", \"payload\": { \"id\": 2 } }", "```")),
        });

    [Fact]
    public Task A_file_with_errors_takes_no_class_name() => VerifyAsync(
        new[]
        {
            ("a.md", Agent("my-agent", "tools: {|AGEN002:[|}Read")),
            ("b.md", Agent("{|AGEN005:my_agent|}")),
        });
}
