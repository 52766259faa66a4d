using System.Globalization;
using System.Text;
using AgentGen.Catalog;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Writes agent files from the vocabulary real ones are made of (issue 14): every catalogue tool,
/// legacy and removed names, MCP names with wildcards and odd separators, permission specifiers,
/// Copilot aliases and <c>server/tool</c> names, model ids and aliases, every known field (Claude
/// Code's and Copilot's) with valid, invalid and wrongly typed values, unknown and misspelled
/// fields, protocol ```json blocks valid and broken, and names that collide. Byte-level mutation
/// of sample files almost never produces these tokens. File <i>i</i> of project <i>p</i> of seed
/// <i>s</i> depends only on (s, p, i).
/// </summary>
public sealed class AgentGrammar
{
    public static readonly string[] Mcp =
    {
        "mcp__*", "mcp__", "mcp___x", "mcp____", "mcp__server", "mcp__github", "mcp__github__*", "mcp__github__create_issue",
        "mcp__a__*", "mcp__a__b__c", "mcp__x__", "mcp__*__*", "mcp__*__tool", "mcp__github__create_issue__", "mcp__a__*__",
        "mcp__context7__resolve-library-id", "mcp__serv\u00E9r__t\u00F6\u00F6l", "mcp__github__create_issue(repo:x)", "mcp", "mcp_", "mcp_x",
        "MCP__github__x", "Mcp__github__*", "mcp__ __x", "mcp__a b__c", "mcp__-__-", "mcp__1__2", "mcp__a.b__c", "mcp__a/b",
    };

    public static readonly string[] Specifiers =
    {
        "Bash(git:*)", "Bash(npm run test:*)", "Bash()", "Bash(", "Bash(((", "Bash)(", "(Read)", "Read(./src/**)", "Edit(*.cs)",
        "WebFetch(domain:example.com)", "Task(reviewer)", "Agent(worker, helper)", "Agent(*)", "Bash(rm -rf /)", "Skill(x)",
        "Read()", "Bash (git:*)", " Bash(git:*) ", "Bash(git:*)(x)", "Bash(\u00FC)",
    };

    public static readonly string[] Copilot =
    {
        "read", "edit", "search", "execute", "shell", "powershell", "agent", "custom-agent", "web", "todo", "*", "github/*",
        "playwright/*", "playwright/navigate", "server/tool", "server/*", "ext.id/tool", "/", "a/", "/b", "a//b",
        "github/create_issue", "read/", "*/*", "Read/Write", "READ", "Edit ", "vscode/askQuestions",
    };

    public static readonly string[] Removed = { "KillBash", "AgentOutputTool", "BashOutputTool", "Computer", "Replace", "TodoRead", "exit_plan_mode", "Notebook" };

    public static readonly string[] Odd = { "", " ", "*", "**", "__", "-", "\u2026", "\u00DCn\u00EFc\u00F6d\u00E9", "\u5DE5\u5177", "a,b", "x y", "Read,", ",", "null", "~", "true", "123", "\u0000", "\u202E", "Bash\u200B" };

    public static readonly string[] Models =
    {
        "best", "default", "opusplan", "opusplan[1m]", "sonnet[1m]", "opus[1m]", "claude-", "claude-sonnet-4", "claude-sonnet-4-5",
        "gpt-4o", "GPT-5 (copilot)", "Claude Sonnet 4.5", "us.anthropic.claude-opus-4-8", "SONNET", "Sonnet", "inherit ", "",
        "claude-opus-4-20250514[1m]", "anthropic/claude-sonnet-4", "\u00FCber",
    };

    public static readonly string[] Names =
    {
        "reviewer", "code-reviewer", "Code_Reviewer", "code reviewer", "a-b", "ab", "agent", "agent-agent", "x", "\u00FCn\u00EF", "\u5DE5\u5177",
        "1abc", "class", "allows", "agent-catalog", "agent-tool", "tool", "name", "instance", "\u0430gent", "-", "__", "all", "get", "try-get",
    };

