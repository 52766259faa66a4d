using Xunit.Abstractions;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// The CI fuzz run: a fixed seed and a few thousand mutants of the sample and test agent files.
/// Scale it with AGENTGEN_FUZZ_COUNT / AGENTGEN_FUZZ_SEED / AGENTGEN_FUZZ_START (see
/// docs/robustness.md for the long-run command); any mutant can be replayed from its seed and index.
/// </summary>
public class FuzzTests
{
    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Mutants_of_the_agent_files_never_break_the_build()
    {
        FuzzSettings settings = FuzzSettings.FromEnvironment();
        FuzzReport report = null!;
        SmallStack.Run(() => report = Fuzzer.Run(settings, line =>
        {
            if (settings.LogPath is not null)
            {
                File.AppendAllText(settings.LogPath, line + "\n");
            }
        }), 1024 * 1024);
        _output.WriteLine(report.Summary());
        if (settings.LogPath is not null)
        {
            File.AppendAllText(settings.LogPath, report.Summary());
        }

        Assert.True(report.Failures.Count == 0, report.Summary());
        Assert.True(report.Mutants >= Math.Min(settings.Count, 1), "no mutants ran");
        Assert.True(report.Compiled > 0 || settings.Count < settings.CompileEvery, "no mutant was compiled");
    }

    [Fact]
    public void Mutants_are_reproducible_from_seed_and_index()
    {
        var mutator = new Mutator(Fuzzer.Seeds());
        for (long i = 0; i < 50; i++)
        {
            var (text1, bytes1, recipe1) = mutator.Mutant(7, i);
            var (text2, bytes2, recipe2) = mutator.Mutant(7, i);
            Assert.Equal(text1, text2);
            Assert.Equal(recipe1, recipe2);
            Assert.Equal(bytes1, bytes2);
        }

        Assert.NotEqual(mutator.Mutant(7, 1).Text, mutator.Mutant(7, 2).Text);
    }
}
