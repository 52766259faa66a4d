using System.Collections.Immutable;
using AgentGen.Generator;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using YamlDotNet.Core;

namespace AgentGen.Benchmarks;

/// <summary>
/// Cold generation (a new driver over a fresh compilation) against the floor: the least any
/// generator of typed agent classes must do with the same files.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ColdGenerationBenchmarks
{
    private ImmutableArray<AdditionalText> _texts;
    private string[] _contents = Array.Empty<string>();
    private AnalyzerConfigOptionsProvider _options = null!;
    private CSharpCompilation _compilation = null!;

    [Params(10, 100, 1000)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _texts = Corpus.AgentTexts(Agents);
        _contents = _texts.Select(t => ((BenchText)t).Text).ToArray();
        _options = Corpus.Options(_texts);
        _compilation = Corpus.Compilation(Corpus.CallSiteFiles(Agents, files: 4, callsPerFile: 25));
        Sanity.CheckGeneration(Generator(), _compilation, Agents);
    }

    /// <summary>
    /// Split each file's frontmatter from its body, parse the frontmatter with YamlDotNet (parser
    /// events only), and have Roslyn parse one C# file per agent that holds its body as a string literal.
    /// </summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Cold")]
    public long Floor()
    {
        long total = 0;
        foreach (string text in _contents)
        {
            int yamlStart = text.IndexOf('\n') + 1;
            int yamlEnd = text.IndexOf("\n---", yamlStart, StringComparison.Ordinal) + 1;
            int bodyStart = text.IndexOf('\n', yamlEnd) + 1;

            var parser = new Parser(new StringReader(text.Substring(yamlStart, yamlEnd - yamlStart)));
            while (parser.MoveNext())
            {
                total++;
            }

            string code = "namespace Floor { internal static class Agent { public const string Body = @\"" + text.Substring(bodyStart).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"; } }";
            total += CSharpSyntaxTree.ParseText(code, Corpus.ParseOptions).GetRoot().FullSpan.Length;
        }

        return total;
    }

    /// <summary>A first build: the parse cache shared with the analyzers (AgentParseCache) is emptied, since the texts are reused across iterations.</summary>
    [Benchmark]
    [BenchmarkCategory("Cold")]
    public GeneratorDriver Generator()
    {
        AgentGen.Parsing.AgentParseCache.Clear();
        return CSharpGeneratorDriver.Create(new[] { new AgentGenerator().AsSourceGenerator() }, _texts, Corpus.ParseOptions, _options)
            .RunGenerators(_compilation.Clone());
    }
}
