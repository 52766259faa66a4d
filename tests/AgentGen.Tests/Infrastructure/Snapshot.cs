using System.Runtime.CompilerServices;

namespace AgentGen.Tests.Infrastructure;

/// <summary>
/// Plain-file snapshots: compares text with tests/AgentGen.Tests/Snapshots/{name}.verified.cs.
/// On a mismatch writes {name}.received.cs beside it and fails. Accept a change by running the
/// tests with AGENTGEN_ACCEPT_SNAPSHOTS=1 (then review the diff in git).
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        string dir = Path.Combine(FindTestProjectDir(callerPath), "Snapshots");
        Directory.CreateDirectory(dir);
        string verified = Path.Combine(dir, name + ".verified.cs");
        string received = Path.Combine(dir, name + ".received.cs");
        string normalized = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("AGENTGEN_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, normalized);
            return;
        }

        if (!File.Exists(verified))
        {
            File.WriteAllText(received, normalized);
            Assert.Fail($"No snapshot {verified}. Wrote {received}: review it and rename it to .verified.cs (or run with AGENTGEN_ACCEPT_SNAPSHOTS=1).");
        }

        string expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected != normalized)
        {
            File.WriteAllText(received, normalized);
            Assert.Fail($"Snapshot {name} differs; see {received}.\n" + FirstDifference(expected, normalized));
        }

        if (File.Exists(received))
        {
            File.Delete(received);
        }
    }

    private static string FindTestProjectDir(string callerPath)
    {
        string? dir = Path.GetDirectoryName(callerPath);
        while (dir is not null && !File.Exists(Path.Combine(dir, "AgentGen.Tests.csproj")))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir ?? throw new InvalidOperationException("Test project folder not found from " + callerPath);
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(no line differs)";
    }
}
