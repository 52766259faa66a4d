using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Incremental;

/// <summary>Reads a tracked generator run: the outputs of named steps and of the source outputs.</summary>
internal static class StepTracking
{
    public const string SourceOutput = "SourceOutput";

    private static readonly IncrementalStepRunReason[] Reused = { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged };

    /// <summary>Every output of the named step, in table order. Fails when the step was not tracked at all.</summary>
    public static IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult run, string stepName)
    {
        Assert.True(run.TrackedSteps.TryGetValue(stepName, out ImmutableArray<IncrementalGeneratorRunStep> steps), $"step '{stepName}' was not tracked; tracked: {string.Join(", ", run.TrackedSteps.Keys)}");
        return steps.SelectMany(s => s.Outputs).ToList();
    }

    /// <summary>Every source output: its hint names and why it was (not) produced again.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> HintNames, IncrementalStepRunReason Reason)> SourceOutputs(GeneratorRunResult run)
    {
        Assert.True(run.TrackedOutputSteps.TryGetValue(SourceOutput, out ImmutableArray<IncrementalGeneratorRunStep> steps), "no source output was tracked");
        return steps.SelectMany(s => s.Outputs).Select(o => (HintNames(o.Value), o.Reason)).ToList();
    }

    /// <summary>Asserts that the named step did not produce anything new.</summary>
    public static void AssertReused(GeneratorRunResult run, string stepName)
    {
        foreach ((object value, IncrementalStepRunReason reason) in Outputs(run, stepName))
        {
            Assert.True(Reused.Contains(reason), $"step '{stepName}' output {Describe(value)} was {reason}");
        }
    }

    /// <summary>Asserts that the named step was not even run: all its outputs come from the cache.</summary>
    public static void AssertNotRun(GeneratorRunResult run, string stepName)
    {
        IReadOnlyList<(object Value, IncrementalStepRunReason Reason)> outputs = Outputs(run, stepName);
        Assert.NotEmpty(outputs);
        foreach ((object value, IncrementalStepRunReason reason) in outputs)
        {
            Assert.True(reason == IncrementalStepRunReason.Cached, $"step '{stepName}' output {Describe(value)} was {reason}, expected Cached");
        }
    }

    /// <summary>Asserts that every named step and every source output was reused.</summary>
    public static void AssertNothingNew(GeneratorRunResult run)
    {
        Assert.Null(run.Exception);
        foreach (string name in AllTrackingNames())
        {
            // A step that has no entry at all (the repeated-file fallbacks, normally empty) is not tracked.
            if (run.TrackedSteps.ContainsKey(name) || !IsUsuallyEmpty(name))
            {
                AssertReused(run, name);
            }
        }

        IReadOnlyList<(IReadOnlyList<string> HintNames, IncrementalStepRunReason Reason)> outputs = SourceOutputs(run);
        Assert.NotEmpty(outputs);
        foreach ((IReadOnlyList<string> hints, IncrementalStepRunReason reason) in outputs)
        {
            Assert.True(Reused.Contains(reason), $"source output [{string.Join(", ", hints)}] was {reason}");
        }
    }

    /// <summary>Steps that have no entries in a project whose files are each listed once and that has no .mcp.json.</summary>
    public static bool IsUsuallyEmpty(string name) => name.StartsWith("RepeatedFile", StringComparison.Ordinal) || name == global::AgentGen.Generator.TrackingNames.McpConfig;

    /// <summary>The generator's TrackingNames constants.</summary>
    public static IReadOnlyList<string> AllTrackingNames() => typeof(global::AgentGen.Generator.TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    private static IReadOnlyList<string> HintNames(object value)
    {
        // A source output step's value is (IEnumerable<GeneratedSourceText> Sources, IEnumerable<Diagnostic> Diagnostics);
        // GeneratedSourceText is internal to Roslyn 4.8, so its HintName is read by reflection.
        object? sources = value.GetType().GetField("Item1")?.GetValue(value);
        var names = new List<string>();
        if (sources is System.Collections.IEnumerable items)
        {
            foreach (object item in items)
            {
                names.Add((string)item.GetType().GetProperty("HintName")!.GetValue(item)!);
            }
        }

        return names; // empty for an output that emitted nothing (IsExternalInit when the target has it)
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        global::AgentGen.Model.AgentSpec spec => spec.HintName,
        global::AgentGen.Model.MessageSpec spec => spec.HintName,
        global::AgentGen.Generator.ParsedAgentFile file => file.Path,
        global::AgentGen.Generator.AgentSource source => source.Path,
        _ => value.GetType().Name,
    };
}
