using System;
using Microsoft.CodeAnalysis;

namespace AgentGen.Generator
{
    /// <summary>
    /// <c>Combine</c> read through named parameters: each combination becomes one record (or value)
    /// at once, instead of nested pairs read as <c>input.Left.Left.Right</c>.
    /// </summary>
    internal static class ProviderExtensions
    {
        public static IncrementalValueProvider<TResult> CombineInto<T1, T2, TResult>(this IncrementalValueProvider<T1> first, IncrementalValueProvider<T2> second, Func<T1, T2, TResult> into)
            => first.Combine(second).Select((pair, _) => into(pair.Left, pair.Right));

        public static IncrementalValueProvider<TResult> CombineInto<T1, T2, T3, TResult>(this IncrementalValueProvider<T1> first, IncrementalValueProvider<T2> second, IncrementalValueProvider<T3> third, Func<T1, T2, T3, TResult> into)
            => first.Combine(second).Combine(third).Select((all, _) =>
            {
                ((T1 a, T2 b), T3 c) = all;
                return into(a, b, c);
            });
    }
}
