using System.Globalization;
using AgentGen.Tests.Hostile;
using AgentGen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Determinism;

/// <summary>
/// The same agent files give the same generated code and the same diagnostics, whatever the
/// order the compiler hands them over in, the machine's culture, and the files' line endings.
/// </summary>
public class DeterminismTests
{
    /// <summary>The sample agents, the test corpus, and files that exercise the cross-file rules.</summary>
    public static List<(string FileName, string Text)> Corpus()
    {
        var files = new List<(string, string)>();
        foreach (string path in TestFiles.SampleAgents())
        {
            files.Add(("sample-" + Path.GetFileName(path), TestFiles.Read(path)));
        }

        foreach (string folder in new[] { "valid", "invalid" })
        {
            foreach (string path in TestFiles.Agents(folder))
            {
                files.Add((folder + "-" + Path.GetFileName(path), TestFiles.Read(path)));
            }
        }

        // Cross-file rules: a shared request type with different shapes (AGEN019, first by path
        // wins), a duplicate name (AGEN006), names that collide as classes (AGEN020), culture-
        // sensitive letters and numbers.
        files.Add(("x-first.md", "---\nname: istanbul-info\ndescription: I and i and \u0130 and \u0131.\ntools: Read, mcp__ii__\u0130nfo\nmaxTurns: 12\n---\n```json\n{\"requesting_agent\": \"istanbul-info\", \"request_type\": \"shared_probe\", \"payload\": {\"ratio\": 1.5, \"big\": 1e3, \"count\": 3, \"items\": [\"i\", \"I\"]}}\n```\n"));
        files.Add(("x-second.md", "---\nname: INFO-istanbul\ndescription: Upper case name.\ntools: [Read, Grep]\n---\n```json\n{\"requesting_agent\": \"nobody-here\", \"request_type\": \"shared_probe\", \"payload\": {\"ratio\": \"text\", \"count\": 2.25, \"extra\": {\"inner\": true}}}\n```\n"));
        files.Add(("x-third.md", "---\nname: istanbul-info\ndescription: Duplicate name.\n---\nBody\n"));
        files.Add(("x-fourth.md", "---\nname: info_istanbul\ndescription: Collides with info-istanbul as a class.\n---\nBody\n"));
        files.Add(("x-fifth.md", "---\nname: info-istanbul\ndescription: Collides with info_istanbul as a class.\n---\nBody\n"));
        files.Add(("x-sixth.md", "---\nname: large-numbers\ndescription: d\ntools: " + string.Join(", ", Enumerable.Range(0, 1_001).Select(i => "T" + i)) + "\n---\n"));
        return files;
    }

    private static List<HostileFile> ToFiles(IEnumerable<(string FileName, string Text)> files)
        => files.Select(f => HostileFile.FromString(f.FileName, f.Text)).ToList();

    /// <summary>Generated text plus every diagnostic (id, file, line span, message in the invariant culture), order-independent.</summary>
    private static string Fingerprint(IReadOnlyList<HostileFile> files)
    {
        GeneratorRun generated = HostilePipeline.Generate(files);
        Invariants.AssertGeneratorTotal(generated);
        AnalyzerRun analyzed = HostilePipeline.Analyze(files);
        Invariants.AssertAnalyzerTotal(analyzed, files);
        IEnumerable<string> diagnostics = analyzed.Diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(CultureInfo.InvariantCulture)
                + string.Concat(d.AdditionalLocations.Select(l => " +" + l.GetLineSpan())))
            .OrderBy(s => s, StringComparer.Ordinal);
        return generated.AllText() + "\n//// diagnostics\n" + string.Join("\n", diagnostics);
    }

    [Fact]
    public void Output_does_not_depend_on_file_order()
    {
        List<(string, string)> corpus = Corpus();
        string expected = Fingerprint(ToFiles(corpus));
        Assert.Contains("AGEN006", expected, StringComparison.Ordinal);
        Assert.Contains("AGEN019", expected, StringComparison.Ordinal);
        Assert.Contains("AGEN020", expected, StringComparison.Ordinal);

        var random = new Random(12345);
        var orders = new List<List<(string, string)>> { Enumerable.Reverse(corpus).ToList() };
        for (int i = 0; i < 4; i++)
        {
            orders.Add(corpus.OrderBy(_ => random.Next()).ToList());
        }

        foreach (List<(string, string)> order in orders)
        {
            Assert.Equal(expected, Fingerprint(ToFiles(order)));
        }
    }

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("fr-CH")]
    public void Output_does_not_depend_on_culture(string cultureName)
    {
        // Fresh SourceTexts for each run: the analyzer caches parse results per SourceText.
        string expected = WithCulture(CultureInfo.InvariantCulture, () => Fingerprint(ToFiles(Corpus())));
        string actual = WithCulture(new CultureInfo(cultureName), () => Fingerprint(ToFiles(Corpus())));
        Assert.Equal(expected, actual);
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> func)
    {
        CultureInfo culture0 = CultureInfo.CurrentCulture;
        CultureInfo uiCulture0 = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return func();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = uiCulture0;
        }
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Output_does_not_depend_on_line_endings(string newline)
    {
        List<(string FileName, string Text)> corpus = Corpus();
        List<HostileFile> lf = ToFiles(corpus.Select(f => (f.FileName, f.Text.Replace("\r\n", "\n", StringComparison.Ordinal))));
        List<HostileFile> other = ToFiles(corpus.Select(f => (f.FileName, f.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", newline, StringComparison.Ordinal))));
        GeneratorRun a = HostilePipeline.Generate(lf);
        GeneratorRun b = HostilePipeline.Generate(other);
        Invariants.AssertGeneratorTotal(b);
        Assert.Equal(a.AllText(), b.AllText());

        // Diagnostics are at the same lines and columns, with the same messages.
        static IEnumerable<string> Lines(AnalyzerRun run) => run.Diagnostics
            .Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage(CultureInfo.InvariantCulture))
            .OrderBy(s => s, StringComparer.Ordinal);
        AnalyzerRun da = HostilePipeline.Analyze(lf);
        AnalyzerRun db = HostilePipeline.Analyze(other);
        Invariants.AssertAnalyzerTotal(db, other);
        Assert.Equal(Lines(da), Lines(db));
    }

    [Fact]
    public void Running_twice_gives_the_same_output()
    {
        Assert.Equal(Fingerprint(ToFiles(Corpus())), Fingerprint(ToFiles(Corpus())));
    }
}
