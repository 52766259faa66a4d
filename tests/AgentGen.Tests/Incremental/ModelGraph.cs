using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Tests.Incremental;

/// <summary>
/// Walks an object graph (fields of every object, elements of every array) and reports what must
/// never be kept in a pipeline model: compiler objects that pin a compilation in memory or compare
/// by reference, and bare ImmutableArray (reference equality).
/// </summary>
internal static class ModelGraph
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree),
        typeof(AdditionalText), typeof(SourceText), typeof(Location), typeof(AnalyzerConfigOptions),
        typeof(AnalyzerConfigOptionsProvider), typeof(Delegate),
    };

    public static List<string> FindForbidden(object? root, string rootName, ISet<Type> seenTypes)
    {
        var problems = new List<string>();
        Walk(root, root?.GetType() ?? typeof(object), rootName, new HashSet<object>(ReferenceEqualityComparer.Instance), seenTypes, problems, 0);
        return problems;
    }

    public static string? Why(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            return "bare ImmutableArray<T> (compares by reference)";
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Why(inner);
        }

        foreach (Type t in Forbidden)
        {
            if (t.IsAssignableFrom(type))
            {
                return t.Name;
            }
        }

        return null;
    }

    private static void Walk(object? value, Type declared, string path, HashSet<object> visited, ISet<Type> seenTypes, List<string> problems, int depth)
    {
        if (Why(declared) is { } staticReason)
        {
            problems.Add($"{path}: declared as {declared.Name}: {staticReason}");
            return;
        }

        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        if (Why(type) is { } reason)
        {
            problems.Add($"{path}: {type.Name}: {reason}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type or MemberInfo || type == typeof(IntPtr) || type == typeof(UIntPtr))
        {
            return;
        }

        if (depth > 200)
        {
            problems.Add($"{path}: graph deeper than 200");
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        seenTypes.Add(type);
        if (value is Array array)
        {
            Type element = type.GetElementType()!;
            int i = 0;
            foreach (object? item in array)
            {
                Walk(item, element, $"{path}[{i++}]", visited, seenTypes, problems, depth + 1);
            }

            return;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), field.FieldType, path + "." + Clean(field.Name), visited, seenTypes, problems, depth + 1);
            }
        }
    }

    private static string Clean(string fieldName)
        => fieldName.StartsWith('<') && fieldName.IndexOf('>') is int end and > 0 ? fieldName.Substring(1, end - 1) : fieldName;
}
