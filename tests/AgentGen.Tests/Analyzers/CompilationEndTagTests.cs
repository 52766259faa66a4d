using System.Collections.Immutable;
using AgentGen.Analyzers;
using AgentGen.Diagnostics;
using AgentGen.Tests.Hostile;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Analyzers;

/// <summary>
/// A diagnostic reported at compilation end carries <see cref="WellKnownDiagnosticTags.CompilationEnd"/>
/// (the IDE then knows it only comes from a whole-compilation analysis); one reported as a file is
/// analyzed does not.
/// </summary>
public class CompilationEndTagTests
{
    [Fact]
    public async Task Cross_file_diagnostics_carry_the_CompilationEnd_tag_and_per_file_ones_do_not()
    {
        HostileFile[] files =
        [
            // AGEN006 (the same name twice), AGEN024 (names Claude Code matches as one), AGEN007 (per file).
            HostileFile.FromString("reviewer.md", "---\nname: reviewer\ndescription: Reviews.\ntools: Read, Reed\n---\nReview.\n"),
            HostileFile.FromString("reviewer-copy.md", "---\nname: reviewer\ndescription: Reviews again.\n---\nReview.\n"),
            HostileFile.FromString("Reviewer_.md", "---\nname: Re-viewer\ndescription: Reviews too.\n---\nReview.\n"),
            // AGEN018 (an unknown requesting agent) and AGEN019 (two shapes of one payload).
            HostileFile.FromString("planner.md", "---\nname: planner\ndescription: Plans.\n---\n```json\n{\"request_type\": \"make_plan\", \"requesting_agent\": \"nobody\", \"payload\": {\"steps\": 3}}\n```\n"),
            HostileFile.FromString("builder.md", "---\nname: builder\ndescription: Builds.\n---\n```json\n{\"request_type\": \"make_plan\", \"payload\": {\"steps\": \"three\"}}\n```\n"),
            // AGEN020 (two agents, one class name: DataLoaderAgent).
            HostileFile.FromString("data-loader.md", "---\nname: data-loader\ndescription: Loads.\n---\nLoad.\n"),
            HostileFile.FromString("data-loader2.md", "---\nname: data.loader\ndescription: Loads too.\n---\nLoad.\n"),
        ];

        ImmutableArray<AdditionalText> texts = files.Select(f => f.ToAdditionalText()).ToImmutableArray();
        var options = new AnalyzerOptions(texts, new AgentOptionsProvider(files.Select(f => f.Path), HostilePipeline.DefaultGlobals()));
        var analyzer = new AgentFileAnalyzer();
        var withAnalyzers = new CompilationWithAnalyzers(HostilePipeline.BaseCompilation(), ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));

        // Roslyn sorts what analyzers report: diagnostics of an additional file's action are that file's
        // (local), those of a compilation end action the compilation's.
        AnalysisResult result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        List<Diagnostic> perFile = result.AdditionalFileDiagnostics.Values.SelectMany(byAnalyzer => byAnalyzer.Values).SelectMany(d => d).ToList();
        List<Diagnostic> atEnd = result.CompilationDiagnostics.Values.SelectMany(d => d).ToList();
        Assert.Equal(["AGEN006", "AGEN018", "AGEN019", "AGEN020", "AGEN024"], atEnd.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.All(atEnd, d => Assert.Contains(WellKnownDiagnosticTags.CompilationEnd, d.Descriptor.CustomTags));
        Assert.Contains(perFile, d => d.Id == "AGEN007");
        Assert.All(perFile, d => Assert.DoesNotContain(WellKnownDiagnosticTags.CompilationEnd, d.Descriptor.CustomTags));
    }

    [Fact]
    public void The_descriptors_only_compilation_end_reports_are_tagged_and_the_twins_of_the_others_too()
    {
        string[] onlyAtEnd = ["AGEN006", "AGEN018", "AGEN019", "AGEN020", "AGEN022", "AGEN024"];
        foreach (DiagnosticDescriptor d in new AgentFileAnalyzer().SupportedDiagnostics)
        {
            bool tagged = d.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);
            bool twin = ReferenceEquals(d, Descriptors.LimitExceededAtEnd) || ReferenceEquals(d, Descriptors.InternalErrorAtEnd);
            Assert.True(tagged == (onlyAtEnd.Contains(d.Id) || twin), d.Id);
        }

        // AGEN021 (the project's text budget) and AGEN099 are also reported per file: at compilation end through a tagged twin.
        Assert.Same(Descriptors.LimitExceededAtEnd, Descriptors.ForCompilationEnd(Descriptors.LimitExceeded));
        Assert.Same(Descriptors.InternalErrorAtEnd, Descriptors.ForCompilationEnd(Descriptors.InternalError));
        Assert.Same(Descriptors.DuplicateName, Descriptors.ForCompilationEnd(Descriptors.DuplicateName));
        Assert.Equal(Descriptors.LimitExceeded.MessageFormat, Descriptors.LimitExceededAtEnd.MessageFormat);
        Assert.Contains(Descriptors.InternalErrorAtEnd, new ToolUsageAnalyzer().SupportedDiagnostics);
    }
}
