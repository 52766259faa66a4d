using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AgentGen.Tests.Infrastructure;

/// <summary>Metadata references for test compilations: the running .NET plus AgentGen.Abstractions, no downloads.</summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(() =>
    {
        var refs = new List<MetadataReference>();
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        foreach (string path in tpa.Split(Path.PathSeparator))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard" or "Microsoft.CSharp" || name == "AgentGen.Abstractions")
            {
                refs.Add(MetadataReference.CreateFromFile(path));
            }
        }

        if (!refs.Exists(r => r.Display!.EndsWith("AgentGen.Abstractions.dll", StringComparison.Ordinal)))
        {
            refs.Add(MetadataReference.CreateFromFile(typeof(AgentGen.IAgentDefinition).Assembly.Location));
        }

        return refs.ToImmutableArray();
    });

    /// <summary>Everything, including System.Text.Json.</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    /// <summary>Without System.Text.Json (to test output for projects that do not reference it).</summary>
    public static ImmutableArray<MetadataReference> WithoutJson =>
        All.Where(r => !Path.GetFileName(r.Display!).StartsWith("System.Text.Json", StringComparison.Ordinal)).ToImmutableArray();

    /// <summary>For Microsoft.CodeAnalysis.Testing: no reference package to download; the running framework instead.</summary>
    public static ReferenceAssemblies TestingAssemblies { get; } = new ReferenceAssemblies("net10.0");
}
