using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentGen.Analyzers.Usage
{
    /// <summary>Operation and message helpers shared by the usage rules.</summary>
    internal static class UsageHelpers
    {
        /// <summary>The argument for the parameter at <paramref name="ordinal"/>, if given.</summary>
        public static IArgumentOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>The operation inside any conversions.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        /// <summary>"a, b, c", or the first <paramref name="max"/> and "and N more".</summary>
        public static string JoinCapped(string[] items, int max)
        {
            if (items.Length <= max)
            {
                return string.Join(", ", items);
            }

            var sb = new StringBuilder();
            for (int i = 0; i < max; i++)
            {
                sb.Append(items[i]).Append(", ");
            }

            sb.Append("and ").Append((items.Length - max).ToString(CultureInfo.InvariantCulture)).Append(" more");
            return sb.ToString();
        }

        /// <summary>"'a'", "'a' or 'b'", "'a', 'b' or 'c'".</summary>
        public static string OrList(List<string> items)
        {
            var quoted = new List<string>(items.Count);
            foreach (string s in items)
            {
                quoted.Add("'" + s + "'");
            }

            return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.GetRange(0, quoted.Count - 1)) + " or " + quoted[quoted.Count - 1];
        }
    }
}
