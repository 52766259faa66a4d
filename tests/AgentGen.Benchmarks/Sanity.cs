using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AgentGen.Benchmarks;

/// <summary>Checks in each benchmark's setup that it measures what it claims (an exception stops the run).</summary>
internal static class Sanity
{
    public static void CheckGeneration(GeneratorDriver driver, Compilation compilation, int agents)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null)
        {
            throw new InvalidOperationException("the generator threw", result.Exception);
        }

        int classes = result.GeneratedSources.Count(s => s.HintName.EndsWith("Agent.g.cs", StringComparison.Ordinal));
        if (classes != agents)
        {
            throw new InvalidOperationException($"expected {agents} agent classes, got {classes}");
        }

        // Compiling 1,000 agents takes longer than the benchmark itself; the tests check that generated code compiles.
        if (agents <= 100)
        {
            NoErrors("generated code", compilation.AddSyntaxTrees(result.GeneratedSources.Select(s => s.SyntaxTree)).GetDiagnostics());
        }
    }

    /// <summary>A project over AGEN021's budget: some agents, but not all, are generated, and <paramref name="edited"/> is.</summary>
    public static void CheckOverBudget(GeneratorDriver driver, int agents, string edited)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        int classes = result.GeneratedSources.Count(s => s.HintName.EndsWith("Agent.g.cs", StringComparison.Ordinal));
        if (result.Exception is not null || classes == 0 || classes >= agents || !result.GeneratedSources.Any(s => s.HintName == edited + ".g.cs"))
        {
            throw new InvalidOperationException($"expected a project over the text budget with {edited} generated; got {classes} of {agents} agent classes");
        }

        Console.WriteLine($"// over the text budget: {classes} of {agents} agent classes generated");
    }

    public static void NoErrors(string what, ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(what + " has errors:\n" + string.Join("\n", errors));
        }
    }
}
