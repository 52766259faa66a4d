using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace AgentGen.Tests.Infrastructure;

/// <summary>Emits a generator run's output compilation and loads it, to exercise generated code at run time.</summary>
public static class GeneratedAssembly
{
    public static Assembly Load(GeneratorResult result)
    {
        result.AssertCompilesCleanly();
        using var stream = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emit = result.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        return context.LoadFromStream(stream);
    }

    public static Type Type(this Assembly assembly, string name) =>
        assembly.GetType("TestProject.Agents." + name) ?? throw new InvalidOperationException("No generated type " + name);

    /// <summary>
    /// The agent's <c>Tool</c> enum as C# finds <c>XAgent.Tool</c>: declared by the class or, for an agent
    /// that may use every tool, inherited from the project's <c>AllToolsAgentDefinition</c>
    /// (reflection's <c>GetNestedType</c> does not look at base types).
    /// </summary>
    public static Type ToolEnum(this Type agent)
    {
        for (Type? t = agent; t is not null; t = t.BaseType)
        {
            if (t.GetNestedType("Tool") is { IsEnum: true } tool)
            {
                return tool;
            }
        }

        throw new InvalidOperationException(agent.Name + " has no Tool enum");
    }

    /// <summary>A public static member as C# binds <c>Type.Member</c>: declared or inherited.</summary>
    public static object? Static(this Type type, string member, params object?[] args)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy;
        if (type.GetProperty(member, Flags) is { } p)
        {
            return p.GetValue(null);
        }

        MethodInfo method = type.GetMethods(Flags).Single(m => m.Name == member && m.GetParameters().Length == args.Length);
        try
        {
            return method.Invoke(null, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    public static IAgentDefinition Agent(this Assembly assembly, string className) =>
        (IAgentDefinition)assembly.Type(className).Static("Instance")!;
}
