using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.Generator;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AgentGen.Tests.Usage;

/// <summary>
/// Runs <see cref="ToolUsageAnalyzer"/> on C# code in a project whose agent files go through the
/// real generator (Microsoft.CodeAnalysis.Testing runs <see cref="AgentGenerator"/> on the
/// additional files), so the analyzer sees exactly the generated agent classes a user gets.
/// </summary>
public static class UsageVerifier
{
    public const string AgentDir = "/project/.claude/agents/";

    /// <summary>Agents used across the usage tests, one per style of <c>tools</c>.</summary>
    public static class Agents
    {
        public const string CodeReviewer =
            "---\nname: code-reviewer\ndescription: Reads pull requests and leaves review notes.\ntools: Read, Grep, Glob\n---\nReview the diff.\n";

        public const string ReleaseManager =
            "---\nname: release-manager\ndescription: Cuts releases and files follow-up issues.\ntools: [Read, Edit, Bash, mcp__github]\ndisallowedTools: mcp__github__delete_repo\n---\nShip it.\n";

        public const string DocsWriter =
            "---\nname: docs-writer\ndescription: Writes user documentation.\ndisallowedTools: Bash\n---\nWrite docs.\n";

        public const string TriageBot =
            "---\nname: triage-bot\ndescription: Labels incoming issues.\ntools:\n  - Read\n  - WebSearch\n---\nTriage.\n";

        public static (string FileName, string Text)[] All =>
        [
            ("code-reviewer.md", CodeReviewer),
            ("release-manager.md", ReleaseManager),
            ("docs-writer.md", DocsWriter),
            ("triage-bot.md", TriageBot),
        ];
    }

    public static DiagnosticResult Diagnostic(string id) => id switch
    {
        "AGEN102" => new DiagnosticResult(id, DiagnosticSeverity.Warning),
        _ => new DiagnosticResult(id, DiagnosticSeverity.Error),
    };

    /// <summary>Verifies <paramref name="source"/> (markup) in a project with the standard agents.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest();
        Configure(test.TestState, Agents.All);
        test.TestState.Sources.Add(("/project/Program.cs", source));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Adds agent files, the global config the package's props would produce, and the references.</summary>
    public static void Configure(SolutionState state, IEnumerable<(string FileName, string Text)> agents, string extraGlobalConfig = "")
    {
        var paths = new List<string>();
        foreach ((string name, string text) in agents)
        {
            state.AdditionalFiles.Add((AgentDir + name, text));
            paths.Add(AgentDir + name);
        }

        state.AnalyzerConfigFiles.Add(("/.globalconfig", AgentFileVerifier.GlobalConfig(
            paths,
            "build_property.RootNamespace = TestProject\nbuild_property.ProjectDir = /project/\n" + extraGlobalConfig)));
        state.AdditionalReferences.AddRange(TestReferences.All);
    }

    /// <summary>An assembly built from agent files by the real generator, as a referenced project would be.</summary>
    public static MetadataReference CompileAgentAssembly(string assemblyName, string rootNamespace, params (string FileName, string Text)[] agents)
    {
        var harness = new GeneratorHarness();
        harness.Globals["build_property.RootNamespace"] = rootNamespace;
        foreach ((string name, string text) in agents)
        {
            harness.Agent(name, text);
        }

        GeneratorResult result = harness.Run();
        result.AssertCompilesCleanly();
        Compilation output = result.Output.WithAssemblyName(assemblyName);
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    public sealed class AnalyzerTest : CSharpAnalyzerTest<ToolUsageAnalyzer, DefaultVerifier>
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = TestReferences.TestingAssemblies;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(AgentGenerator)];

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }

    /// <summary>Without the generator: for projects that do not use the package (no AgentGen.Abstractions).</summary>
    public sealed class PlainAnalyzerTest : CSharpAnalyzerTest<ToolUsageAnalyzer, DefaultVerifier>
    {
        public PlainAnalyzerTest() => ReferenceAssemblies = TestReferences.TestingAssemblies;

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }

    public sealed class UsageFixTest<TCodeFix> : CSharpCodeFixTest<ToolUsageAnalyzer, TCodeFix, DefaultVerifier>
        where TCodeFix : CodeFixProvider, new()
    {
        public UsageFixTest()
        {
            ReferenceAssemblies = TestReferences.TestingAssemblies;
            TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(AgentGenerator)];

        protected override ParseOptions CreateParseOptions() => new CSharpParseOptions(LanguageVersion.Latest);
    }
}
