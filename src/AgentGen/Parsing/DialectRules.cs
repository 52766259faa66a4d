using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;

namespace AgentGen.Parsing
{
    /// <summary>
    /// Where the line runs between documentation and an attempted agent, for a file whose line 1 is
    /// not <c>---</c> (docs/rules/AGEN001.md). Claude Code treats every such file as documentation
    /// (sub-agents page; 2.1.43 changelog); AgentGen stays quiet about the ones that are (a README,
    /// notes) and reports AGEN001 on the ones that were meant as agents and that Claude Code
    /// silently skips.
    /// </summary>
    internal static class AttemptedFrontmatter
    {
        /// <summary>How many lines from the top are searched for signs of an agent.</summary>
        public const int LinesSearched = 30;

        private static readonly string[] AgentFields = { "name", "description", "tools", "model" };

        /// <summary>
        /// True when the first non-blank line starts with <c>---</c> (indented, after blank lines, or
        /// followed by text), or
        /// when, outside fenced code blocks, a line within the first <see cref="LinesSearched"/>
        /// lines starts at column 0 with <c>name:</c>, <c>description:</c>, <c>tools:</c> or
        /// <c>model:</c> (frontmatter fields without the opening line).
        /// </summary>
        public static bool LooksAttempted(string text, int pos)
        {
            int lineStart = pos;
            bool sawContent = false;
            bool inFence = false;
            for (int line = 0; line < LinesSearched && lineStart < text.Length; line++)
            {
                int lineEnd = TextLines.LineEnd(text, lineStart);
                string raw = text.Substring(lineStart, lineEnd - lineStart);
                string trimmed = raw.Trim();
                if (!sawContent && trimmed.StartsWith("---", StringComparison.Ordinal))
                {
                    return true; // '---' late, indented, or with text after it on the same line
                }

                if (trimmed.Length > 0)
                {
                    sawContent = true;
                }

                if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                {
                    inFence = !inFence;
                }
                else if (!inFence && IsFieldLine(raw))
                {
                    return true;
                }

                lineStart = TextLines.NextLine(text, lineEnd);
            }

            return false;
        }

        private static bool IsFieldLine(string line)
        {
            foreach (string field in AgentFields)
            {
                if (line.Length > field.Length && line.StartsWith(field, StringComparison.Ordinal) && line[field.Length] == ':')
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Splitting <c>tools</c> entries.</summary>
    internal static class ToolEntries
    {
        /// <summary>
        /// Splits an entry on whitespace outside parentheses when every part is a known tool:
        /// <c>tools: Read Grep Glob</c> grants three tools. Claude Code's tool-list parser splits on
        /// commas and spaces outside parentheses (parseToolListFromCLI in a third-party copy of its
        /// source, ~2.1.88, S8 in docs/catalogue.md); the docs only show commas. That source is weak, so
        /// AgentGen splits only where the result is unambiguous (every part names a known tool):
        /// reading <c>Read Grep Glob</c> as one unknown tool gave the agent no tools at all, while an
        /// entry with an unknown part stays one entry (one AGEN007, as before).
        /// </summary>
        public static List<KeyValuePair<string, SourceSpan>> SplitOnSpaces(List<KeyValuePair<string, SourceSpan>> entries, Func<string, bool> isKnownTool)
        {
            List<KeyValuePair<string, SourceSpan>>? result = null;
            for (int e = 0; e < entries.Count; e++)
            {
                string text = entries[e].Key;
                SourceSpan span = entries[e].Value;
                var parts = Split(text);
                if (parts.Count > 1)
                {
                    foreach (KeyValuePair<int, int> p in parts)
                    {
                        if (!isKnownTool(text.Substring(p.Key, p.Value)))
                        {
                            parts = new List<KeyValuePair<int, int>> { new(0, text.Length) };
                            break;
                        }
                    }
                }

                if (parts.Count == 1 && result is null)
                {
                    continue;
                }

                if (parts.Count == 1)
                {
                    result!.Add(entries[e]);
                    continue;
                }

                if (result is null)
                {
                    result = new List<KeyValuePair<string, SourceSpan>>(entries.Count + parts.Count);
                    for (int i = 0; i < e; i++)
                    {
                        result.Add(entries[i]);
                    }
                }

                bool exact = span.Length == text.Length;
                foreach (KeyValuePair<int, int> p in parts)
                {
                    string part = text.Substring(p.Key, p.Value);
                    result.Add(new KeyValuePair<string, SourceSpan>(part, exact ? new SourceSpan(span.Start + p.Key, p.Value) : span));
                }
            }

            return result ?? entries;
        }

        /// <summary>(start, length) of each whitespace-separated part outside parentheses.</summary>
        private static List<KeyValuePair<int, int>> Split(string text)
        {
            var parts = new List<KeyValuePair<int, int>>();
            int depth = 0;
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && depth > 0)
                {
                    depth--;
                }

                bool separator = depth == 0 && char.IsWhiteSpace(c);
                if (!separator && start < 0)
                {
                    start = i;
                }
                else if (separator && start >= 0)
                {
                    parts.Add(new KeyValuePair<int, int>(start, i - start));
                    start = -1;
                }
            }

            if (parts.Count == 0)
            {
                parts.Add(new KeyValuePair<int, int>(0, text.Length));
            }

            return parts;
        }
    }

