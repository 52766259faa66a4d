using AgentGen.Catalog;
using AgentGen.CodeFixes;
using AgentGen.Parsing;
using AgentGen.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// The repair rate (issue 27): of the files with AGEN002, how many Fix All offers a repair for, how
/// many become valid with every value intact, and how many get no fix; no repair may change a value.
/// Run on the shape corpus (<see cref="RepairCorpus"/>) and on every agent file in the repository.
/// </summary>
public class RepairRateTests(ITestOutputHelper output)
{
    /// <summary>The descriptions the repository's broken agent files mean (written out by hand).</summary>
    private static readonly Dictionary<string, string> RepositoryIntended = new(StringComparer.Ordinal)
    {
        ["multiline-user-assistant.md"] = "Use this agent when a customer wants to know where an order is, for example\nuser: Where is my parcel? I ordered it on Monday.\nassistant: I will ask the order-status-helper agent to look up the shipment.",
        ["unquoted-colon-description.md"] = "Reviews Terraform plans before they are applied and explains each destructive change. Triggers on: review, plan, drift",
    };

    private sealed record Rate(int Files, int Broken, int Offered, int ValidIntact, int NoFix, int Wrong);

    private static Rate Measure(IEnumerable<(string Path, string Text, string? Intended)> files, List<string> wrong)
    {
        int count = 0, broken = 0, offered = 0, intact = 0, none = 0;
        foreach ((string path, string text, string? intended) in files)
        {
            count++;
            if (!AgentFileParser.Parse(path, text).Diagnostics.Any(d => d.Descriptor.Id == "AGEN002"))
            {
                continue;
            }

            broken++;
            string after = AgentFileFixAllProvider.RepairAll(path, text, CopilotCatalog.DialectOf(null, path), CancellationToken.None, out int repairs);
            if (repairs == 0)
            {
                none++;
                continue;
            }

            offered++;
            AgentParseResult result = AgentFileParser.Parse(path, after);
            if (result.Model is not null && intended is not null && result.Model.Description == intended && result.Model.Metadata.IsEmpty)
            {
                intact++;
            }
            else
            {
                wrong.Add(path + ":\n" + after);
            }
        }

        return new Rate(count, broken, offered, intact, none, broken - none - intact);
    }

    [Fact]
    public void Every_repair_offered_keeps_every_value()
    {
        var wrong = new List<string>();
        Rate shapes = Measure(RepairCorpus.Shapes.Select(s => ("/p/.claude/agents/" + s.Name + ".md", s.Text, (string?)s.Description)), wrong);

        string root = TestFiles.RepoRoot;
        IEnumerable<string> agentFiles = new[] { "samples", "tests" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.md", SearchOption.AllDirectories))
            .Where(p => !p.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar) && !p.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
            .Where(p => p.Contains(Path.Combine(".claude", "agents")) || p.Contains(Path.Combine(".github", "agents")) || p.Contains(Path.Combine("TestData", "Agents")))
            .OrderBy(p => p, StringComparer.Ordinal);
        Rate repository = Measure(agentFiles.Select(p => (p, TestFiles.Read(p), RepositoryIntended.TryGetValue(Path.GetFileName(p), out string? d) ? d : null)), wrong);

        foreach ((string name, Rate r) in new[] { ("shape corpus", shapes), ("repository", repository) })
        {
            output.WriteLine($"{name}: {r.Files} files, {r.Broken} with AGEN002: fix offered {r.Offered}, valid with every value intact {r.ValidIntact}, no fix {r.NoFix}, wrong {r.Wrong}");
        }

        Assert.True(wrong.Count == 0, string.Join("\n\n", wrong));
        Assert.Equal(RepairCorpus.Shapes.Length, shapes.Broken);
        Assert.True(repository.Broken >= RepositoryIntended.Count, $"only {repository.Broken} broken files found under {root}");
    }
}
