using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;
using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Parsing;

/// <summary>AgentFileParser.Parse on its own: the model it builds, the messages it finds, and that it is total.</summary>
public class AgentFileParserTests
{
    private const string Path = "/project/.claude/agents/test.md";

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static AgentParseResult Parse(string text, IReadOnlyCollection<string>? knownTools = null) => AgentFileParser.Parse(Path, text, knownTools);

    private static AgentFileModel ParseModel(string text)
    {
        AgentParseResult result = Parse(text);
        Assert.True(result.Model is not null, "no model: " + string.Join("; ", result.Diagnostics.Select(d => d.Descriptor.Id + " " + d.Message)));
        return result.Model!;
    }

    private static AgentParseResult ParseFile(string folder, string name)
        => AgentFileParser.Parse(Path, TestFiles.Read(System.IO.Path.Combine(TestFiles.Root, "Agents", folder, name)));

    private static string At(string text, SourceSpan span) => text.Substring(span.Start, span.Length);

    // ---- the model ----

    [Fact]
    public void Model_holds_the_fields_as_written()
    {
        string text = Lines(
            "---",
            "name: diff-summarizer",
            "description: Summarizes a diff.",
            "tools: Read, Grep, Bash(git diff:*), mcp__github__get_issue",
            "disallowedTools: WebFetch(domain:example.com)",
            "model: claude-sonnet-4-20250514",
            "---",
            "# Diff Summarizer",
            "",
            "Body line.");
        AgentParseResult result = Parse(text);
        AgentFileModel model = result.Model!;

        Assert.Equal(Path, model.Path);
        Assert.Equal("diff-summarizer", model.Name);
        Assert.Equal("diff-summarizer", At(text, model.NameSpan));
        Assert.Equal("Summarizes a diff.", model.Description);
        Assert.Equal("claude-sonnet-4-20250514", model.Model);
        Assert.False(model.InheritsAllTools);
        Assert.Equal(new[] { "Read", "Grep", "Bash", "mcp__github__get_issue" }, model.Tools);
        Assert.Equal(new[] { "WebFetch" }, model.DisallowedTools);
        Assert.Equal("# Diff Summarizer\n\nBody line.\n", model.Instructions);
        Assert.Empty(model.Metadata);
        Assert.Equal("DiffSummarizerAgent", model.ClassName);
    }

