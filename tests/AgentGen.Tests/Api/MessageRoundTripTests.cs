using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentGen.Model;
using AgentGen.Parsing;
using JsonNode = System.Text.Json.Nodes.JsonNode;
using AgentGen.Tests.Infrastructure;

namespace AgentGen.Tests.Api;

/// <summary>Contract §4: every ```json example is a test vector for its generated record.</summary>
public class MessageRoundTripTests
{
    public static IEnumerable<object[]> ExampleFiles() =>
        TestFiles.SampleAgents().Concat(TestFiles.Agents("valid"))
            .Where(p => AgentFileParser.Parse(p, TestFiles.Read(p)).Model?.Messages.Count > 0)
            .Select(p => new object[] { Path.GetFileName(p) });

    private static readonly Lazy<(Assembly Assembly, List<(string File, MessageModel Message)> Examples)> s_build = new(() =>
    {
        var harness = new GeneratorHarness();
        var examples = new List<(string, MessageModel)>();
        foreach (string path in TestFiles.SampleAgents().Concat(TestFiles.Agents("valid")))
        {
            string text = TestFiles.Read(path);
            harness.Agent(Path.GetFileName(path), text);
            AgentParseResult parsed = AgentFileParser.Parse(path, text);
            if (parsed.Model is not null)
            {
                examples.AddRange(parsed.Model.Messages.Select(m => (Path.GetFileName(path), m)));
            }
        }

        return (GeneratedAssembly.Load(harness.Run()), examples);
    });

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Every_json_example_round_trips_through_its_record(string file)
    {
        (Assembly asm, List<(string File, MessageModel Message)> examples) = s_build.Value;
        var mine = examples.Where(e => e.File == file).ToList();
        Assert.NotEmpty(mine);
        foreach ((_, MessageModel message) in mine)
        {
            Type payload = asm.Type(Naming.PayloadRecordName(message.RequestType));
            Assert.Equal(message.RequestType, payload.GetField("RequestType")!.GetRawConstantValue());
            Type envelope = typeof(AgentRequest<>).MakeGenericType(payload);
            object request = JsonSerializer.Deserialize(message.ExampleJson, envelope)!;
            string back = JsonSerializer.Serialize(request, envelope);
            JsonNode expected = WithoutExtraKeys(JsonNode.Parse(message.ExampleJson)!);
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(back)), $"{file} {message.RequestType}:\n{message.ExampleJson}\n---\n{back}");
        }
    }

    [Fact]
    public void The_test_files_document_enough_examples()
    {
        // sample: 3 messages; valid/: the rich-payload file has several. A parser that found none would pass vacuously.
        Assert.True(s_build.Value.Examples.Count >= 5, $"only {s_build.Value.Examples.Count} examples found");
    }

    [Fact]
    public void AgentRequest_Create_fills_the_envelope_from_the_agent_and_payload()
    {
        (Assembly asm, _) = s_build.Value;
        Type payloadType = asm.Type("ClarifyDesignDecisionPayload");
        object payload = Activator.CreateInstance(payloadType, 318, "src/A.cs", "Why?", true)!;
        IAgentDefinition from = asm.Agent("CodeReviewerAgent");
        MethodInfo create = typeof(AgentRequest).GetMethod("Create")!.MakeGenericMethod(payloadType);
        object request = create.Invoke(null, [from, payload])!;
        string json = JsonSerializer.Serialize(request, request.GetType());
        Assert.Equal("{\"requesting_agent\":\"code-reviewer\",\"request_type\":\"clarify_design_decision\",\"payload\":{\"pull_request\":318,\"file\":\"src/A.cs\",\"question\":\"Why?\",\"blocking\":true}}", json);
    }

    /// <summary>The envelope has exactly the three contract keys; other top-level keys of an example are not part of it.</summary>
    private static JsonNode WithoutExtraKeys(JsonNode node)
    {
        var obj = node.AsObject();
        foreach (string key in obj.Select(p => p.Key).ToList())
        {
            if (key is not ("requesting_agent" or "request_type" or "payload"))
            {
                obj.Remove(key);
            }
        }

        if (!obj.ContainsKey("requesting_agent"))
        {
            obj["requesting_agent"] = null;
        }

        return obj;
    }
}
