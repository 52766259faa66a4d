using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;

namespace AgentGen.Model
{
    /// <summary>How names in agent files become C# identifiers (README.md, "Quick start": agent classes, payload records, AgentTool members).</summary>
    internal static class Naming
    {
        /// <summary>
        /// The longest identifier AgentGen generates. Longer names are cut and end in a hash of the
        /// whole name (<see cref="Clip"/>), so they stay distinct; the compiler's own limits (512
        /// chars per identifier, 1,023 UTF-8 bytes per metadata name) are far away.
        /// </summary>
        public const int MaxIdentifierLength = 128;

        /// <summary>The longest hint name stem (file name of a generated source, before ".g.cs").</summary>
        public const int MaxHintStemLength = 100;

        /// <summary>
        /// <paramref name="identifier"/> when it has at most <paramref name="max"/> chars; otherwise
        /// its first chars, <c>_</c> and eight hex digits of a hash of the whole identifier.
        /// </summary>
        public static string Clip(string identifier, int max = MaxIdentifierLength)
        {
            if (identifier.Length <= max)
            {
                return identifier;
            }

            int keep = Math.Max(1, max - 9);
            return identifier.Substring(0, keep) + "_" + Hash(identifier);
        }

        /// <summary>FNV-1a over the UTF-16 code units, as eight upper-case hex digits: stable across runs, machines and cultures.</summary>
        public static string Hash(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// A hint name stem for a generated type: ASCII letters, digits and <c>_</c> only (other
        /// letters as <c>uXXXX</c>), at most <see cref="MaxHintStemLength"/> chars, so the file
        /// name is valid and short on every file system when generated files are written to disk.
        /// </summary>
        public static string HintStem(string typeName)
        {
            var sb = new StringBuilder(typeName.Length);
            foreach (char c in typeName)
            {
                if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')
                {
                    sb.Append(c);
                }
                else
                {
                    sb.Append('u').Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return Clip(sb.ToString(), MaxHintStemLength);
        }

        /// <summary>
        /// Splits on every character that is not a letter or digit, PascalCases each part and
        /// joins them (<c>powershell-5.1-expert</c> becomes <c>Powershell51Expert</c>). A leading
        /// digit gets a <c>_</c> prefix. Empty when the text has no letter or digit.
        /// </summary>
        public static string ToPascalCase(string text)
        {
            char[] chars = new char[text.Length + 1];
            int n = 0;
            bool startOfPart = true;
            foreach (char c in text)
            {
                if (IsIdentifierLetterOrDigit(c))
                {
                    if (n == 0 && char.IsDigit(c))
                    {
                        chars[n++] = '_';
                    }

                    chars[n++] = startOfPart ? char.ToUpperInvariant(c) : c;
                    startOfPart = false;
                }
                else
                {
                    startOfPart = true;
                }
            }

            return n == 0 ? string.Empty : new string(chars, 0, n);
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

            if (pascal.EndsWith("Agent", StringComparison.Ordinal))
            {
                return Clip(pascal);
            }

            return Clip(pascal, MaxIdentifierLength - 5) + "Agent";
        }

        /// <summary>The <c>AgentCatalog</c> property for an agent: its class name without the <c>Agent</c> suffix.</summary>
        public static string CatalogPropertyName(string className)
        {
            string trimmed = className.Length > 5 && className.EndsWith("Agent", StringComparison.Ordinal)
                ? className.Substring(0, className.Length - 5)
                : className;
            if (trimmed.Length == 0 || trimmed == "_" || CatalogMembers.IsReserved(trimmed) || char.IsDigit(trimmed[0]))
            {
                return className;
            }

            return trimmed;
        }

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
                return member == "Mcp" ? null : Clip(member);
            }

            string pascal = ToPascalCase(toolName);
            return pascal.Length == 0 ? null : Clip(pascal);
        }

        /// <summary><c>get_requirements</c> becomes <c>GetRequirementsPayload</c>.</summary>
        public static string PayloadRecordName(string requestType)
        {
            string pascal = ToPascalCase(requestType);
            if (pascal.Length == 0)
            {
                pascal = "Unnamed";
            }

            return Clip(pascal, MaxIdentifierLength - 7) + "Payload";
        }
    }
}
