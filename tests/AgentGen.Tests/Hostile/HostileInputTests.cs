using System.Text;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Totality: files built to hurt a parser. For each, the generator does not throw, the analyzer
/// does not throw (no AD0001), generated code compiles and emits, and where a limit is hit the
/// file gets a diagnostic (AGEN021 for the frontmatter and file limits).
/// All of these run the generator and the analyzer on a thread with a 256 KB stack.
/// Counts, everything at once and the fuzzer's regressions are in HostileInputTests.Counts.cs.
/// </summary>
public partial class HostileInputTests
{
    private const string Header = "---\nname: hostile-probe\ndescription: Probes the parser.\ntools: Read, Grep\n";

    private static string Agent(string extraFrontmatter = "", string body = "# Probe\n") => Header + extraFrontmatter + "---\n" + body;

    private static PipelineRun RunOne(string text, bool emit = false) => HostilePipeline.Run(new[] { HostileFile.FromString("probe.md", text) }, emit);

    // ---------------------------------------------------------------- billion laughs

    private static string LaughAnchors(string prefix = "")
    {
        var sb = new StringBuilder();
        sb.Append(prefix).Append("l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int i = 1; i < 12; i++)
        {
            sb.Append(prefix).Append("l").Append(i).Append(": &l").Append(i).Append(" [");
            sb.Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), 9)));
            sb.Append("]\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Billion_laughs_in_metadata_is_kept_as_text_and_never_expanded()
    {
        string text = Agent("bomb:\n" + LaughAnchors("  "));
        PipelineRun run = RunOne(text, emit: true).AssertTotal().AssertReported("AGEN015");
        Assert.True(run.GeneratedAgent("HostileProbeAgent"));
        string source = run.Generated.Source("HostileProbeAgent.g.cs");

        // The metadata value is the YAML text as written: a few hundred characters, not 9^12 "lol"s.
        Assert.Contains("*l10, *l10", source, StringComparison.Ordinal);
        Assert.True(source.Length < 40_000, "generated " + source.Length + " chars");
    }

    [Fact]
    public void Billion_laughs_at_top_level_aliased_into_known_fields_is_a_clean_diagnostic()
    {
        // Anchors in unknown fields, aliases in tools, skills, hooks, description and name.
        string frontmatter = "---\nname: laughing\ndescription: *l3\n" + LaughAnchors() + "tools: *l11\nskills: *l11\nhooks: *l11\nmcpServers: [*l11, *l2]\ndisallowedTools: [Read, *l11]\n---\nBody\n";
        PipelineRun run = RunOne(frontmatter).AssertTotal();
        run.AssertReported("AGEN003"); // description must be a string
        run.AssertReported("AGEN016"); // tools/skills/hooks: wrong type
        Assert.False(run.GeneratedAgent("LaughingAgent"));
    }

    [Fact]
    public void Aliases_as_name_and_in_tool_list_items_are_reported_not_followed()
    {
        string text = "---\nx: &n reviewer\nname: *n\ndescription: d\ntools: [*n, Read]\n---\nBody\n";
        RunOne(text).AssertTotal().AssertReported("AGEN003").AssertReported("AGEN016");
    }

    [Fact]
    public void Billion_laughs_sample_file_from_test_data_generates()
    {
        string path = TestFiles.Agents("invalid").Single(p => p.EndsWith("billion-laughs.md", StringComparison.Ordinal));
        PipelineRun run = RunOne(TestFiles.Read(path), emit: true).AssertTotal().AssertReported("AGEN015");
        Assert.True(run.GeneratedAgent("YamlBombCarrierAgent"));
    }

    // ---------------------------------------------------------------- deep nesting

    public static IEnumerable<object[]> DeepYaml()
    {
        const int N = 10_000;
        yield return new object[] { "flow-seq-closed", "deep: " + new string('[', N) + new string(']', N) + "\n" };
        yield return new object[] { "flow-seq-open", "deep: " + new string('[', N) + "\n" };
        yield return new object[] { "flow-map-open", "deep: " + string.Concat(Enumerable.Repeat("{a: ", N)) + "\n" };
        yield return new object[] { "flow-map-closed", "deep: " + string.Concat(Enumerable.Repeat("{a: ", N)) + "1" + new string('}', N) + "\n" };
        yield return new object[] { "flow-mixed", "deep: " + string.Concat(Enumerable.Repeat("[{a: ", N / 2)) + "\n" };
        yield return new object[] { "braces-only", "deep: " + new string('{', N) + "\n" };
        yield return new object[] { "in-tools", "disallowedTools: " + new string('[', N) + new string(']', N) + "\n" };
        yield return new object[] { "block-seq-one-line", "deep:\n  " + string.Concat(Enumerable.Repeat("- ", N)) + "x\n" };
        yield return new object[] { "block-map-indented", BlockMap(2_000) };
        yield return new object[] { "block-seq-indented", BlockSeq(2_000) };
        yield return new object[] { "key-flow", new string('[', N) + ": x\n" };
        yield return new object[] { "complex-keys", string.Concat(Enumerable.Repeat("? ", N)) + "x\n" };
    }

    private static string BlockMap(int depth)
    {
        var sb = new StringBuilder("deep:\n");
        for (int i = 1; i <= depth; i++)
        {
            sb.Append(' ', i).Append('k').Append(i).Append(":\n");
        }

        return sb.ToString();
    }

    private static string BlockSeq(int depth)
    {
        var sb = new StringBuilder("deep:\n");
        for (int i = 1; i <= depth; i++)
        {
            sb.Append(' ', i).Append("-\n");
        }

        return sb.ToString();
    }

    [Theory]
    [MemberData(nameof(DeepYaml))]
    public void Ten_thousand_levels_of_yaml_nesting_stop_at_the_depth_limit(string kind, string frontmatterLines)
    {
        PipelineRun run = RunOne(Agent(frontmatterLines)).AssertTotal();
        Assert.True(run.DiagnosticIds.Contains("AGEN021") || run.DiagnosticIds.Contains("AGEN002"), kind + ": " + string.Join(", ", run.DiagnosticIds));
        Assert.False(run.GeneratedAgent("HostileProbeAgent"), kind);
    }

    [Fact]
    public void Parser_survives_every_deep_input_on_a_128_KB_stack()
    {
        // The analyzer may run the parser on any thread; the parser's own recursion (JSON values,
        // payload shapes) is bounded by the depth limits, so a small stack is plenty.
        var inputs = DeepYaml().Select(d => Agent((string)d[1]))
            .Concat(DeepJson().Select(d => Agent(body: "```json\n" + (string)d[1] + "\n```\n")))
            .ToList();
        var results = SmallStack.Run(() => inputs.Select(t => global::AgentGen.Parsing.AgentFileParser.Parse("/p/deep.md", t)).ToList(), 128 * 1024);
        Assert.All(results, r => Assert.DoesNotContain(r.Diagnostics, d => d.Descriptor.Id == "AGEN099"));
    }

    [Fact]
    public void Yaml_nesting_at_the_limit_is_accepted_and_one_deeper_is_agen021()
    {
        // The root mapping is level 1, so a value of the unknown field may open MaxDepth - 1 levels.
        int inner = global::AgentGen.Parsing.YamlTree.MaxDepth - 1;
        PipelineRun ok = RunOne(Agent("deep: " + new string('[', inner) + new string(']', inner) + "\n"), emit: true).AssertTotal();
        Assert.True(ok.GeneratedAgent("HostileProbeAgent"), string.Join(", ", ok.DiagnosticIds));
        RunOne(Agent("deep: " + new string('[', inner + 1) + new string(']', inner + 1) + "\n")).AssertTotal().AssertReported("AGEN021");
    }

    public static IEnumerable<object[]> DeepJson()
    {
        const int N = 10_000;
        yield return new object[] { "arrays-closed", new string('[', N) + new string(']', N) };
        yield return new object[] { "arrays-open", new string('[', N) };
        yield return new object[] { "objects-open", string.Concat(Enumerable.Repeat("{\"a\":", N)) };
        yield return new object[] { "objects-closed", string.Concat(Enumerable.Repeat("{\"a\":", N)) + "1" + new string('}', N) };
        yield return new object[] { "braces", new string('{', N) };
        yield return new object[] { "in-payload", "{\"request_type\":\"deep_probe\",\"payload\":{\"levels\":" + new string('[', N) + new string(']', N) + "}}" };
        yield return new object[] { "in-payload-objects", "{\"request_type\":\"deep_probe\",\"payload\":" + string.Concat(Enumerable.Repeat("{\"a\":", N)) + "1" + new string('}', N) + "}" };
    }

    [Theory]
    [MemberData(nameof(DeepJson))]
    public void Ten_thousand_levels_of_json_nesting_are_an_invalid_block(string kind, string json)
    {
        PipelineRun run = RunOne(Agent(body: "# Probe\n\n```json\n" + json + "\n```\n"), emit: true).AssertTotal().AssertReported("AGEN017");
        Assert.True(run.GeneratedAgent("HostileProbeAgent"), kind);
        Assert.False(run.Generated.Has("DeepProbePayload.g.cs"), kind);
    }

    [Fact]
    public void Json_payload_nested_to_the_limit_generates_records_that_compile()
    {
        int levels = global::AgentGen.Parsing.JsonReader.MaxDepth - 2; // the envelope and the payload object are two levels
        string objects = "{\"request_type\":\"deep_probe\",\"payload\":" + string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels) + "}";
        string arrays = "{\"request_type\":\"deep_list\",\"payload\":{\"levels\":" + new string('[', levels - 1) + "1" + new string(']', levels - 1) + "}}";
        PipelineRun run = RunOne(Agent(body: "```json\n" + objects + "\n```\n\n```json\n" + arrays + "\n```\n"), emit: true).AssertTotal().AssertNotReported("AGEN017");
        Assert.True(run.Generated.Has("DeepProbePayload.g.cs"));
        Assert.True(run.Generated.Has("DeepListPayload.g.cs"));
    }

    // ---------------------------------------------------------------- size

    [Fact]
    public void Several_megabyte_file_is_agen021()
    {
        string line = "This line of the body is repeated to make a file of several megabytes.\n";
        var sb = new StringBuilder(Agent());
        while (sb.Length < 5 * 1024 * 1024)
        {
            sb.Append(line);
        }

        PipelineRun run = RunOne(sb.ToString()).AssertTotal().AssertReported("AGEN021");
        Assert.False(run.GeneratedAgent("HostileProbeAgent"));
    }

    [Fact]
    public void File_just_under_the_size_limit_generates_and_emits()
    {
        string line = "Body text, plenty of it; every char of it becomes part of a string literal.\n";
        var sb = new StringBuilder(Agent());
        while (sb.Length + line.Length <= global::AgentGen.Parsing.AgentFileParser.MaxFileLength)
        {
            sb.Append(line);
        }

        PipelineRun run = RunOne(sb.ToString(), emit: true).AssertTotal().AssertNotReported("AGEN021");
        Assert.True(run.GeneratedAgent("HostileProbeAgent"));
    }

    [Fact]
    public void Many_large_files_together_still_emit_an_assembly()
    {
        // Every string literal of an assembly shares one 16 MB heap (CS8103 beyond it): the
        // project-wide budget must stop AgentGen before the user's build breaks at emit time.
        string line = "Large agent body; the project holds many of these and must still build.\n";
        var files = new List<HostileFile>();
        for (int f = 0; f < 12; f++)
        {
            var sb = new StringBuilder("---\nname: large-" + f + "\ndescription: Large agent " + f + ".\n---\n");
            while (sb.Length + line.Length <= global::AgentGen.Parsing.AgentFileParser.MaxFileLength)
            {
                sb.Append(line);
            }

            files.Add(HostileFile.FromString("large-" + f + ".md", sb.ToString()));
        }

        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal().AssertReported("AGEN021");

        // Agents are admitted in name order until the project budget is spent.
        long perFile = global::AgentGen.Parsing.AgentFileParser.MaxFileLength;
        int admitted = (int)(global::AgentGen.Model.ProjectPlan.MaxProjectTextLength / perFile);
        var expected = Enumerable.Range(0, 12).Select(i => "large-" + i).OrderBy(n => n, StringComparer.Ordinal).Take(admitted).ToList();
        foreach (string name in expected)
        {
            Assert.True(run.Generated.Sources.Any(s => s.Value.Contains("AgentName = \"" + name + "\"", StringComparison.Ordinal)), name + " was not generated");
        }

        Assert.Equal(12 - admitted, run.Analyzed.Diagnostics.Count(d => d.Id == "AGEN021"));
        // And what AGEN021 says is true: the generator leaves out exactly those agents (its plan sees
        // the files without their bodies, so it must be given their lengths when the budget is spent).
        foreach (string name in Enumerable.Range(0, 12).Select(i => "large-" + i).Except(expected))
        {
            Assert.False(run.Generated.Sources.Any(s => s.Value.Contains("AgentName = \"" + name + "\"", StringComparison.Ordinal)), name + " was generated although AGEN021 says it is not");
        }
    }

    [Fact]
    public void One_huge_line_without_newlines_is_unclosed_frontmatter()
    {
        string text = "---" + new string('x', 3 * 1024 * 1024);
        RunOne(text).AssertTotal();
        string text2 = "---name: a description: b " + string.Concat(Enumerable.Repeat("---", 300_000));
        RunOne(text2).AssertTotal().AssertReported("AGEN001");
    }

    [Fact]
    public void Huge_single_line_values_generate()
    {
        string big = string.Concat(Enumerable.Repeat("word, ", 30_000)); // 180 KB on one line, five times: under the 1 Mi file limit
        string text = Header.Replace("description: Probes the parser.", "description: \"" + big + "\"") + "notes: " + big + "\n---\n" + big + "\n```json\n{\"request_type\":\"huge_line\",\"payload\":{\"text\":\"" + big + "\"}}\n```\n" + big;
        PipelineRun run = RunOne(text, emit: true).AssertTotal();
        Assert.True(run.GeneratedAgent("HostileProbeAgent"), string.Join(", ", run.DiagnosticIds));
        Assert.True(run.Generated.Has("HugeLinePayload.g.cs"));
    }

    [Fact]
    public void Huge_plain_scalar_and_huge_key_in_frontmatter()
    {
        string big = new string('k', 500_000);
        RunOne(Agent(big + ": v\n")).AssertTotal();
        RunOne(Agent("v: " + big + "\n")).AssertTotal();
        RunOne(Agent("v: " + string.Concat(Enumerable.Repeat("a ", 250_000)) + "\n")).AssertTotal();
        RunOne(Agent("\"" + big + "\": v\n")).AssertTotal();
    }

    // ---------------------------------------------------------------- bytes

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Binary_junk_is_total(int seed)
    {
        var random = new Random(seed);
        byte[] junk = new byte[256 * 1024];
        random.NextBytes(junk);
        RunOne(Encoding.Latin1.GetString(junk)).AssertTotal();
        HostilePipeline.Run(HostileFile.FromBytes("junk.md", junk)).AssertTotal(); // no frontmatter at all: documentation, no AGEN001 (issue 10)

        // Junk inside a frontmatter and inside a body.
        byte[] framed = Concat(Encoding.UTF8.GetBytes("---\n"), junk, Encoding.UTF8.GetBytes("\n---\n"), junk);
        HostilePipeline.Run(HostileFile.FromBytes("framed.md", framed)).AssertTotal();
        byte[] body = Concat(Encoding.UTF8.GetBytes(Agent(body: "")), junk);
        PipelineRun run = HostilePipeline.Run(new[] { HostileFile.FromBytes("body.md", body) }, emit: true).AssertTotal();
        Assert.True(run.GeneratedAgent("HostileProbeAgent"), string.Join(", ", run.DiagnosticIds));
    }

    [Fact]
    public void Invalid_utf8_is_decoded_as_the_compiler_does_and_generates()
    {
        byte[][] invalid =
        {
            new byte[] { 0xC3, 0x28 },             // bad continuation
            new byte[] { 0xFF, 0xFE, 0xFD },       // never valid
            new byte[] { 0xC0, 0xAF },             // overlong '/'
            new byte[] { 0xED, 0xA0, 0x80 },       // an encoded lone surrogate
            new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // beyond U+10FFFF
            new byte[] { 0xE2, 0x82 },             // truncated sequence
        };
        foreach (byte[] bad in invalid)
        {
            byte[] bytes = Concat(
                Encoding.UTF8.GetBytes("---\nname: bytes-probe\ndescription: Bad "),
                bad,
                Encoding.UTF8.GetBytes(" bytes.\nnote: \""),
                bad,
                Encoding.UTF8.GetBytes("\"\n---\nBody with "),
                bad,
                Encoding.UTF8.GetBytes(" inside.\n"));
            HostileFile file = HostileFile.FromBytes("bytes.md", bytes);
            PipelineRun run = HostilePipeline.Run(new[] { file }, emit: true).AssertTotal();
            Assert.True(run.GeneratedAgent("BytesProbeAgent"), BitConverter.ToString(bad) + ": " + string.Join(", ", run.DiagnosticIds));
        }
    }

    [Fact]
    public void Utf16_and_utf8_bom_files_are_read()
    {
        string text = Agent(body: "Body \u00e9\u4e2d\n");
        foreach (Encoding encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true) })
        {
            byte[] bytes = Concat(encoding.GetPreamble(), encoding.GetBytes(text));
            PipelineRun run = HostilePipeline.Run(new[] { HostileFile.FromBytes("bom.md", bytes) }, emit: true).AssertTotal();
            Assert.True(run.GeneratedAgent("HostileProbeAgent"), encoding.EncodingName);
        }
    }

    [Fact]
    public void Nul_characters_everywhere_are_total()
    {
        RunOne("\0\0\0").AssertTotal().AssertNotReported("AGEN001"); // no frontmatter at all: documentation (issue 10)
        RunOne("---\0\nname: a\ndescription: b\n---\n").AssertTotal().AssertReported("AGEN001");
        RunOne("---\nname: a\0b\ndescription: b\n---\n").AssertTotal().AssertReported("AGEN002");
        RunOne("---\nname: nul-probe\ndescription: \"with \\0 escaped\"\n---\nBody \0 with \0\0 NULs\0").AssertTotal();
        RunOne("---\nname: nul-probe\ndescription: d\n\0: x\n---\n").AssertTotal();
        PipelineRun run = RunOne("---\nname: nul-probe\ndescription: \"nul \\0 here\"\nmeta: \"\\0\"\n---\n\0Body\0\n```json\n{\"request_type\":\"nul\\u0000type\",\"payload\":{\"k\\u0000\":\"\\u0000\"}}\n```\n\0", emit: true).AssertTotal();
        Assert.True(run.GeneratedAgent("NulProbeAgent"), string.Join(", ", run.DiagnosticIds));
        Assert.True(run.Generated.Has("NulTypePayload.g.cs"));
    }
}
