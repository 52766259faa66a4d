using Xunit.Abstractions;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// The CI grammar fuzz run (issue 14): a fixed seed and a few thousand files written from the
/// format's own vocabulary. Scale it with AGENTGEN_GRAMMAR_FILES and friends (docs/robustness.md).
/// </summary>
public class GrammarFuzzTests
{
    private readonly ITestOutputHelper _output;

    public GrammarFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Files_written_from_the_formats_vocabulary_never_break_the_build()
    {
        GrammarFuzzSettings settings = GrammarFuzzSettings.FromEnvironment();
        GrammarFuzzReport report = null!;
        SmallStack.Run(() => report = GrammarFuzzer.Run(settings, line =>
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
        Assert.True(report.Files >= settings.Files, "fewer files than asked for");
        Assert.True(report.AgentsLoaded > report.Projects, "hardly any agent was generated: the grammar no longer writes usable files");
        Assert.True(report.Calls > 0, "no generated member was called");
    }

    [Fact]
    public void The_grammar_is_reproducible_and_reaches_the_tokens_it_is_for()
    {
        var grammar = new AgentGrammar();
        Assert.Equal(grammar.Project(3, 5, 30), grammar.Project(3, 5, 30));
        Assert.NotEqual(grammar.Project(3, 5, 30), grammar.Project(3, 6, 30));

        string all = string.Concat(Enumerable.Range(0, 40).SelectMany(p => grammar.Project(1, p, 40)).Select(f => f.Path + "\n" + f.Text));
        foreach (string token in new[] { "mcp__*", "mcp__github__create_issue", "Bash(git:*)", "github/*", "KillShell", "permissionMode", "```json", ".agent.md", "opusplan", "request_type" })
        {
            Assert.Contains(token, all, StringComparison.Ordinal);
        }
    }
}
