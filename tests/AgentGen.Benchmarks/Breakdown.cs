using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using YamlDotNet.Core;

namespace AgentGen.Benchmarks;

/// <summary>
/// Where cold generation's time goes, phase by phase (<c>-- --breakdown [N]</c>): a quick
/// Stopwatch profile to decide what to optimise, not a benchmark (see the BenchmarkDotNet classes).
/// </summary>
internal static class Breakdown
{
    public static void Run(int count)
    {
        ImmutableArray<AdditionalText> texts = Corpus.AgentTexts(count);
        string[] contents = texts.Select(t => ((BenchText)t).Text).ToArray();
        var options = OptionsReader.Read(Corpus.Options(texts).GlobalOptions);
        var cold = new ColdGenerationBenchmarks { Agents = count };
        cold.Setup();

        Console.WriteLine($"{count} agents, {contents.Sum(c => (long)c.Length) / 1024} KB of agent files");
        for (int round = 0; round < 4; round++)
        {
            AgentParseCache.Clear(); // each round parses anew
            var sw = Stopwatch.StartNew();
            _allocated = GC.GetAllocatedBytesForCurrentThread();
            _collections = GC.CollectionCount(0);
            var parsed = new List<ParsedAgentFile>(count);
            foreach (AdditionalText t in texts)
            {
                parsed.Add(ParsedAgentFile.Parse(AgentSource.Read(t, default), options.KnownTools));
            }

            double parse = Lap(sw);
            // The project-wide steps in the pipeline's order: Winners, TextLengths and TextBudget, Project.
            ProjectNames names = ProjectNames.Build(parsed.Select(PlanInput.From).ToImmutableArray(), options.ProjectDir);
            LeftOut leftOut = LeftOut.Of(names, TextLengths.Of(parsed.ToImmutableArray()));
            ProjectOutputs project = ProjectOutputs.Build(new ProjectInput(names, leftOut, new ProjectSettings(options, JsonAttributes: true, CSharp9: true)));
            double plan = Lap(sw);
            var specs = parsed.Select(p => project.Agents.SpecFor(p)).Where(s => s is not null).ToList();
            double specTime = Lap(sw);
            var emitted = specs.Select(s => AgentEmitter.Emit(s!)).ToList();
            double emitAgents = sw.Elapsed.TotalMilliseconds;
            foreach (ParsedAgentFile p in parsed)
            {
                foreach (MessageSpec m in project.Messages.OwnedBy(p.Path))
                {
                    emitted.Add(ProjectEmitter.EmitMessage(m));
                }
            }

            double emitMessages = sw.Elapsed.TotalMilliseconds - emitAgents;
            emitted.Add(project.ToolEnumSource!); // written by the project step (measured in "plan")
            emitted.Add(ProjectEmitter.EmitCatalog(project.Catalog!));
            double emit = Lap(sw);
            long chars = 0;
            foreach (string code in emitted)
            {
                chars += CSharpSyntaxTree.ParseText(code, Corpus.ParseOptions).GetRoot().FullSpan.Length;
            }

            double roslyn = Lap(sw);
            cold.Generator();
            double driver = Lap(sw);

            long events = 0;
            foreach (string text in contents)
            {
                int yamlStart = text.IndexOf('\n') + 1;
                int yamlEnd = text.IndexOf("\n---", yamlStart, StringComparison.Ordinal) + 1;
                var parser = new Parser(new StringReader(text.Substring(yamlStart, yamlEnd - yamlStart)));
                while (parser.MoveNext())
                {
                    events++;
                }
            }

            double yaml = Lap(sw);
            cold.Floor();
            double floor = Lap(sw);

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: parse {parse:F0} ms | plan {plan:F1} | specs {specTime:F1} | emit {emit:F0} (agents {emitAgents:F0}, messages {emitMessages:F0}) ({chars / 1024} KB) | Roslyn parse of emitted {roslyn:F0} | whole driver run {driver:F0} || floor: YAML events {yaml:F0}, whole floor {floor:F0}"));
            Console.WriteLine("  allocated (parse, plan, specs, emit, roslyn, driver, yaml, floor): " + string.Join(" | ", Allocations));
            Allocations.Clear();
        }
    }

    private static long _allocated = GC.GetAllocatedBytesForCurrentThread();
    private static int _collections = GC.CollectionCount(0);
    private static readonly List<string> Allocations = new();

    private static double Lap(Stopwatch sw)
    {
        double ms = sw.Elapsed.TotalMilliseconds;
        long now = GC.GetAllocatedBytesForCurrentThread();
        int gcs = GC.CollectionCount(0);
        Allocations.Add(string.Create(CultureInfo.InvariantCulture, $"{(now - _allocated) / 1048576.0:F1} MB/{gcs - _collections} GC"));
        _allocated = now;
        _collections = gcs;
        sw.Restart();
        return ms;
    }
}
