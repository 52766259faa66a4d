using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace AgentGen.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks (docs/performance.md). Without arguments: every benchmark, with a short
    /// job that fits a 2-core machine in about 15 minutes. Any BenchmarkDotNet argument works
    /// (--filter, --job dry for a smoke run, ...).
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--breakdown")
        {
            Breakdown.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1000);
            return;
        }

        if (args.Length > 0 && args[0] == "--analyzer-time")
        {
            AnalyzerBenchmarks.PrintCpuTimes(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3);
            return;
        }

        if (args.Length > 0 && args[0] == "--edit-ratio")
        {
            EditRatios.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15, args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
            return;
        }

        if (args.Length > 1 && args[0] == "--cold-ratio")
        {
            // A quick A/B reading while optimising (not a benchmark): Floor and Generator alternate in
            // one process, a full GC before each call; prints the medians and their ratio.
            var cold = new ColdGenerationBenchmarks { Agents = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) };
            cold.Setup();
            int rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 25;
            var floor = new List<double>();
            var generator = new List<double>();
            var pauses = new Dictionary<List<double>, double>();
            for (int i = 0; i < rounds; i++)
            {
                foreach ((List<double> into, Action run) in new (List<double>, Action)[] { (floor, () => cold.Floor()), (generator, () => cold.Generator()) })
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    TimeSpan paused = GC.GetTotalPauseDuration();
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    run();
                    into.Add(sw.Elapsed.TotalMilliseconds);
                    pauses[into] = pauses.GetValueOrDefault(into) + (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
                }
            }

            floor.Sort();
            generator.Sort();
            double fm = floor[rounds / 2], gm = generator[rounds / 2];
            Console.WriteLine($"{cold.Agents} agents: floor median {fm:F2} ms (min {floor[0]:F2}), generator median {gm:F2} ms (min {generator[0]:F2}), ratio of medians {gm / fm:F2}, of minimums {generator[0] / floor[0]:F2}; GC pauses per call: floor {pauses[floor] / rounds:F2} ms, generator {pauses[generator] / rounds:F2} ms");
            return;
        }

        if (args.Length > 2 && args[0] == "--loop")
        {
            // For a profiler: "--loop Class.Method K [agents]" runs the benchmark's setup (1,000 agents
            // unless given), then the method K times.
            string[] parts = args[1].Split('.');
            Type type = typeof(Program).Assembly.GetTypes().Single(t => t.Name == parts[0]);
            object instance = Activator.CreateInstance(type)!;
            type.GetProperty("Agents")?.SetValue(instance, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1000);
            type.GetMethod("Setup")!.Invoke(instance, null);
            System.Reflection.MethodInfo method = type.GetMethod(parts[1])!;
            int count = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
            var times = new List<double>(count);
            for (int i = 0; i < count; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect(); // as BenchmarkDotNet does between iterations
                var sw = System.Diagnostics.Stopwatch.StartNew();
                method.Invoke(instance, null);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{args[1]}: min {times[0]:F1} ms, median {times[count / 2]:F1} ms, max {times[^1]:F1} ms per call ({count} calls)");
            return;
        }

        // Min and Median next to Mean: on a shared 2-core machine the mean carries other processes' noise.
        IConfig config = DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.Median);
        if (!args.Any(a => a.StartsWith("--job", StringComparison.Ordinal) || a == "-j"))
        {
            // Ten warmup iterations: code that runs once per operation (one file's parse in an edit)
            // needs about 30 calls before the JIT's tier 1, and the IDE runs it warm.
            config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(10).WithIterationCount(7).WithId("Short"));
        }

        if (args.Length == 0)
        {
            args = new[] { "--filter", "*" };
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
