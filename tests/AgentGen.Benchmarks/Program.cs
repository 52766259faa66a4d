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

        if (args.Length > 0 && args[0] == "--loop")
        {
            // For a profiler: cold generation of 1,000 agents, over and over.
            var cold = new ColdGenerationBenchmarks { Agents = 1000 };
            cold.Setup();
            for (int i = 0; i < int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                cold.Generator();
            }

            return;
        }

        IConfig config = DefaultConfig.Instance;
        if (!args.Any(a => a.StartsWith("--job", StringComparison.Ordinal) || a == "-j"))
        {
            config = config.AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(7).WithId("Short7"));
        }

        if (args.Length == 0)
        {
            args = new[] { "--filter", "*" };
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
