using Xunit.Sdk;

namespace AgentGen.PackageTests.Infrastructure;

/// <summary>A fresh project in its own temporary folder that references AgentGen from the test feed.</summary>
public sealed class ConsumerProject
{
    private readonly PackageFixture fixture;

    public ConsumerProject(PackageFixture fixture, string directory, string name)
    {
        this.fixture = fixture;
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }
    public string Name { get; }

    /// <summary>
    /// A project in a subfolder of this consumer's folder (<c>src/App</c>), as in a repository whose
    /// root holds the agent files: same feed (the nuget.config at the consumer's folder is found
    /// from below), its own project file and commands.
    /// </summary>
    public ConsumerProject Subproject(string relativeDirectory, string name)
        => new(fixture, Path.Combine(Directory, relativeDirectory.Replace('/', Path.DirectorySeparatorChar)), name);

    public ConsumerProject WriteFile(string relativePath, string text)
    {
        string path = Path.Combine(Directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return this;
    }

    /// <summary>
    /// Writes <c>{Name}.csproj</c>: an SDK-style project whose only reference is
    /// <c>&lt;PackageReference Include="AgentGen" Version="..."/&gt;</c>, plus the given properties and items.
    /// </summary>
    public ConsumerProject WriteProject(string targetFramework, bool exe, string properties = "", string items = "")
    {
        string outputType = exe ? "\n    <OutputType>Exe</OutputType>" : "";
        return WriteFile(Name + ".csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>{outputType}
                <TargetFramework>{targetFramework}</TargetFramework>
            {Indent(properties, "    ")}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AgentGen" Version="{fixture.Version}" />
              </ItemGroup>
              <ItemGroup>
            {Indent(items, "    ")}
              </ItemGroup>
            </Project>
            """);
    }

    public CommandResult Build()
        => DotNetCli.Run(Directory, new[] { "build", "-nodeReuse:false", "--disable-build-servers", "-tl:off", "-v:minimal", "-clp:NoSummary" }, fixture.ConsumerEnvironment);

    public CommandResult Run(params string[] programArguments)
    {
        var arguments = new List<string> { "run", "--no-build" };
        if (programArguments.Length > 0)
        {
            arguments.Add("--");
            arguments.AddRange(programArguments);
        }

        return DotNetCli.Run(Directory, arguments, fixture.ConsumerEnvironment);
    }

    /// <summary>Builds and fails the test, with the whole build log, unless the build succeeds.</summary>
    public CommandResult BuildSucceeds()
    {
        CommandResult build = Build();
        if (build.ExitCode != 0)
        {
            throw new XunitException($"Build of consumer '{Name}' failed.\n{build}");
        }

        return build;
    }

    /// <summary>Runs the built program and fails the test, with its output, unless it exits with 0.</summary>
    public CommandResult RunSucceeds(params string[] programArguments)
    {
        CommandResult run = Run(programArguments);
        if (run.ExitCode != 0)
        {
            throw new XunitException($"Consumer '{Name}' exited with {run.ExitCode}.\n{run}");
        }

        return run;
    }

    private static string Indent(string text, string indent)
        => string.Join("\n", text.ReplaceLineEndings("\n").Trim('\n').Split('\n').Select(l => l.Length == 0 ? l : indent + l));
}