    [Fact]
    public void Absent_tools_inherits_every_tool()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "---"));
        Assert.True(model.InheritsAllTools);
        Assert.Empty(model.Tools);
        Assert.Null(model.Model);
    }

    [Fact]
    public void Empty_tools_list_means_no_tools_not_every_tool()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "tools: []", "---"));
        Assert.False(model.InheritsAllTools);
        Assert.Empty(model.Tools);
    }

    [Fact]
    public void Block_and_flow_lists_keep_file_order_and_split_comma_items()
    {
        Assert.Equal(new[] { "Write", "Read", "Grep", "Glob" }, ParseModel(Lines("---", "name: a", "description: d", "tools:", "  - Write", "  - Read, Grep", "  - Glob", "---")).Tools);
        Assert.Equal(new[] { "Read", "Bash", "Edit" }, ParseModel(Lines("---", "name: a", "description: d", "tools: [Read, 'Bash(npm test:*)', \"Edit\"]", "---")).Tools);
    }

    [Fact]
    public void Duplicate_tool_is_listed_once()
    {
        AgentParseResult result = Parse(Lines("---", "name: a", "description: d", "tools: Read, Grep, Read", "---"));
        Assert.Equal(new[] { "Read", "Grep" }, result.Model!.Tools);
        Assert.Equal("AGEN010", Assert.Single(result.Diagnostics).Descriptor.Id);
    }

    [Fact]
    public void Folded_description_joins_its_lines()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: >-", "  First part,", "  second part.", "", "  New paragraph.", "---"));
        Assert.Equal("First part, second part.\nNew paragraph.", model.Description);
    }

    [Fact]
    public void Literal_description_keeps_its_lines()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: |", "  user: hello", "  assistant: hi", "---"));
        Assert.Equal("user: hello\nassistant: hi\n", model.Description);
    }

    [Fact]
    public void Crlf_and_bom_give_the_same_model_as_lf()
    {
        string lf = Lines("---", "name: a", "description: |", "  one", "  two", "tools: Read", "category: x", "---", "# Body", "", "text");
        string crlf = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);
        AgentFileModel a = ParseModel(lf);
        AgentFileModel b = ParseModel(crlf);
        Assert.Equal(a.Description, b.Description);
        Assert.Equal(a.Instructions, b.Instructions);
        Assert.Equal(a.Metadata, b.Metadata);
        Assert.Equal("# Body\n\ntext\n", b.Instructions);
        Assert.Equal("a", crlf.Substring(b.NameSpan.Start, b.NameSpan.Length));
    }

    [Fact]
    public void Body_is_empty_when_the_file_ends_at_the_closing_dashes()
    {
        Assert.Equal(string.Empty, ParseModel("---\nname: a\ndescription: d\n---").Instructions);
    }

    [Fact]
    public void Body_keeps_later_dashes_and_frontmatter_like_text()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "---", "---", "name: not-a-field", "---"));
        Assert.Equal("---\nname: not-a-field\n---\n", model.Instructions);
    }

    // ---- metadata ----

    [Fact]
    public void Metadata_scalar_is_the_value_as_written()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "use_for: complex, enterprise", "category: \"backend\"", "rank: 3", "empty:", "---"));
        Assert.Equal(
            new[] { new KeyValue("use_for", "complex, enterprise"), new KeyValue("category", "backend"), new KeyValue("rank", "3"), new KeyValue("empty", string.Empty) },
            model.Metadata);
    }

    [Fact]
    public void Metadata_block_map_is_its_source_text_without_the_file_indentation()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "owners:", "  team: platform", "  pager:", "    - alice", "    - bob", "", "# trailing comment", "model: sonnet", "---"));
        KeyValue owners = Assert.Single(model.Metadata);
        Assert.Equal("owners", owners.Key);
        Assert.Equal("team: platform\npager:\n  - alice\n  - bob", owners.Value);
    }

    [Fact]
    public void Metadata_flow_collection_is_its_source_text()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "labels: [ops, \"on-call\"]", "limits: {cpu: 2}", "---"));
        Assert.Equal(new[] { new KeyValue("labels", "[ops, \"on-call\"]"), new KeyValue("limits", "{cpu: 2}") }, model.Metadata);
    }

    [Fact]
    public void Metadata_block_list_is_its_source_text()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "aliases:", "- first", "- second", "---"));
        Assert.Equal("- first\n- second", Assert.Single(model.Metadata).Value);
    }

    [Fact]
    public void Misspelled_known_field_is_kept_in_metadata_and_not_read_as_the_field()
    {
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "Tools: Read", "---"));
        Assert.True(model.InheritsAllTools);
        Assert.Equal(new[] { new KeyValue("Tools", "Read") }, model.Metadata);
    }

    [Fact]
    public void Known_optional_fields_are_typed_and_not_in_metadata()
    {
        AgentFileModel model = ParseFile("valid", "all-known-fields.md").Model!;
        AgentOptionalFields o = model.Optional;
        Assert.Empty(model.Metadata);
        Assert.Equal("cyan", o.Color);
        Assert.Equal("dontAsk", o.PermissionMode);
        Assert.Equal(40, o.MaxTurns);
        Assert.Equal(new[] { "benchmark-compare" }, o.Skills!.Value);
        Assert.Equal(new[] { "metrics", "results-store" }, o.McpServers!.Value);
        Assert.Equal("PostToolUse:\n  - matcher: \"Bash\"\n    hooks:\n      - type: command\n        command: \"./scripts/record-command.sh\"", o.Hooks);
        Assert.Equal("project", o.Memory);
        Assert.True(o.Background);
        Assert.False(o.OmitClaudeMd);
        Assert.Equal("medium", o.Effort);
        Assert.Equal("worktree", o.Isolation);
        Assert.Equal("Run tonight's benchmarks and compare them with the last run.", o.InitialPrompt);
        Assert.Equal("streamingResults: true", o.Experimental);
        Assert.Equal(new[] { "Read", "Write", "Bash", "Glob", "mcp__metrics__query" }, model.Tools);
        Assert.Equal(new[] { "WebFetch" }, model.DisallowedTools);
    }

    // ---- messages ----

    [Fact]
    public void Messages_come_from_json_blocks_with_a_string_request_type_and_an_object_payload()
    {
        string text = TestFiles.Read(System.IO.Path.Combine(TestFiles.Root, "Agents", "valid", "protocol-rich-payload.md"));
        AgentParseResult result = AgentFileParser.Parse(Path, text);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "reserve_stock", "create_shipping_label" }, result.Model!.Messages.Select(m => m.RequestType));

        MessageModel reserve = result.Model.Messages[0];
        Assert.Equal("order-coordinator", reserve.RequestingAgent);
        Assert.Equal("\"reserve_stock\"", At(text, reserve.RequestTypeSpan));
        Assert.Equal("\"order-coordinator\"", At(text, reserve.RequestingAgentSpan));
        Assert.StartsWith("{\n  \"requesting_agent\": \"order-coordinator\",\n  \"request_type\": \"reserve_stock\",", reserve.ExampleJson, StringComparison.Ordinal);
        Assert.EndsWith("}\n", reserve.ExampleJson, StringComparison.Ordinal);

        var shape = reserve.Payload.Properties.ToDictionary(p => p.JsonName, p => PayloadShapes.Describe(p.Shape) + (p.Nullable ? "?" : string.Empty));
        Assert.Equal("long", shape["order_id"]);
        Assert.Equal("int", shape["priority"]);
        Assert.Equal("bool", shape["express"]);
        Assert.Equal("null?", shape["gift_message"]);
        Assert.Equal("double", shape["total"]);
        Assert.Equal("list of object", shape["lines"]);
        Assert.Equal("object", shape["ship_to"]);
        Assert.Equal("list of string", shape["tags"]);
    }

    [Theory]
    [InlineData("{ \"agent\": \"x\", \"status\": \"waiting\", \"progress\": { \"open\": 3 } }")]
    [InlineData("{ \"request_type\": 7, \"payload\": {} }")]
    [InlineData("{ \"request_type\": \"x\", \"payload\": [1] }")]
    [InlineData("{ \"request_type\": \"x\", \"payload\": \"text\" }")]
    [InlineData("{ \"request_type\": \"x\" }")]
    [InlineData("{ \"request_type\": \"   \", \"payload\": {} }")]
    [InlineData("[{ \"request_type\": \"x\", \"payload\": {} }]")]
    [InlineData("\"request_type\"")]
    public void Json_that_is_not_a_request_defines_no_message(string json)
    {
        AgentParseResult result = Parse(Lines("---", "name: a", "description: d", "---", "```json", json, "```"));
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Model!.Messages);
    }

    [Fact]
    public void Only_json_fences_are_read()
    {
        string request = "{ \"request_type\": \"x\", \"payload\": {} }";
        AgentFileModel model = ParseModel(Lines("---", "name: a", "description: d", "---", "```js", request, "```", "```", request, "```", "    " + request, "```JSON", request.Replace("\"x\"", "\"y\"", StringComparison.Ordinal), "```"));
        Assert.Equal(new[] { "y" }, model.Messages.Select(m => m.RequestType));
    }

    [Fact]
    public void Json_inside_a_four_backtick_fence_is_not_a_block()
    {
        AgentParseResult result = ParseFile("valid", "four-backtick-fence.md");
        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.Model!.Messages);
    }

    [Fact]
    public void Json_block_in_an_unclosed_fence_runs_to_the_end_of_the_file()
    {
        AgentFileModel model = ParseModel("---\nname: a\ndescription: d\n---\n```json\n{ \"request_type\": \"late\", \"payload\": { \"n\": 1 } }\n");
        Assert.Equal("late", Assert.Single(model.Messages).RequestType);
    }

    [Fact]
    public void Invalid_json_block_is_a_warning_and_the_agent_is_still_built()
    {
        AgentParseResult result = ParseFile("invalid", "invalid-json-block.md");
        Assert.NotNull(result.Model);
        Assert.Empty(result.Model!.Messages);
        Assert.Equal("AGEN017", Assert.Single(result.Diagnostics).Descriptor.Id);
    }

    // ---- results with errors ----

    [Fact]
    public void File_with_an_error_has_no_model_but_keeps_its_name()
    {
        string text = Lines("---", "name: acme:auditor", "description: d", "---");
        AgentParseResult result = Parse(text);
        Assert.Null(result.Model);
        Assert.Equal("acme:auditor", result.Name);
        Assert.Equal("acme:auditor", At(text, result.NameSpan));
    }

    [Fact]
    public void Warnings_do_not_prevent_the_model()
    {
        AgentParseResult result = Parse(Lines("---", "name: StockReconciler", "description: d", "tools: Reed", "model: sonet", "category: x", "---"));
        Assert.NotNull(result.Model);
        Assert.Equal(new[] { "AGEN005", "AGEN007", "AGEN013", "AGEN015" }, result.Diagnostics.Select(d => d.Descriptor.Id).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Unknown_tools_stay_in_the_model()
    {
        Assert.Equal(new[] { "Read", "npm" }, ParseModel(Lines("---", "name: a", "description: d", "tools: Read, npm", "---")).Tools);
    }

    [Fact]
    public void Extra_known_tools_are_not_reported()
    {
        AgentParseResult result = Parse(Lines("---", "name: a", "description: d", "tools: Read, npm", "---"), new[] { "npm" });
        Assert.Empty(result.Diagnostics);
    }

    // ---- AGEN002 messages for values that run on, text after a closing quote, repeated fields ----

    [Fact]
    public void Unquoted_colon_on_one_line_says_to_quote_the_value()
    {
        string text = Lines("---", "name: a", "description: Reviews plans. Triggers on: review, plan   # a comment", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("AGEN002", d.Descriptor.Id);
        Assert.Equal(":", At(text, d.Span));
        Assert.Equal("The frontmatter is not valid YAML: the value of 'description' contains ': ', which YAML reads as the start of another field; quote the value", d.Message);
    }

    [Fact]
    public void Value_running_on_over_lines_that_are_not_fields_says_to_write_a_block()
    {
        string text = Lines("---", "name: a", "description: Use it. Examples:", "<example>", "user: \"hi\"", "</example>", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("The frontmatter is not valid YAML: the value of 'description' (line 3) runs on over lines that are not fields (line 4: '<example>'), which YAML reads as new fields; write the value as a block (`description: |` with all its lines indented)", d.Message);
    }

    [Fact]
    public void Prose_line_where_a_field_should_be_says_the_value_runs_on()
    {
        string text = Lines("---", "name: a", "description: Writes notes", "and groups them by area", "tools: Read", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("The frontmatter is not valid YAML: the value of 'description' (line 3) runs on over lines that are not fields (line 4: 'and groups them by area'), which YAML reads as new fields; write the value as a block (`description: |` with all its lines indented)", d.Message);
    }

    [Fact]
    public void Text_after_a_closing_quote_names_the_field_and_column()
    {
        string text = Lines("---", "name: a", "description: \"Reviews\" for style", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("The frontmatter is not valid YAML: text follows the closing quote of the value of 'description' (column 22); put the whole value, quotes included, in double quotes, or remove the quotes", d.Message);
    }

    [Fact]
    public void Quote_inside_a_quoted_value_says_to_escape_it()
    {
        string text = Lines("---", "name: a", "description: \"Explains \"idempotent\" calls\"", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics);
        Assert.Equal("The frontmatter is not valid YAML: the value of 'description' contains the quote \" (column 24) that also encloses it, so the value ends there; write \\\" for each quote inside", d.Message);
    }

    [Fact]
    public void Field_repeated_by_dialogue_lines_says_they_continue_the_value()
    {
        string text = Lines("---", "name: a", "description: Routes tickets.", "user: \"a\"", "assistant: \"b\"", "user: \"c\"", "---");
        DiagnosticInfo d = Assert.Single(Parse(text).Diagnostics, d => d.Descriptor.Id == "AGEN002");
        Assert.Equal("The frontmatter is not valid YAML: the field 'user' appears more than once: lines 4-6 read as fields but continue the value of 'description' (line 3), as an example dialogue does; write that value as a block (`description: |` with all its lines indented)", d.Message);
    }

    [Fact]
    public void Known_field_repeated_keeps_the_plain_message()
    {
        DiagnosticInfo d = Assert.Single(Parse(Lines("---", "name: a", "description: d", "name: b", "---")).Diagnostics);
        Assert.Equal("The frontmatter is not valid YAML: the field 'name' appears more than once", d.Message);
    }

    [Theory]
    [InlineData("tools: Reed", "AGEN007", "Read")]
    [InlineData("tools: Task", "AGEN009", "Agent")]
    [InlineData("Tools: Read", "AGEN014", "tools")]
    public void Name_fixes_carry_the_replacement(string line, string id, string replacement)
    {
        DiagnosticInfo d = Assert.Single(Parse(Lines("---", "name: a", "description: d", line, "---")).Diagnostics);
        Assert.Equal(id, d.Descriptor.Id);
        Assert.Equal(replacement, d.Properties!["Replacement"]);
    }

    [Fact]
    public void Unknown_tool_without_a_close_match_has_no_replacement()
    {
        DiagnosticInfo d = Assert.Single(Parse(Lines("---", "name: a", "description: d", "tools: docker", "---")).Diagnostics);
        Assert.Null(d.Properties);
    }

    // ---- totality ----

    [Fact]
    public void Parsing_is_deterministic()
    {
        foreach (string path in TestFiles.Agents("valid").Concat(TestFiles.Agents("invalid")))
        {
            string text = TestFiles.Read(path);
            AgentParseResult a = AgentFileParser.Parse(Path, text);
            AgentParseResult b = AgentFileParser.Parse(Path, text);
            Assert.Equal(a.Model, b.Model);
            Assert.Equal(a.Diagnostics.Select(d => (d.Descriptor.Id, d.Span, d.Message)), b.Diagnostics.Select(d => (d.Descriptor.Id, d.Span, d.Message)));
        }
    }

    [Fact]
    public void Every_prefix_of_every_corpus_file_parses_without_an_internal_error()
    {
        foreach (string path in TestFiles.Agents("valid").Concat(TestFiles.Agents("invalid")))
        {
            string text = TestFiles.Read(path);
            for (int length = 0; length <= text.Length; length++)
            {
                AssertTotal(text.Substring(0, length), System.IO.Path.GetFileName(path) + " cut at " + length);
            }
        }
    }

    [Fact]
    public void Valid_files_with_one_frontmatter_character_replaced_parse_without_an_internal_error()
    {
        const string replacements = ":-[{\"'|>&\t\n";
        foreach (string path in TestFiles.Agents("valid"))
        {
            string text = TestFiles.Read(path);
            int frontmatterEnd = Math.Min(text.Length, text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4);
            for (int i = 0; i < frontmatterEnd; i++)
            {
                foreach (char c in replacements)
                {
                    AssertTotal(text.Substring(0, i) + c + text.Substring(i + 1), $"{System.IO.Path.GetFileName(path)} with '{c}' at {i}");
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("---")]
    [InlineData("---\n---")]
    [InlineData("---\r---\r")]
    [InlineData("---\n: \n---\n")]
    [InlineData("---\n? \n---\n")]
    [InlineData("---\n&a\n---\n")]
    [InlineData("---\n*a\n---\n")]
    [InlineData("---\n!!binary x\n---\n")]
    [InlineData("---\n%YAML 1.2\n---\n")]
    [InlineData("---\nname: a\n...\nmore: b\n---\n")]
    [InlineData("---\nname: a\ndescription: d\n---\n```json\n")]
    [InlineData("---\nname: a\ndescription: d\n---\n```json\n\"\\ud800\"\n```\n")]
    [InlineData("---\nname: \"\\ud800\"\ndescription: d\n---\n")]
    [InlineData("---\nname: a\ndescription: d\ntools: (((\n---\n")]
    [InlineData("---\nname: a\ndescription: d\ntools: ))), ,,\n---\n")]
    public void Odd_inputs_parse_without_an_internal_error(string text) => AssertTotal(text, text);

    private static void AssertTotal(string text, string what)
    {
        AgentParseResult result = AgentFileParser.Parse(Path, text);
        foreach (DiagnosticInfo d in result.Diagnostics)
        {
            Assert.True(d.Descriptor.Id != "AGEN099", what + ": " + d.Message);
            Assert.True(d.Span.Start >= 0 && d.Span.End <= text.Length, what + ": span out of range for " + d.Descriptor.Id);
        }

        Assert.True(result.Model is null || !result.Diagnostics.Any(d => d.IsError), what + ": a model despite errors");
    }
}