    private static readonly string[] Words = { "review", "code", "test", "deploy", "docs", "build", "fix", "plan", "data", "api", "web", "sql", "lint", "ship", "scan" };

    private static readonly string[] RequestTypes = { "review_request", "deploy_request", "a_b", "a.b", "ab", "A-B", "request", "\u00FC_req", "x" };

    private readonly string[] _tools;
    private readonly string[] _models;

    public AgentGrammar()
    {
        var tools = new List<string>(ToolCatalog.BuiltIns);
        tools.AddRange(ToolCatalog.Legacy.Keys);
        tools.AddRange(Removed);
        tools.AddRange(Mcp);
        tools.AddRange(Specifiers);
        tools.AddRange(Copilot);
        tools.AddRange(Odd);
        _tools = tools.ToArray();
        _models = ModelCatalog.Aliases.Concat(ModelCatalog.ExampleIds).Concat(Models).ToArray();
    }

    /// <summary>Every tool-like token the grammar uses: also the probe names handed to the generated members.</summary>
    public IReadOnlyList<string> ToolVocabulary => _tools;

    /// <summary>The files of one project: (file name relative to the project, text).</summary>
    public List<(string Path, string Text)> Project(int seed, long project, int files)
    {
        var result = new List<(string, string)>(files);
        var names = new List<string>();
        for (int i = 0; i < files; i++)
        {
            var rng = new Random(Mix(seed, project, i));
            bool copilot = rng.Next(4) == 0;
            string stem = rng.Next(6) == 0 && names.Count > 0 ? Slug(names[rng.Next(names.Count)]) : "f" + i.ToString(CultureInfo.InvariantCulture);
            string path = copilot ? ".github/agents/" + stem + ".agent.md" : ".claude/agents/" + stem + ".md";
            if (result.Any(r => r.Item1 == path))
            {
                path = path.Replace(stem, stem + "-" + i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            }

            string name = rng.Next(3) == 0 ? Pick(rng, Names) : Kebab(rng);
            names.Add(name);
            result.Add((path, File(rng, name, copilot, names)));
        }

        return result;
    }

    private string File(Random rng, string name, bool copilot, List<string> names)
    {
        var sb = new StringBuilder();
        int shape = rng.Next(40);
        if (shape == 0)
        {
            return Body(rng, names); // no frontmatter
        }

        sb.Append(shape == 1 ? "--- \n" : "---\n");
        var fields = new List<string>();
        if (rng.Next(12) != 0)
        {
            fields.Add("name: " + Scalar(rng, name));
        }

        if (rng.Next(10) != 0)
        {
            fields.Add("description: " + Scalar(rng, rng.Next(8) == 0 ? Pick(rng, Odd) : Sentence(rng)));
        }

        if (rng.Next(5) != 0)
        {
            fields.Add(ToolField(rng, "tools", copilot));
        }

        if (rng.Next(4) == 0)
        {
            fields.Add(ToolField(rng, "disallowedTools", copilot));
        }

        if (rng.Next(2) == 0)
        {
            fields.Add("model: " + (rng.Next(10) == 0 ? WrongType(rng) : Scalar(rng, Pick(rng, _models))));
        }

        foreach (FieldInfo field in FieldCatalog.Fields)
        {
            if (field.Name is "name" or "description" or "tools" or "disallowedTools" or "model" || rng.Next(6) != 0)
            {
                continue;
            }

            fields.Add(field.Name + ": " + FieldValue(rng, field, names));
        }

        string[] copilotFields = { "target: vscode", "target: github-copilot", "target: [vscode]", "infer: true", "infer: maybe", "user-invocable: false", "disable-model-invocation: true", "argument-hint: \"a file\"", "agents: ['*']", "agents: []", "metadata: {owner: me}", "metadata: [1]", "handoffs:\n  - label: Go\n    agent: " + Pick(rng, Names) + "\n    prompt: Next\n    send: true", "mcp-servers:\n  github:\n    type: local\n    command: run\n    tools: ['*']" };
        if (copilot || rng.Next(8) == 0)
        {
            for (int n = rng.Next(3); n > 0; n--)
            {
                fields.Add(Pick(rng, copilotFields));
            }
        }

        string[] unknown = { "tool: Read", "Tools: Read", "desciption: x", "modle: sonnet", "color: 5", "x-custom: {a: [1, 2]}", "\"quoted key\": 1", "tools: Read", "name: dup", "? complex\n: key", "empty:", "<<: {a: 1}" };
        if (rng.Next(5) == 0)
        {
            fields.Add(Pick(rng, unknown));
        }

        Shuffle(rng, fields);
        foreach (string f in fields)
        {
            sb.Append(f).Append('\n');
        }

        sb.Append(rng.Next(30) == 0 ? "--\n" : "---\n");
        sb.Append(Body(rng, names));
        string text = sb.ToString();
        return rng.Next(10) == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : text;
    }

    private string ToolField(Random rng, string key, bool copilot)
    {
        int count = rng.Next(10) == 0 ? rng.Next(30, 80) : rng.Next(0, 6);
        var entries = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            int kind = rng.Next(10);
            entries.Add(kind switch
            {
                0 or 1 => Pick(rng, Mcp),
                2 => Pick(rng, Specifiers),
                3 => copilot || rng.Next(2) == 0 ? Pick(rng, Copilot) : Pick(rng, Removed),
                4 => rng.Next(3) == 0 ? Pick(rng, Odd) : Pick(rng, ToolCatalog.Legacy.Keys.ToArray()),
                _ => Pick(rng, ToolCatalog.BuiltIns),
            });
        }

        switch (rng.Next(12))
        {
            case 0: return key + ": " + WrongType(rng);
            case 1: return key + ":";
            case 2: return key + ": []";
            case 3:
            case 4:
            case 5: return key + ": " + string.Join(", ", entries.Select(e => NeedsQuotes(e) ? Quote(e) : e));
            case 6:
            case 7:
            case 8: return key + ": [" + string.Join(", ", entries.Select(e => NeedsQuotes(e) || e.Contains(',', StringComparison.Ordinal) || rng.Next(4) == 0 ? Quote(e) : e)) + "]";
            default: return key + ":" + string.Concat(entries.Select(e => "\n  - " + (NeedsQuotes(e) || rng.Next(4) == 0 ? Quote(e) : e)));
        }
    }

