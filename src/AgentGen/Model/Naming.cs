using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;

namespace AgentGen.Model
{
    /// <summary>How names in agent files become C# identifiers (contract §2-§4).</summary>
    internal static class Naming
    {
        /// <summary>
        /// Splits on every character that is not a letter or digit, PascalCases each part and
        /// joins them (<c>powershell-5.1-expert</c> becomes <c>Powershell51Expert</c>). A leading
        /// digit gets a <c>_</c> prefix. Empty when the text has no letter or digit.
        /// </summary>
        public static string ToPascalCase(string text)
        {
            var sb = new StringBuilder(text.Length);
            bool startOfPart = true;
            foreach (char c in text)
            {
                if (IsIdentifierLetterOrDigit(c))
                {
                    sb.Append(startOfPart ? char.ToUpperInvariant(c) : c);
                    startOfPart = false;
                }
                else
                {
                    startOfPart = true;
                }
            }

            if (sb.Length > 0 && char.IsDigit(sb[0]))
            {
                sb.Insert(0, '_');
            }

            return sb.ToString();
        }

        /// <summary>Letters and decimal digits that C# accepts in identifiers (no surrogates, no combining marks).</summary>
        private static bool IsIdentifierLetterOrDigit(char c)
        {
            if (c < 128)
            {
                return c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
            }

            return char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
        }

        /// <summary><c>backend-architect</c> becomes <c>BackendArchitectAgent</c>.</summary>
        public static string AgentClassName(string name)
        {
            string pascal = ToPascalCase(name);
            if (pascal.Length == 0)
            {
                pascal = "Unnamed";
            }

            return pascal.EndsWith("Agent", StringComparison.Ordinal) ? pascal : pascal + "Agent";
        }

        /// <summary>The <c>AgentCatalog</c> property for an agent: its class name without the <c>Agent</c> suffix.</summary>
        public static string CatalogPropertyName(string className)
        {
            string trimmed = className.Length > 5 && className.EndsWith("Agent", StringComparison.Ordinal)
                ? className.Substring(0, className.Length - 5)
                : className;
            if (trimmed.Length == 0 || trimmed == "_" || ReservedCatalogMembers.Contains(trimmed) || char.IsDigit(trimmed[0]))
            {
                return className;
            }

            return trimmed;
        }

        private static readonly HashSet<string> ReservedCatalogMembers = new(StringComparer.Ordinal) { "All", "TryGet", "Get", "AgentCatalog", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize" };

        /// <summary>
        /// The <c>AgentTool</c> member for a tool name: built-ins as written; <c>mcp__server__tool</c>
        /// as <c>Mcp</c> + server + tool; anything else PascalCased. Null for names that cannot be a
        /// member (whole-server MCP entries, names without letters or digits).
        /// </summary>
        public static string? ToolMemberName(string toolName)
        {
            if (ToolCatalog.IsBuiltIn(toolName))
            {
                return toolName;
            }

            if (ToolCatalog.TryParseMcp(toolName, out string server, out string? tool))
            {
                if (tool is null)
                {
                    return null;
                }

                string member = "Mcp" + ToPascalCase(server).TrimStart('_') + ToPascalCase(tool).TrimStart('_');
                return member == "Mcp" ? null : member;
            }

            string pascal = ToPascalCase(toolName);
            return pascal.Length == 0 ? null : pascal;
        }

        /// <summary><c>get_requirements</c> becomes <c>GetRequirementsPayload</c>.</summary>
        public static string PayloadRecordName(string requestType)
        {
            string pascal = ToPascalCase(requestType);
            if (pascal.Length == 0)
            {
                pascal = "Unnamed";
            }

            return pascal + "Payload";
        }
    }
}
