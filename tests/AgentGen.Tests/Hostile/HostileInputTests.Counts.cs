using System.Text;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Hostile;

/// <summary>Totality at the count limits (tools, json blocks, payload properties), everything at once, and regressions found by the fuzzer.</summary>
public partial class HostileInputTests
{
    // ---------------------------------------------------------------- counts

    [Fact]
    public void More_tools_than_the_limit_are_agen021()
    {
        string tools = string.Join(", ", Enumerable.Range(0, global::AgentGen.Parsing.AgentFileParser.MaxTools + 1).Select(i => "mcp__s__t" + i));
        RunOne("---\nname: too-many\ndescription: d\ntools: " + tools + "\n---\n").AssertTotal().AssertReported("AGEN021");
        RunOne("---\nname: too-many\ndescription: d\ndisallowedTools: " + tools + "\n---\n").AssertTotal().AssertReported("AGEN021");
        string list = string.Join("\n", Enumerable.Range(0, 50_000).Select(i => "  - T" + i));
        RunOne("---\nname: too-many\ndescription: d\ntools:\n" + list + "\ndisallowedTools:\n" + list + "\n---\n").AssertTotal().AssertReported("AGEN021");
    }

    [Fact]
    public void Thousands_of_tools_generate_and_compile()
    {
        const int N = global::AgentGen.Parsing.AgentFileParser.MaxTools;
        var tools = new StringBuilder();
        var disallowed = new StringBuilder();
        for (int i = 0; i < N; i++)
        {
            tools.Append(i == 0 ? "" : ", ").Append(i % 2 == 0 ? "mcp__server" + (i % 50) + "__tool-" + i : "Custom" + i);
            disallowed.Append(i == 0 ? "" : ", ").Append("mcp__other" + i + "__x");
        }

        string text = "---\nname: many-tools\ndescription: Holds thousands of tools.\ntools: " + tools + "\ndisallowedTools: " + disallowed + "\n---\nBody\n";
        PipelineRun run = RunOne(text, emit: true).AssertTotal();
        Assert.True(run.GeneratedAgent("ManyToolsAgent"), string.Join(", ", run.DiagnosticIds.Distinct()));
        Assert.Contains("McpServer2Tool2,", run.Generated.Source("AgentTool.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_duplicate_and_overlapping_tools_are_total()
    {
        const int N = global::AgentGen.Parsing.AgentFileParser.MaxTools;
        string same = string.Join(", ", Enumerable.Repeat("Read", N));
        string list = string.Join("\n", Enumerable.Range(0, N).Select(i => "  - Tool" + i));
        string text = "---\nname: many-tools\ndescription: d\ntools:\n" + list + "\ndisallowedTools:\n" + list + "\nskills: " + same + "\n---\nBody\n";
        RunOne(text, emit: true).AssertTotal().AssertReported("AGEN012");
        RunOne("---\nname: many-tools\ndescription: d\ntools: " + same + "\n---\n", emit: true).AssertTotal().AssertReported("AGEN010");
    }

    [Fact]
    public void Thousands_of_agent_files_with_distinct_tools()
    {
        var files = new List<HostileFile>();
        for (int i = 0; i < 300; i++)
        {
            files.Add(HostileFile.FromString("agent-" + i + ".md", "---\nname: agent-" + i + "\ndescription: Agent " + i + ".\ntools: Read, mcp__srv" + i + "__do-it, Tool" + i + "\n---\nBody " + i + "\n"));
        }

        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal();
        Assert.True(run.GeneratedAgent("Agent299Agent"));
    }

    [Fact]
    public void Thousands_of_json_blocks_hit_the_block_limit()
    {
        var body = new StringBuilder("# Many blocks\n");
        for (int i = 0; i < 3_000; i++)
        {
            body.Append("```json\n{\"request_type\":\"same_type\",\"payload\":{\"n\":").Append(i).Append("}}\n```\n");
        }

        RunOne(Agent(body: body.ToString())).AssertTotal().AssertReported("AGEN021");
    }

    [Fact]
    public void Json_blocks_up_to_the_limit_with_distinct_types_generate_records()
    {
        var body = new StringBuilder("# Many blocks\n");
        for (int i = 0; i < global::AgentGen.Parsing.AgentFileParser.MaxJsonBlocks; i++)
        {
            string type = i % 4 == 0 ? "shared_type" : "type_" + i;
            body.Append("```json\n{\"request_type\":\"").Append(type).Append("\",\"payload\":{\"n").Append(i % 7).Append("\":").Append(i % 3 == 0 ? "\"s\"" : i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("}}\n```\n");
        }

        PipelineRun run = RunOne(Agent(body: body.ToString()), emit: true).AssertTotal().AssertNotReported("AGEN021");
        Assert.True(run.Generated.Has("Type999Payload.g.cs"));
        Assert.True(run.Generated.Has("SharedTypePayload.g.cs"));
    }

    [Fact]
    public void Payload_with_thousands_of_keys_in_many_examples_is_total()
    {
        var keys = string.Join(",", Enumerable.Range(0, 5_000).Select(i => "\"key_" + i + "\":" + i));
        var otherKeys = string.Join(",", Enumerable.Range(2_500, 5_000).Select(i => "\"key_" + i + "\":\"s\""));
        string body = "```json\n{\"request_type\":\"wide\",\"payload\":{" + keys + "}}\n```\n```json\n{\"request_type\":\"wide\",\"payload\":{" + otherKeys + "}}\n```\n";
        PipelineRun run = RunOne(Agent(body: body), emit: true).AssertTotal().AssertReported("AGEN021");
        Assert.True(run.GeneratedAgent("HostileProbeAgent"));
        Assert.False(run.Generated.Has("WidePayload.g.cs"));
    }

    [Fact]
    public void Examples_that_each_fit_but_together_exceed_the_property_limit_are_agen021()
    {
        var body = new StringBuilder();
        for (int block = 0; block < 1_000; block++)
        {
            body.Append("```json\n{\"request_type\":\"growing\",\"payload\":{");
            body.Append(string.Join(",", Enumerable.Range(0, 100).Select(i => "\"k" + block + "_" + i + "\":1")));
            body.Append("}}\n```\n");
        }

        PipelineRun run = RunOne(Agent(body: body.ToString()), emit: true).AssertTotal().AssertReported("AGEN021");
        Assert.False(run.Generated.Has("GrowingPayload.g.cs"));
    }

    [Fact]
    public void Payload_at_the_property_limit_generates()
    {
        int n = global::AgentGen.Model.ProjectPlan.MaxPayloadProperties;
        string keys = string.Join(",", Enumerable.Range(0, n).Select(i => "\"key_" + i + "\":" + i));
        PipelineRun run = RunOne(Agent(body: "```json\n{\"request_type\":\"wide\",\"payload\":{" + keys + "}}\n```\n"), emit: true).AssertTotal().AssertNotReported("AGEN021");
        Assert.True(run.Generated.Has("WidePayload.g.cs"));
    }

    // ---------------------------------------------------------------- everything

    [Fact]
    public void Everything_at_once()
    {
        var random = new Random(7);
        byte[] junk = new byte[16 * 1024];
        random.NextBytes(junk);
        string junkText = Encoding.Latin1.GetString(junk);
        var sb = new StringBuilder();
        sb.Append("---\nname: \"every\\0thing\\u202E-at-once\"\ndescription: \"All of it: \\\" \\\\ */ </summary> #line 1 \\u2028 \\U0001F600 \\x00\"\n");
        sb.Append("tools: ").Append(string.Join(", ", Enumerable.Range(0, 900).Select(i => "mcp__s" + i + "__t"))).Append('\n');
        sb.Append("bomb:\n").Append(LaughAnchors("  "));
        sb.Append("deep: ").Append(new string('[', 60)).Append(new string(']', 60)).Append('\n');
        sb.Append("---\n");
        sb.Append(junkText).Append('\n');
        sb.Append("```json\n").Append(new string('[', 10_000)).Append("\n```\n");
        for (int i = 0; i < 990; i++)
        {
            sb.Append("```json\n{\"request_type\":\"t").Append(i).Append("\",\"payload\":{\"k\\u202E\":\"\\u0000\"}}\n```\n");
        }

        sb.Append('\0').Append(new string('z', 200_000)).Append("\uD800");
        string text = sb.ToString();

        var files = new List<HostileFile>
        {
            HostileFile.FromString("everything.md", text),
            HostileFile.FromString("everything-lf.md", text.Replace("name: \"every", "name: \"lf-every", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)),
            HostileFile.FromString("deep.md", Agent("deep: " + new string('{', 10_000) + "\n")),
            HostileFile.FromBytes("junk.md", junk),
            HostileFile.FromString("fine.md", Agent()),
        };
        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal().AssertReported("AGEN021").AssertReported("AGEN017");
        Assert.True(run.GeneratedAgent("HostileProbeAgent"));
        Assert.True(run.GeneratedAgent("EveryThingAtOnceAgent"), string.Join(", ", run.DiagnosticIds.Distinct()));
        Assert.True(run.GeneratedAgent("LfEveryThingAtOnceAgent"), string.Join(", ", run.DiagnosticIds.Distinct()));
        Assert.True(run.Generated.Has("T989Payload.g.cs"));

        // 991 ```json blocks so far; ten more are too many.
        string tooMany = text.Replace("\n\0", "\n" + string.Concat(Enumerable.Repeat("```json\n{}\n```\n", global::AgentGen.Parsing.AgentFileParser.MaxJsonBlocks - 990)) + "\0", StringComparison.Ordinal);
        HostilePipeline.Run(HostileFile.FromString("too-many.md", tooMany)).AssertTotal().AssertReported("AGEN021");
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    // ---------------------------------------------------------------- regressions found by the fuzzer

    [Theory]
    [InlineData("x: {b: c\nd: e\n")]                  // unclosed flow mapping, then another line
    [InlineData("mcpServers: {github: {command: run}\nmodel: sonnet\n")]
    [InlineData("ef\"payload\": {fort: high\nx: y\n")] // found by the first fuzz run
    [InlineData("\"a\": {b: c\nd: e\n")]
    public void YamlDotNet_InvalidOperationException_on_unclosed_flow_mapping_is_agen002(string lines)
    {
        // YamlDotNet 16.3 throws InvalidOperationException from Scanner.ScanPlainScalar here; it was
        // reported as AGEN099 ("please report this") instead of invalid YAML.
        RunOne(Agent(lines)).AssertTotal().AssertReported("AGEN002").AssertNotReported("AGEN099");
    }
}