    private string FieldValue(Random rng, FieldInfo field, List<string> names)
    {
        int pick = rng.Next(8);
        if (pick == 0)
        {
            return WrongType(rng);
        }

        if (pick == 1)
        {
            return Scalar(rng, Pick(rng, Odd));
        }

        return field.Kind switch
        {
            FieldKind.Choice => Scalar(rng, rng.Next(5) == 0 ? field.Choices[rng.Next(field.Choices.Length)].ToUpperInvariant() : field.Choices[rng.Next(field.Choices.Length)]),
            FieldKind.Integer => Pick(rng, new[] { "0", "1", "7", "-1", "2147483648", "99999999999999999999", "1.5", "0x10", "\"3\"", "1e3" }),
            FieldKind.Boolean => Pick(rng, new[] { "true", "false", "True", "yes", "no", "on", "1", "\"true\"" }),
            FieldKind.StringList => "[" + string.Join(", ", Enumerable.Range(0, rng.Next(4)).Select(_ => Quote(Pick(rng, names.Count > 0 ? names.ToArray() : Names)))) + "]",
            FieldKind.ServerList => Pick(rng, new[] { "[github]", "\n  - github\n  - local: {command: run}", "{github: {command: run}}", "[{}]", "\n  - \"mcp__*\"" }),
            FieldKind.Map => Pick(rng, new[] { "{}", "{flag: 1}", "\n  PreToolUse:\n    - matcher: \"mcp__*\"\n      hooks: [{type: command, command: echo}]", "\n  a: &x [1]\n  b: *x" }),
            _ => Scalar(rng, rng.Next(3) == 0 ? Pick(rng, _tools) : Sentence(rng)),
        };
    }

