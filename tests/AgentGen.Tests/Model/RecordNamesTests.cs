using System.Text;
using AgentGen.Common;
using AgentGen.Model;

namespace AgentGen.Tests.Model;

/// <summary>
/// How payload properties become record members: distinct names, reserved names avoided, C# types.
/// A record of up to 16 properties tells names apart by looking through them, a larger one with a
/// set; both must name alike.
/// </summary>
public sealed class RecordNamesTests
{
    private static PayloadProperty Prop(string json, PayloadShape? shape = null, bool nullable = false) => new(json, shape ?? PayloadShape.String, nullable);

    private static PayloadShape Object(params PayloadProperty[] properties) => PayloadShape.ObjectOf(properties.ToEquatableArray());

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Properties_that_map_to_one_name_are_numbered_and_reserved_names_get_a_suffix(int padding)
    {
        // The same clashing keys after a few or many other properties (the small and the large path).
        var properties = Enumerable.Range(0, padding).Select(i => Prop("pad_" + i)).ToList();
        properties.AddRange(new[]
        {
            Prop("user_id"), Prop("userId"), Prop("user-id"),
            Prop("review_payload"), Prop("to_string"), Prop("to_string_value"),
            Prop("---"), Prop("3d_model"),
        });

        List<RecordSpec> records = RecordNames.Build("ReviewPayload", "review", Object(properties.ToArray()), jsonAttributes: true);

        RecordSpec record = Assert.Single(records);
        string[] names = record.Properties.Select(p => p.PropertyName).Skip(padding).ToArray();
        Assert.Equal(new[] { "UserId", "UserId2", "UserId3", "ReviewPayloadValue", "ToStringValue", "ToStringValue2", "Property" + (padding + 7), "_3dModel" }, names);
        Assert.Equal(record.Properties.Count, record.Properties.Select(p => p.PropertyName).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(properties.Select(p => p.JsonName), record.Properties.Select(p => p.JsonName));
    }

    [Fact]
    public void Types_are_written_with_their_nullability_and_nested_objects_become_records()
    {
        PayloadShape shape = Object(
            Prop("title"),
            Prop("count", PayloadShape.Integer, nullable: true),
            Prop("total", PayloadShape.Long),
            Prop("score", PayloadShape.Double, nullable: true),
            Prop("done", PayloadShape.Boolean),
            Prop("tags", PayloadShape.ArrayOf(PayloadShape.String), nullable: true),
            Prop("owner", Object(Prop("login")), nullable: true),
            Prop("steps", PayloadShape.ArrayOf(Object(Prop("name")))),
            Prop("extra", PayloadShape.Any));

        List<RecordSpec> records = RecordNames.Build("TaskPayload", "task", shape, jsonAttributes: true);

        Assert.Equal(new[] { "TaskPayload", "TaskPayloadOwner", "TaskPayloadStepsItem" }, records.Select(r => r.TypeName));
        Assert.Equal(
            new[] { "string", "int?", "long", "double?", "bool", "global::System.Collections.Generic.IReadOnlyList<string>?", "TaskPayloadOwner?", "global::System.Collections.Generic.IReadOnlyList<TaskPayloadStepsItem>", "global::System.Text.Json.JsonElement?" },
            records[0].Properties.Select(p => p.TypeSyntax));
        Assert.Equal("object?", RecordNames.Build("TaskPayload", "task", Object(Prop("extra", PayloadShape.Any)), jsonAttributes: false)[0].Properties[0].TypeSyntax);
    }

    [Fact]
    public void To_pascal_case_matches_a_plain_reading_of_the_rule_on_any_text()
    {
        var random = new Random(12);
        const string alphabet = "ab_-. 09Zz\u00e9\u4e2d\u0660\u0301\ud83d\ude00";
        for (int i = 0; i < 2000; i++)
        {
            int length = i % 10 == 0 ? random.Next(200, 1500) : random.Next(0, 24); // long texts (a hostile name) too
            string text = new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(Reference(text), Naming.ToPascalCase(text));
        }
    }

    /// <summary>The rule as the README states it: letters and digits kept, each part capitalised, a leading digit gets '_'.</summary>
    private static string Reference(string text)
    {
        var sb = new StringBuilder();
        bool startOfPart = true;
        foreach (char c in text)
        {
            bool keep = c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
            if (keep)
            {
                sb.Append(startOfPart ? char.ToUpperInvariant(c) : c);
                startOfPart = false;
            }
            else
            {
                startOfPart = true;
            }
        }

        if (sb.Length > 0 && char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
