using AgentGen.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AgentGen.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="AgentFileAnalyzer"/> through Microsoft.CodeAnalysis.Testing on agent files
/// given as additional files (markup like <c>{|AGEN007:Reed|}</c> or explicit results with spans).
/// </summary>
public static class AgentFileVerifier
{
    public const string AgentDir = "/project/.claude/agents/";

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning).WithOptions(DiagnosticOptions.IgnoreSeverity);

    /// <summary>Verifies one agent file named <paramref name="fileName"/>.</summary>
    public static Task VerifyAsync(string fileName, string markup, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { (fileName, markup) }, expected);

    public static Task VerifyAsync((string FileName, string Markup)[] files, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach ((string name, string markup) in files)
        {
            test.TestState.AdditionalFiles.Add((AgentDir + name, markup));
        }

        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(files.Select(f => AgentDir + f.FileName))));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static string GlobalConfig(IEnumerable<string> agentPaths, string extra = "")
    {
        var sb = new System.Text.StringBuilder("is_global = true\n");
        sb.Append(extra);
        foreach (string path in agentPaths)
        {
            sb.Append('[').Append(path).Append("]\nbuild_metadata.AdditionalFiles.AgentGenKind = Agent\n");
        }

        return sb.ToString();
    }

    public sealed class Test : CSharpAnalyzerTest<AgentFileAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.TestingAssemblies;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
            TestState.Sources.Add("public static class Placeholder { }");
        }
    }
}
