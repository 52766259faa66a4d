using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace AgentGen.PackageTests.Infrastructure;

/// <summary>Reads compiler and MSBuild diagnostics out of <c>dotnet build</c> output.</summary>
public static partial class BuildOutput
{
    // /abs/path/file.md(3,46): error AGEN002: message [/abs/path/project.csproj]
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<line>\d+),(?<col>\d+)(,\d+,\d+)?\): (?<severity>error|warning|info) (?<id>[A-Za-z]+\d+): ")]
    private static partial Regex DiagnosticLine();

    /// <summary>
    /// Every distinct diagnostic as <c>path(line,col): severity ID</c>, the path relative to the
    /// consumer folder with '/' separators, e.g. <c>.claude/agents/broken.md(3,46): error AGEN002</c>.
    /// </summary>
    public static IReadOnlyList<string> Diagnostics(CommandResult result, ConsumerProject consumer)
    {
        string root = consumer.Directory.Replace('\\', '/').TrimEnd('/') + "/";
        var found = new List<string>();
        foreach (string line in result.Lines)
        {
            Match m = DiagnosticLine().Match(line);
            if (!m.Success)
            {
                continue;
            }

            string file = m.Groups["file"].Value;
            if (file.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                file = file[root.Length..];
            }

            string text = $"{file}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["severity"].Value} {m.Groups["id"].Value}";
            if (!found.Contains(text))
            {
                found.Add(text);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The diagnostics with the given severity (<c>error</c>, <c>warning</c>).</summary>
    public static IReadOnlyList<string> Diagnostics(CommandResult result, ConsumerProject consumer, string severity)
        => Diagnostics(result, consumer).Where(d => d.Contains("): " + severity + " ", StringComparison.Ordinal)).ToArray();

    /// <summary>Asserts the exact set of diagnostics (order-insensitive), with the whole log on failure.</summary>
    public static void AssertDiagnostics(CommandResult result, ConsumerProject consumer, params string[] expected)
    {
        IReadOnlyList<string> actual = Diagnostics(result, consumer);
        string[] sortedExpected = expected.OrderBy(e => e, StringComparer.Ordinal).ToArray();
        if (!actual.SequenceEqual(sortedExpected))
        {
            throw new XunitException(
                "Diagnostics differ.\nExpected:\n  " + string.Join("\n  ", sortedExpected)
                + "\nActual:\n  " + string.Join("\n  ", actual)
                + "\n\n" + result);
        }
    }

    /// <summary>Asserts that some line of the output contains <paramref name="fragment"/>.</summary>
    public static string AssertLine(CommandResult result, string fragment)
    {
        IReadOnlyList<string> lines = result.LinesContaining(fragment);
        if (lines.Count == 0)
        {
            throw new XunitException($"No output line contains \"{fragment}\".\n{result}");
        }

        return lines[0];
    }

    /// <summary>Asserts that no line of the output contains <paramref name="fragment"/>.</summary>
    public static void AssertNoLine(CommandResult result, string fragment)
    {
        IReadOnlyList<string> lines = result.LinesContaining(fragment);
        if (lines.Count > 0)
        {
            throw new XunitException($"Unexpected output containing \"{fragment}\":\n  {string.Join("\n  ", lines)}\n\n{result}");
        }
    }

    /// <summary>The program's output lines, without blank lines.</summary>
    public static IReadOnlyList<string> ProgramLines(CommandResult run)
        => run.Output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
