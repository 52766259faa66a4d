using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentGen.Tests.Infrastructure;

/// <summary>Analyzer config options as the package's props produce them: agent files carry AgentGenKind=Agent.</summary>
public sealed class AgentOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly HashSet<string> _agentPaths;
    private readonly IReadOnlyDictionary<string, string> _otherKinds;

    /// <param name="otherKinds">AgentGenKind of other files by path (e.g. a .mcp.json: McpConfig).</param>
    public AgentOptionsProvider(IEnumerable<string> agentPaths, IDictionary<string, string>? globals = null, IReadOnlyDictionary<string, string>? otherKinds = null)
    {
        _agentPaths = new HashSet<string>(agentPaths, StringComparer.Ordinal);
        _otherKinds = otherKinds ?? new Dictionary<string, string>();
        GlobalOptions = new Options(globals ?? new Dictionary<string, string>());
    }

    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
        => _agentPaths.Contains(textFile.Path)
            ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AgentGenKind"] = "Agent" })
            : _otherKinds.TryGetValue(textFile.Path, out string? kind)
                ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.AgentGenKind"] = kind })
                : Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());
        private readonly IDictionary<string, string> _values;

        public Options(IDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

/// <summary>An in-memory additional file.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8);
    }

    public override string Path { get; }

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