    /// <summary>GitHub Copilot's own frontmatter fields (CopilotCatalog): which are known and what they may hold.</summary>
    internal static class CopilotFields
    {
        private static readonly string[] Modeled = { "name", "description", "tools", "model" };

        public static bool IsModeled(string key) => Array.IndexOf(Modeled, key) >= 0;

        public static bool IsKnown(string key) => Array.IndexOf(CopilotCatalog.OtherFields, key) >= 0;

        /// <summary>The Copilot field an unknown key most likely meant (<c>user_invocable</c>, <c>Tools</c>), or null.</summary>
        public static string? SuggestFor(string key)
        {
            var names = new List<string>(Modeled);
            names.AddRange(CopilotCatalog.OtherFields);
            string squashed = NameKey.Of(key);
            foreach (string n in names)
            {
                if (NameKey.Of(n) == squashed)
                {
                    return n;
                }
            }

            return Suggestions.Closest(key, names, ignoreCase: true);
        }

        /// <summary>Values of the Copilot fields AgentGen can check (GitHub custom-agents reference).</summary>
        public static void Check(Dictionary<string, KeyValuePair<YNode, YNode>> fields, List<DiagnosticInfo> diagnostics)
        {
            if (fields.TryGetValue("target", out KeyValuePair<YNode, YNode> target) && !target.Value.IsNull
                && !(target.Value.Kind == YKind.Scalar && (target.Value.Value == "vscode" || target.Value.Value == "github-copilot")))
            {
                diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidFieldValue, SpanOf(target.Value), new[] { "'target' must be 'vscode' or 'github-copilot' (unset means both)" }));
            }

            foreach (string flag in new[] { "disable-model-invocation", "user-invocable", "infer" })
            {
                if (fields.TryGetValue(flag, out KeyValuePair<YNode, YNode> entry) && !entry.Value.IsNull
                    && !(entry.Value.Kind == YKind.Scalar && (entry.Value.Value is "true" or "false" or "True" or "False")))
                {
                    diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidFieldValue, SpanOf(entry.Value), new[] { $"'{flag}' must be true or false" }));
                }
            }

            if (fields.TryGetValue("infer", out KeyValuePair<YNode, YNode> infer))
            {
                diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidFieldValue, SpanOf(infer.Key), new[] { "'infer' is retired (GitHub custom-agents reference): use 'disable-model-invocation: true' for 'infer: false', and 'user-invocable'" }));
            }
        }

        private static SourceSpan SpanOf(YNode node) => SourceSpan.FromBounds(node.Start, Math.Max(node.Start, node.End));
    }
}
