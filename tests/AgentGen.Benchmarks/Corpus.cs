using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Benchmarks;

/// <summary>
/// Realistic agent files generated in code: 5-20 KB each, shaped like a typical collection's
/// file (frontmatter with built-in and MCP tools and an unknown field; a body with headings,
/// lists, a status block and two or three ```json protocol messages). Deterministic per index.
/// </summary>
public static class Corpus
{
    public const string ProjectDir = "/bench/";

    static Corpus()
    {
        // 1,000 agents of this size hold about 13 M chars of text: more than one assembly's string
        // heap (8 M chars, CS8103) and AgentGen's budget (4 M, AGEN021), which would leave out
        // about 700 of them. The benchmarks measure the pipeline at that scale, so the budget is
        // lifted in their process (docs/performance.md, "What is measured").
        AgentGen.Model.ProjectPlan.AppliedTextBudget = long.MaxValue;
    }

    public const string Namespace = "Bench.Agents";

    private static readonly string[] Areas = { "billing", "catalog", "checkout", "search", "identity", "shipping", "pricing", "reporting", "inventory", "support" };
    private static readonly string[] Roles = { "reviewer", "architect", "tester", "writer", "planner", "auditor", "migrator", "triager" };
    private static readonly string[] Servers = { "issue-tracker", "docs-index", "metrics", "feature-flags", "ci-runner", "schema-registry" };
    private static readonly string[] ServerTools = { "search", "get-item", "create-item", "update-item", "list-recent", "explain" };
    private static readonly string[] Words =
    {
        "ledger", "request", "contract", "latency", "budget", "schema", "rollout", "customer", "invoice", "queue",
        "retry", "cache", "index", "migration", "boundary", "owner", "review", "signal", "threshold", "window",
        "release", "baseline", "dashboard", "incident", "runbook", "partition", "replica", "token", "session", "quota",
        "consistent", "measured", "small", "explicit", "reversible", "documented", "tested", "observable", "safe", "clear",
        "check", "compare", "record", "verify", "summarise", "escalate", "split", "merge", "publish", "archive",
        "before", "after", "every", "each", "only", "never", "always", "within", "across", "between",
    };

    private static readonly string[] Verbs = { "review", "estimate", "approve", "audit", "plan", "verify", "summarise", "triage" };
    private static readonly string[] Nouns = { "change", "schema", "rollout", "incident", "release", "budget" };

    public static string Name(int i) => Areas[i % Areas.Length] + "-" + Roles[(i / Areas.Length) % Roles.Length] + "-" + i.ToString("D4", CultureInfo.InvariantCulture);

    public static string ClassName(int i) => Naming.AgentClassName(Name(i));

    public static string Path(int i) => ProjectDir + ".claude/agents/" + Name(i) + ".md";

    /// <summary>Agents with an explicit tools list (all but every fifth); they all have Read.</summary>
    public static bool HasToolList(int i) => i % 5 != 0;

