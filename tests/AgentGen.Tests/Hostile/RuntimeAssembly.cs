using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Hostile;

/// <summary>
/// Emits a compilation into memory and loads it into a collectible AssemblyLoadContext, so tests
/// can read the generated values at run time. AgentGen.Abstractions resolves to the test's own
/// copy, so instances cast to <see cref="IAgentDefinition"/>.
/// </summary>
public sealed class RuntimeAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private RuntimeAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static RuntimeAssembly Load(Compilation compilation)
    {
        using var pe = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(pe);
        Assert.True(result.Success, "Emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        Assert.True(!result.Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning), "Emit warned:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20)));
        pe.Position = 0;
        var context = new AssemblyLoadContext("agentgen-runtime-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return new RuntimeAssembly(context, context.LoadFromStream(pe));
    }

    /// <summary>Every generated agent's Instance, by Name.</summary>
    public Dictionary<string, IAgentDefinition> Agents()
    {
        var agents = new Dictionary<string, IAgentDefinition>(StringComparer.Ordinal);
        foreach (Type type in Assembly.GetTypes().Where(t => typeof(IAgentDefinition).IsAssignableFrom(t) && !t.IsAbstract))
        {
            var instance = (IAgentDefinition)type.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            agents.Add(instance.Name, instance);
        }

        return agents;
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    public object? Invoke(string typeName, string method, params object?[] args)
        => Type(typeName).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, args);

    public void Dispose() => _context.Unload();
}
