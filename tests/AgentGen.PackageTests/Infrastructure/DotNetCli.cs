using System.Diagnostics;
using System.Text;

namespace AgentGen.PackageTests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> command: exit code and the interleaved stdout/stderr.</summary>
public sealed class CommandResult
{
    public CommandResult(string commandLine, string workingDirectory, int exitCode, string output)
    {
        CommandLine = commandLine;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        Output = output;
        // MSBuild prints paths with the OS separator; tests compare with '/'.
        Lines = output.Replace('\\', '/').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    public string CommandLine { get; }
    public string WorkingDirectory { get; }
    public int ExitCode { get; }
    public string Output { get; }
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Distinct lines containing <paramref name="text"/> (MSBuild repeats diagnostics in its summary).</summary>
    public IReadOnlyList<string> LinesContaining(string text)
        => Lines.Where(l => l.Contains(text, StringComparison.Ordinal)).Distinct().ToArray();

    public override string ToString()
        => $"> {CommandLine}  (in {WorkingDirectory}, exit code {ExitCode})\n{Output}";
}

/// <summary>
/// Runs the .NET CLI as a user would, isolated from the test host: no inherited MSBuild variables,
/// no build servers or node reuse, telemetry and logo off, optional extra variables (NUGET_PACKAGES).
/// </summary>
public static class DotNetCli
{
    /// <summary>Guard against a hung child process; this is not a performance assertion.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(15);

    public static string Executable { get; } = FindDotNet();

    public static CommandResult Run(string workingDirectory, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs inside `dotnet test`, which sets MSBuild variables that would make the
        // child build use the wrong SDK pieces; a user's shell has none of them.
        foreach (string key in start.Environment.Keys.ToArray())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["TERM"] = "dumb";
        if (environment is not null)
        {
            foreach ((string key, string value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        var gate = new object();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;

        string commandLine = "dotnet " + string.Join(" ", arguments);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(HangGuard))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            throw new InvalidOperationException($"'{commandLine}' in {workingDirectory} did not finish within {HangGuard}.\n{output}");
        }

        process.WaitForExit(); // drain the asynchronous readers
        lock (gate)
        {
            return new CommandResult(commandLine, workingDirectory, process.ExitCode, output.ToString());
        }
    }

    private static string FindDotNet()
    {
        // The test host itself usually runs under the dotnet muxer: use the same one.
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            string candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "dotnet";
    }
}