    /// <summary>Agent <paramref name="i"/> of <paramref name="count"/>; <paramref name="variant"/> changes one sentence of the body.</summary>
    public static string Agent(int i, int count, int variant = 0)
    {
        var rnd = new Random(unchecked((i * 7919) + 17));
        int target = 5_000 + rnd.Next(15_001);
        string name = Name(i);
        var sb = new StringBuilder(target + 2_000);

        sb.Append("---\n");
        sb.Append("name: ").Append(name).Append('\n');
        sb.Append("description: ").Append(Sentence(rnd, 14)).Append(" Use it when ").Append(Sentence(rnd, 10).ToLowerInvariant()).Append('\n');
        if (HasToolList(i))
        {
            string server = Servers[i % Servers.Length];
            sb.Append("tools: Read, Grep, Glob, Edit, Write, Bash, WebFetch, mcp__").Append(server).Append("__").Append(ServerTools[i % ServerTools.Length])
              .Append(", mcp__").Append(server).Append("__").Append(ServerTools[(i + 1) % ServerTools.Length])
              .Append(", mcp__").Append(Servers[(i + 2) % Servers.Length]).Append("__").Append(ServerTools[(i + 3) % ServerTools.Length]).Append('\n');
        }

        sb.Append("model: ").Append(i % 3 == 0 ? "opus" : "sonnet").Append('\n');
        sb.Append("team_lane: ").Append(Areas[i % Areas.Length]).Append(", ").Append(Roles[i % Roles.Length]).Append('\n');
        sb.Append("---\n\n");

        sb.Append("# ").Append(Title(name)).Append("\n\n");
        sb.Append("**Role**: ").Append(Sentence(rnd, 18)).Append("\n\n");
        sb.Append("**Expertise**: ").Append(string.Join(", ", Pick(rnd, 8))).Append("\n\n");
        sb.Append(variant == 0 ? "Start from the smallest change that could work.\n\n" : "Start from the riskiest assumption and test it first (" + variant.ToString(CultureInfo.InvariantCulture) + ").\n\n");

        sb.Append("## Responsibilities\n\n");
        for (int k = 0; k < 6 + rnd.Next(5); k++)
        {
            sb.Append("- **").Append(Cap(Words[rnd.Next(Words.Length)])).Append("**: ").Append(Sentence(rnd, 9 + rnd.Next(8))).Append('\n');
        }

        sb.Append("\n## Working Method\n\n");
        for (int k = 1; k <= 5; k++)
        {
            sb.Append(k.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(Sentence(rnd, 12)).Append('\n');
        }

        sb.Append("\n## Status Updates\n\n```json\n{\n  \"agent\": \"").Append(name).Append("\",\n  \"status\": \"in_progress\",\n  \"progress\": { \"done\": 3, \"total\": 8 }\n}\n```\n\n");

        var protocol = new StringBuilder();
        protocol.Append("## Communication Protocol\n\n");
        int messages = 2 + (i % 2);
        for (int m = 0; m < messages; m++)
        {
            int other = (i + 1 + (m * 37)) % count;
            string requestType = m == 1 ? "handoff_" + i.ToString("D4", CultureInfo.InvariantCulture) : SharedRequestType((i * 3) + m);
            protocol.Append("### With ").Append(Title(Name(other))).Append("\n\n```json\n");
            AppendMessage(protocol, Name(other), requestType, rnd);
            protocol.Append("```\n\n");
        }

        int section = 1;
        while (sb.Length + protocol.Length < target)
        {
            sb.Append("### ").Append(Cap(Words[rnd.Next(Words.Length)])).Append(' ').Append(Words[rnd.Next(Words.Length)]).Append(" (").Append(section++.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
            sb.Append(Sentence(rnd, 20 + rnd.Next(30))).Append(' ').Append(Sentence(rnd, 15 + rnd.Next(20))).Append("\n\n");
            for (int k = 0; k < 3 + rnd.Next(4); k++)
            {
                sb.Append("- ").Append(Sentence(rnd, 6 + rnd.Next(10))).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append(protocol);
        sb.Append("## Best Practices\n\n1. ").Append(Sentence(rnd, 8)).Append("\n2. ").Append(Sentence(rnd, 8)).Append('\n');
        return sb.ToString();
    }

    /// <summary>One of 40 request types shared by many agents; its payload shape depends on the type only.</summary>
    private static string SharedRequestType(int k)
        => Verbs[k % Verbs.Length] + "_" + Areas[(k / Verbs.Length) % Areas.Length] + "_" + Nouns[k % Nouns.Length];

    private static void AppendMessage(StringBuilder sb, string requester, string requestType, Random rnd)
    {
        int shape = StableHash(requestType);
        sb.Append("{\n  \"requesting_agent\": \"").Append(requester).Append("\",\n  \"request_type\": \"").Append(requestType).Append("\",\n  \"payload\": {\n");
        sb.Append("    \"").Append(Words[shape % 20]).Append("_id\": \"").Append(Words[rnd.Next(20)].ToUpperInvariant()).Append('-').Append(rnd.Next(1000).ToString(CultureInfo.InvariantCulture)).Append("\",\n");
        sb.Append("    \"priority\": ").Append(rnd.Next(1, 5).ToString(CultureInfo.InvariantCulture)).Append(",\n");
        sb.Append("    \"tags\": [\"").Append(Words[rnd.Next(Words.Length)]).Append("\", \"").Append(Words[rnd.Next(Words.Length)]).Append("\"],\n");
        if (shape % 3 == 0)
        {
            sb.Append("    \"details\": { \"owner\": \"").Append(Words[rnd.Next(20)]).Append("\", \"due\": \"2026-0").Append(rnd.Next(1, 9).ToString(CultureInfo.InvariantCulture)).Append("-1").Append(rnd.Next(9).ToString(CultureInfo.InvariantCulture)).Append("\", \"estimate_hours\": ").Append(rnd.Next(1, 40).ToString(CultureInfo.InvariantCulture)).Append(".5 },\n");
        }

        sb.Append("    \"approved\": ").Append(rnd.Next(2) == 0 ? "true" : "false").Append(",\n");
        sb.Append("    \"notes\": \"").Append(Sentence(rnd, 8)).Append("\"\n  }\n}\n");
    }

    private static int StableHash(string s)
    {
        int h = 17;
        foreach (char c in s)
        {
            h = unchecked((h * 31) + c);
        }

        return h & 0x7FFFFFFF;
    }

    private static string Sentence(Random rnd, int words)
    {
        var sb = new StringBuilder();
        for (int w = 0; w < words; w++)
        {
            string word = Words[rnd.Next(Words.Length)];
            sb.Append(w == 0 ? Cap(word) : word);
            sb.Append(w == words - 1 ? "." : (rnd.Next(9) == 0 ? ", " : " "));
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Pick(Random rnd, int n)
    {
        for (int k = 0; k < n; k++)
        {
            yield return Words[rnd.Next(Words.Length)];
        }
    }

    private static string Cap(string s) => char.ToUpperInvariant(s[0]) + s.Substring(1);

    private static string Title(string name) => string.Join(" ", name.Split('-').Select(Cap));

    /// <summary>The agent files of a project of <paramref name="count"/> agents.</summary>
    public static ImmutableArray<AdditionalText> AgentTexts(int count)
        => Enumerable.Range(0, count).Select(i => (AdditionalText)new BenchText(Path(i), Agent(i, count))).ToImmutableArray();

    /// <summary>
    /// <paramref name="files"/> C# files with <paramref name="callsPerFile"/> EnsureAllowed call sites
    /// each, on agents of a project of <paramref name="agents"/> (three in four take an AgentTool
    /// value, one in four a tool name).
    /// </summary>
    public static IEnumerable<string> CallSiteFiles(int agents, int files, int callsPerFile)
    {
        int n = 0;
        for (int f = 0; f < files; f++)
        {
            var sb = new StringBuilder();
            sb.Append("namespace Bench.Usage\n{\n    internal static class Calls").Append(f.ToString("D2", CultureInfo.InvariantCulture)).Append("\n    {\n        public static void Run()\n        {\n");
            for (int c = 0; c < callsPerFile; c++, n++)
            {
                int agent = (n * 7) % agents;
                string target = "global::" + Namespace + "." + ClassName(agent) + ".Instance";
                sb.Append("            ").Append(target).Append(n % 4 == 3 ? ".EnsureAllowed(\"Grep\");\n" : ".EnsureAllowed(global::" + Namespace + ".AgentTool.Read);\n");
            }

            sb.Append("        }\n    }\n}\n");
            yield return sb.ToString();
        }
    }

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    /// <summary>A compilation of the given C# files against the running framework and AgentGen.Abstractions.</summary>
    public static CSharpCompilation Compilation(IEnumerable<string> sources)
        => CSharpCompilation.Create(
            "Bench",
            sources.Select((s, k) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "/bench/Code" + k.ToString(CultureInfo.InvariantCulture) + ".cs", encoding: Encoding.UTF8)),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var refs = new List<MetadataReference>();
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        foreach (string path in tpa.Split(System.IO.Path.PathSeparator))
        {
            string file = System.IO.Path.GetFileNameWithoutExtension(path);
            if (file.StartsWith("System.", StringComparison.Ordinal) || file is "System" or "mscorlib" or "netstandard")
            {
                refs.Add(MetadataReference.CreateFromFile(path));
            }
        }

        refs.Add(MetadataReference.CreateFromFile(typeof(IAgentDefinition).Assembly.Location));
        return refs.ToImmutableArray();
    });

    public static AnalyzerConfigOptionsProvider Options(IEnumerable<AdditionalText> agentFiles) => new BenchOptions(agentFiles.Select(t => t.Path));

    private sealed class BenchOptions : AnalyzerConfigOptionsProvider
    {
        private static readonly Values Agent = new(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AgentGenKind"] = "Agent" });
        private static readonly Values None = new(new Dictionary<string, string>());
        private readonly HashSet<string> _agents;

        public BenchOptions(IEnumerable<string> agentPaths)
        {
            _agents = new HashSet<string>(agentPaths, StringComparer.Ordinal);
            GlobalOptions = new Values(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = "Bench",
                ["build_property.ProjectDir"] = ProjectDir,
            });
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _agents.Contains(textFile.Path) ? Agent : None;

        private sealed class Values : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Values(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}

/// <summary>An in-memory agent file.</summary>
public sealed class BenchText : AdditionalText
{
    private readonly SourceText _text;

    public BenchText(string path, string text)
    {
        Path = path;
        Text = text;
        _text = SourceText.From(text, Encoding.UTF8);
    }

    public override string Path { get; }

    public string Text { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;

    /// <summary>The same path and content in a new SourceText over a new string (a file read again from disk).</summary>
    public BenchText Reread() => new(Path, new string(Text.AsSpan()));
}