    private string Body(Random rng, List<string> names)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(Sentence(rng)).Append("\n\n").Append(Sentence(rng)).Append('\n');
        for (int blocks = rng.Next(4) == 0 ? rng.Next(1, 4) : 0; blocks > 0; blocks--)
        {
            sb.Append("\n```json\n").Append(Json(rng, names)).Append("\n```\n");
        }

        if (rng.Next(10) == 0)
        {
            sb.Append("\nUse ").Append(Pick(rng, _tools)).Append(" and `mcp__*`.\n");
        }

        return sb.ToString();
    }

    private static string Json(Random rng, List<string> names)
    {
        string requester = names.Count > 0 && rng.Next(4) != 0 ? names[rng.Next(names.Count)] : Pick(rng, Names);
        string type = Pick(rng, RequestTypes);
        string[] values = { "1", "2.5", "\"s\"", "true", "null", "[]", "[1, 2]", "[\"a\"]", "{}", "{\"a\": 1}", "[[1]]", "-0", "1e400", "\"\\u00fc\"", "[1, \"a\"]" };
        string[] keys = { "files", "depth", "a_b", "a.b", "ab", "A", "a", "class", "", " ", "\u00FC", "RequestType", "request_type", "1x", "x-y" };
        var payload = new StringBuilder("{");
        for (int k = rng.Next(5); k > 0; k--)
        {
            payload.Append('"').Append(Pick(rng, keys)).Append("\": ").Append(Pick(rng, values)).Append(k > 1 ? ", " : string.Empty);
        }

        payload.Append('}');
        string json = "{\"requesting_agent\": \"" + JsonEscape(requester) + "\", \"request_type\": \"" + JsonEscape(type) + "\", \"payload\": " + payload + "}";
        return rng.Next(6) switch
        {
            0 => json.Substring(0, rng.Next(json.Length)), // truncated
            1 => json.Replace("}", ",}", StringComparison.Ordinal), // trailing commas
            2 => "{\"request_type\": " + Pick(rng, values) + ", \"payload\": " + Pick(rng, values) + "}", // wrong types
            3 => "{\"note\": \"not a protocol message\"}",
            _ => json,
        };
    }

    private static string WrongType(Random rng)
        => Pick(rng, new[] { "[1, 2]", "{a: b}", "42", "true", "null", "~", "[]", "{}", "[[Read]]", "{tools: [Read]}", "!!binary aGk=", "&anchor Read", "*undefined", "\"\"", "|\n  Read\n  Write" });

    private static string Scalar(Random rng, string value)
        => NeedsQuotes(value) || rng.Next(5) == 0 ? Quote(value) : value;

    private static bool NeedsQuotes(string s)
        => s.Length == 0 || s != s.Trim() || "*&!|>%@`#'\"[]{},?:-~".Contains(s[0], StringComparison.Ordinal) || s.Contains(": ", StringComparison.Ordinal)
            || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':') || s.Any(c => c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u202E' || c == '\u200B') || s is "null" or "true" or "false" or "~" or "123";

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < 0x20 || c > 0x7E => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string JsonEscape(string s) => Quote(s).Substring(1, Quote(s).Length - 2);

    private static string Kebab(Random rng) => string.Join("-", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Pick(rng, Words)));

    private static string Slug(string name) => new string(name.Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } s ? s : "x";

    private static string Sentence(Random rng) => string.Join(" ", Enumerable.Range(0, rng.Next(2, 9)).Select(_ => Pick(rng, Words))) + ".";

    /// <summary>A stable seed (HashCode.Combine is randomized per process).</summary>
    private static int Mix(int seed, long project, int file)
    {
        ulong h = 14695981039346656037UL;
        foreach (long v in new[] { seed, project, file })
        {
            h = (h ^ (ulong)v) * 1099511628211UL;
            h ^= h >> 29;
        }

        return (int)(h & 0x7FFFFFFF);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static void Shuffle<T>(Random rng, List<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
