namespace AgentGen.Runtime.Tests.FileFields;

/// <summary>An agent built straight from values, as a generated class is, for the runtime-field tests.</summary>
internal sealed class TestAgent : AgentDefinitionBase
{
    public TestAgent(
        string name,
        AgentPermissionMode? mode = null,
        string? hooksJson = null,
        string[]? skills = null,
        AgentMemoryScope? memory = null,
        string? initialPrompt = null,
        string[]? tools = null,
        string instructions = "You are a test agent.")
        : base(name, "A test agent.", null, instructions, inheritsAllTools: tools is null, toolNames: tools, permissionMode: mode, skills: skills, memory: memory, initialPrompt: initialPrompt, hooksJson: hooksJson)
    {
    }
}

/// <summary>A temporary project directory, deleted afterwards.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "agentgen-i26-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string relative, string text)
    {
        string path = Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Collects log lines.</summary>
internal sealed class ListLogger : Microsoft.Extensions.Logging.ILogger, Microsoft.Extensions.Logging.ILoggerFactory, Microsoft.Extensions.Logging.ILoggerProvider
{
    public List<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add(logLevel + ": " + formatter(state, exception));
        }
    }

    public void AddProvider(Microsoft.Extensions.Logging.ILoggerProvider provider)
    {
    }

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => this;

    public void Dispose()
    {
    }
}
