using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using AgentGen.Model;
using AgentGen.Parsing;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Every string that reaches generated code, carrying text built to break out of a literal or a
/// comment, or to reorder what a reviewer sees. The output compiles without warnings, is pure
/// printable ASCII, and at run time every value reads back exactly as the parser saw it.
/// Line endings in the description, body, metadata values and initialPrompt are normalized to
/// '\n' by design (CRLF and CR alike); everything else is kept as is.
/// </summary>
public class InjectionTests
{
    public static readonly string[] HostileStrings =
    {
        "\"", "\"\"\"", "\\", "\\\"", "*/", "/*", "//", "</summary>", "<summary>", "<see cref=\"X\"/>", "&amp;", "]]>", "<!--",
        "#line 1 \"evil.cs\"", "#error boom", "#pragma warning disable", "{", "}", "{0}", "{{", "}}",
        "\r", "\n", "\r\n", "\n\r", "\u2028", "\u2029", "\u0085", "\f", "\v", "\t", "\0", "\u0001", "\u001B[31m", "\u007F",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "\uDFFF\uD800", "\U0001F600",
        "\u202E", "\u202D", "\u202A", "\u202B", "\u202C", "\u2066", "\u2067", "\u2068", "\u2069", "\u200F", "\u200E", "\u061C", "\u200B", "\u200D", "\uFEFF", "\uFFFE", "\uFFFF",
        "\"); System.Environment.Exit(1); //", "\\u0022", "@\"", "$\"{x}\"", "e\u0301", "\u0130\u0131", "'", "`", "\u00A0",
    };

    /// <summary>All of them in one string.</summary>
    public static string Everything => "start" + string.Concat(HostileStrings) + "end";

