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

    /// <summary>A result whose severity is checked too (for .globalconfig severity tests).</summary>
    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new(id, severity);

    /// <summary>The path an agent file named <paramref name="fileName"/> gets in these tests.</summary>
    public static string PathOf(string fileName) => AgentDir + fileName;

    /// <summary>How messages name a file: relative to the project folder, as in a real build.</summary>
    public static string ShownPathOf(string fileName) => ".claude/agents/" + fileName;

    /// <summary>Verifies one agent file named <paramref name="fileName"/>.</summary>
    public static Task VerifyAsync(string fileName, string markup, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { (fileName, markup) }, expected);

    public static Task VerifyAsync((string FileName, string Markup)[] files, params DiagnosticResult[] expected)
        => VerifyAsync(files, string.Empty, expected);

    /// <summary>
    /// Verifies agent files with extra lines in the project's .globalconfig (severity settings such
    /// as <c>dotnet_diagnostic.AGEN015.severity = warning</c>, or <c>build_property.*</c> options).
    /// </summary>
    public static Task VerifyAsync((string FileName, string Markup)[] files, string globalConfigExtra, params DiagnosticResult[] expected)
    {
        var test = new Test();
        foreach ((string name, string markup) in files)
        {
            test.TestState.AdditionalFiles.Add((AgentDir + name, markup));
        }

        string extra = globalConfigExtra.Length == 0 || globalConfigExtra.EndsWith('\n') ? globalConfigExtra : globalConfigExtra + "\n";
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", GlobalConfig(files.Select(f => AgentDir + f.FileName), extra)));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static string GlobalConfig(IEnumerable<string> agentPaths, string extra = "")
    {
        var sb = new System.Text.StringBuilder("is_global = true\nbuild_property.ProjectDir = /project/\n");
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
