using System.Diagnostics;
using System.Globalization;

namespace AgentGen.Benchmarks;

/// <summary>
/// A quick A/B reading of <see cref="EditBenchmarks"/> (not a benchmark): <c>-- --edit-ratio [rounds]
/// [budget share]</c> runs its setup once, then ColdGeneration, EditOneAgent, UnrelatedCSharpEdit
/// and its same-output-count floor in turn (the edits five times a round), a full GC before each call, and prints each one's
/// median and minimum and the two ratios docs/performance.md reports. A budget share below 1 puts
/// the project over AGEN021's budget (<see cref="EditBenchmarks.BudgetShare"/>).
/// </summary>
internal static class EditRatios
{
    private const int EditsPerRound = 5;

    private static double Time(Action run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sw = Stopwatch.StartNew();
        run();
        return sw.Elapsed.TotalMilliseconds;
    }

    public static void Run(int rounds, double budgetShare)
    {
        var bench = new EditBenchmarks { BudgetShare = budgetShare };
        bench.Setup();
        var cases = new (string Name, Action Run)[]
        {
            (nameof(EditBenchmarks.ColdGeneration), () => bench.ColdGeneration()),
            (nameof(EditBenchmarks.EditOneAgent), () => bench.EditOneAgent()),
            (nameof(EditBenchmarks.UnrelatedCSharpEdit), () => bench.UnrelatedCSharpEdit()),
            (nameof(EditBenchmarks.UnrelatedCSharpEdit_SameOutputCountFloor), () => bench.UnrelatedCSharpEdit_SameOutputCountFloor()),
        };

        // Cold generation takes a hundred times longer than an edit: each round runs it once and
        // each edit case five times, interleaved, so the edits' medians rest on more calls.
        var times = cases.ToDictionary(c => c.Name, _ => new List<double>());
        for (int i = 0; i < rounds; i++)
        {
            for (int k = 0; k < EditsPerRound; k++)
            {
                foreach ((string name, Action run) in cases)
                {
                    if (k == 0 || name != nameof(EditBenchmarks.ColdGeneration))
                    {
                        times[name].Add(Time(run));
                    }
                }
            }
        }

        double Median(string name) => times[name].Order().ElementAt(times[name].Count / 2);
        foreach ((string name, List<double> t) in times)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {Median(name):F2} ms, min {t.Min():F2} ms"));
        }

        string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"EditOneAgent / ColdGeneration {Median(nameof(EditBenchmarks.EditOneAgent)) / Median(nameof(EditBenchmarks.ColdGeneration)):P1}; UnrelatedCSharpEdit / floor {Median(nameof(EditBenchmarks.UnrelatedCSharpEdit)) / Median(nameof(EditBenchmarks.UnrelatedCSharpEdit_SameOutputCountFloor)):F2}x ({rounds} rounds; budget share {budgetShare}; load average {load})"));
    }
}