    /// <summary>
    /// A YAML double-quoted scalar holding exactly <paramref name="s"/>. An unpaired surrogate is
    /// written as is: YamlDotNet rejects an escape of one (AGEN002, see
    /// <see cref="Escaped_lone_surrogates_in_yaml_are_invalid_yaml"/>) but reads the raw char.
    /// (A file on disk never holds one: the compiler's decoder turns it into U+FFFD.)
    /// </summary>
    public static string YamlQuoted(string s)
    {
        var sb = new StringBuilder("\"");
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool paired = (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(s[i - 1]));
            if (char.IsSurrogate(c) && !paired)
            {
                sb.Append(c);
                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c >= 0x20 && c < 0x7F)
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The content of a JSON string (without quotes) holding exactly <paramref name="s"/>.</summary>
    public static string JsonEscaped(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s)
        {
            if (c == '"' || c == '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (c >= 0x20 && c < 0x7F)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public static string Normalize(string s) => AgentFileParser.NormalizeNewlines(s);

    private static string AgentFile(int i, string s) =>
        "---\n" +
        "name: " + YamlQuoted("inj-" + i + "-" + s) + "\n" +
        "description: " + YamlQuoted(s + " description") + "\n" +
        "model: " + YamlQuoted("m" + s) + "\n" +
        "tools: [Read, " + YamlQuoted("t" + i + s + "-tool") + ", " + YamlQuoted("mcp__srv" + i + "__x" + s) + ", " + YamlQuoted("mcp__s" + s + "v" + i + "__y") + "]\n" +
        "disallowedTools: [" + YamlQuoted("d" + i + s) + "]\n" +
        YamlQuoted("meta-" + s) + ": " + YamlQuoted(s) + "\n" +
        "plain-meta: " + YamlQuoted("v" + s) + "\n" +
        "initialPrompt: " + YamlQuoted(s) + "\n" +
        "skills: [" + YamlQuoted("skill" + s) + "]\n" +
        "---\n" +
        "Body " + s + " raw\n" +
        "```json\n" +
        "{\"requesting_agent\": \"inj-" + i + "-" + JsonEscaped(s) + "\", \"request_type\": \"inj_" + i + "_" + JsonEscaped(s) + "\", \"payload\": {\"k_" + JsonEscaped(s) + "\": \"" + JsonEscaped(s) + "\", \"n\": 1}}\n" +
        "```\n" +
        "Tail " + s + "\n";

    [Fact]
    public void Hostile_strings_compile_stay_ascii_and_round_trip_at_run_time()
    {
        var strings = HostileStrings.Append(Everything).ToArray();
        var files = new List<HostileFile>();
        var texts = new List<string>();
        for (int i = 0; i < strings.Length; i++)
        {
            string text = AgentFile(i, strings[i]);
            texts.Add(text);
            files.Add(HostileFile.FromString("inj-" + i + ".md", text));
        }

        PipelineRun run = HostilePipeline.Run(files, emit: true).AssertTotal();
        using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
        Dictionary<string, IAgentDefinition> agents = runtime.Agents();
        var failures = new List<string>();
        for (int i = 0; i < strings.Length; i++)
        {
            string s = strings[i];
            string where = $"#{i} {Show(s)}";
            AgentFileModel? model = AgentFileParser.Parse(files[i].Path, texts[i]).Model;
            if (model is null)
            {
                failures.Add(where + ": the parser produced no model: " + string.Join("; ", AgentFileParser.Parse(files[i].Path, texts[i]).Diagnostics.Select(d => d.Descriptor.Id + " " + d.Message)));
                continue;
            }

            // The parser saw exactly what the file says (line endings normalized where documented).
            string y = s;
            Check(failures, where, "parsed name", "inj-" + i + "-" + y, model.Name);
            Check(failures, where, "parsed description", Normalize(y + " description"), model.Description);
            Check(failures, where, "parsed body", Normalize(texts[i].Substring(texts[i].IndexOf("---\nBody", StringComparison.Ordinal) + 4)), model.Instructions);

            if (!agents.TryGetValue(model.Name, out IAgentDefinition? agent))
            {
                failures.Add(where + ": no generated agent");
                continue;
            }

            Check(failures, where, "Name", model.Name, agent.Name);
            Check(failures, where, "Description", model.Description, agent.Description);
            Check(failures, where, "Instructions", model.Instructions, agent.Instructions);
            Check(failures, where, "Model", model.Model, agent.Model);
            Check(failures, where, "ToolNames", string.Join("|", model.Tools), string.Join("|", agent.ToolNames));
            Check(failures, where, "DisallowedToolNames", string.Join("|", model.DisallowedTools), string.Join("|", agent.DisallowedToolNames));
            Check(failures, where, "Metadata", string.Join("|", model.Metadata.Select(kv => kv.Key + "=" + kv.Value)), string.Join("|", agent.Metadata.Select(kv => kv.Key + "=" + kv.Value)));
            Check(failures, where, "Metadata[meta-s]", Normalize(y), agent.Metadata.TryGetValue("meta-" + y, out string? mv) ? mv : "<missing>");
            Type type = agent.GetType();
            Check(failures, where, "InitialPrompt", model.Optional.InitialPrompt, (string?)type.GetProperty("InitialPrompt")!.GetValue(agent));
            Check(failures, where, "Skills", "skill" + y, string.Join("|", (IReadOnlyList<string>)type.GetProperty("Skills")!.GetValue(agent)!));
            Check(failures, where, "AgentName const", model.Name, (string?)type.GetField("AgentName")!.GetValue(null));

            // Attribute arguments are stored as UTF-8 in metadata: an unpaired surrogate (which no
            // file on disk can hold) reads back as U+FFFD there, and only there.
            AgentDefinitionAttribute attribute = type.GetCustomAttribute<AgentDefinitionAttribute>()!;
            Check(failures, where, "[AgentDefinition] name", Utf8(model.Name), attribute.Name);
            Check(failures, where, "[AgentDefinition] tools", Utf8(string.Join("|", model.Tools)), string.Join("|", attribute.Tools));
            Check(failures, where, "[AgentDefinition] disallowed", Utf8(string.Join("|", model.DisallowedTools)), string.Join("|", attribute.DisallowedTools));

            foreach (string tool in model.Tools)
            {
                if (!agent.Allows(tool))
                {
                    failures.Add(where + ": Allows(" + Show(tool) + ") is false");
                }

                object?[] args = { tool, null };
                bool parsed = (bool)runtime.Invoke(HostilePipeline.Namespace + ".AgentTools", "TryParse", args)!;
                if (!parsed)
                {
                    failures.Add(where + ": AgentTools.TryParse(" + Show(tool) + ") is false");
                }
                else
                {
                    Check(failures, where, "ToToolName(TryParse(tool))", tool, (string?)runtime.Invoke(HostilePipeline.Namespace + ".AgentTools", "ToToolName", args[1]));
                }
            }

            object?[] getArgs = { model.Name, null };
            bool found = (bool)runtime.Invoke(HostilePipeline.Namespace + ".AgentCatalog", "TryGet", getArgs)!;
            if (!found || !ReferenceEquals(getArgs[1], agent))
            {
                failures.Add(where + ": AgentCatalog.TryGet(name) did not return the agent");
            }

            // The message record: RequestType const and the JSON property name of the hostile key.
            string requestType = "inj_" + i + "_" + s;
            if (MessageReader.HasLoneSurrogate(s))
            {
                // System.Text.Json cannot read such an example: AGEN017, no record.
                if (!run.Analyzed.Diagnostics.Any(d => d.Id == "AGEN017" && d.Location.GetLineSpan().Path == files[i].Path))
                {
                    failures.Add(where + ": no AGEN017 for the unpaired surrogate in the JSON block");
                }

                continue;
            }

            Type? record = runtime.Assembly.GetTypes().FirstOrDefault(t => t.GetField("RequestType", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string == requestType);
            if (record is null)
            {
                failures.Add(where + ": no record with RequestType " + Show(requestType));
                continue;
            }

            string[] jsonNames = record.GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).Where(n => n is not null).ToArray()!;
            if (!jsonNames.Contains("k_" + s))
            {
                failures.Add(where + ": record " + record.Name + " has JSON names " + string.Join(", ", jsonNames.Select(Show)));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("\"\\uD800\"")]
    [InlineData("\"\\uDC00\"")]
    [InlineData("\"\\uDFFF\\uD800\"")] // YamlDotNet threw ArgumentOutOfRangeException here (was AGEN099)
    [InlineData("\"\\uD800\\uD800\"")]
    public void Escaped_lone_surrogates_in_yaml_are_invalid_yaml(string yamlValue)
    {
        foreach (string field in new[] { "name", "description", "meta", "tools" })
        {
            string text = "---\nname: surrogate-probe\ndescription: d\n".Replace(field + ": ", "x-" + field + ": ", StringComparison.Ordinal) + field + ": " + yamlValue + "\n---\nBody\n";
            HostilePipeline.Run(HostileFile.FromString("s.md", text)).AssertTotal().AssertReported("AGEN002").AssertNotReported("AGEN099");
        }
    }

    [Fact]
    public void Hostile_strings_in_the_file_path_are_escaped()
    {
        foreach (string s in new[] { "a\"b", "a*/b", "a\u202Eb", "a\nb", "a\\b", "a</c>b" })
        {
            var file = new HostileFile(Infrastructure.GeneratorHarness.ProjectDir + ".claude/agents/" + s + ".md", Microsoft.CodeAnalysis.Text.SourceText.From("---\nname: path-probe\ndescription: d\n---\nBody\n"));
            PipelineRun run = HostilePipeline.Run(new[] { file }, emit: true).AssertTotal();
            using RuntimeAssembly runtime = RuntimeAssembly.Load(run.Generated.Output);
            AgentDefinitionAttribute attribute = runtime.Agents()["path-probe"].GetType().GetCustomAttribute<AgentDefinitionAttribute>()!;
            // Backslashes are path separators to AgentGen (Windows paths), so they read back as '/'.
            Assert.Equal(".claude/agents/" + s.Replace('\\', '/') + ".md", attribute.SourceFile);
        }
    }

    private static string Utf8(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));

    private static void Check(List<string> failures, string where, string what, string? expected, string? actual)
    {
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            failures.Add($"{where}: {what}: expected {Show(expected)}, got {Show(actual)}");
        }
    }

    internal static string Show(string? s)
    {
        if (s is null)
        {
            return "null";
        }

        var sb = new StringBuilder("\"");
        foreach (char c in s.Length > 120 ? s.Substring(0, 120) : s)
        {
            sb.Append(c >= 0x20 && c < 0x7F ? c.ToString() : "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.Append(s.Length > 120 ? "...\"" : "\"").ToString();
    }
}
