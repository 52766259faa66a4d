using System;
using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Diagnostics;
using static AgentGen.Common.TextLines;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>Frontmatter reader: where the frontmatter is (<see cref="Frontmatter.Split"/>, the rule the code fixes share), its YAML as a mapping, its fields by name, and AGEN001 for a file whose frontmatter is missing.</summary>
        private sealed partial class Session
        {
            /// <summary>
            /// Finds the frontmatter and reads its YAML into a mapping. False when the file stops here:
            /// <paramref name="stop"/> is then the result (documentation, or AGEN001-AGEN003, AGEN021).
            /// </summary>
            private bool TryReadFrontmatter(out FrontmatterSplit split, out YNode root, out AgentParseResult? stop)
            {
                string text = _text;
                root = null!;
                stop = null;

                // '---' on line 1, closed by a later '---' line (Frontmatter.cs).
                split = Frontmatter.Split(text);
                int pos = split.OpenStart;
                int firstLineEnd = split.OpenEnd;
                if (split.State == FrontmatterState.None)
                {
                    // A file with no frontmatter at all (a README beside the agents) is documentation,
                    // as Claude Code treats it (sub-agents page "Subagent files Claude Code skips";
                    // 2.1.43 "Fixed spurious warnings for non-agent markdown files in .claude/agents/"):
                    // no agent, no diagnostic. Only an attempted agent gets AGEN001 (docs/rules/AGEN001.md).
                    if (AttemptedFrontmatter.LooksAttempted(text, pos))
                    {
                        ReportMissingFrontmatter(pos, firstLineEnd);
                        stop = Fail();
                        return false;
                    }

                    stop = new AgentParseResult(null, null, default, _diagnostics) { IsDocumentation = true };
                    return false;
                }

                if (split.State == FrontmatterState.Unclosed)
                {
                    Report(Descriptors.NoFrontmatter, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter opened on line 1 is never closed: add a line '---' after the last field");
                    stop = Fail();
                    return false;
                }

                int yamlStart = split.YamlStart;
                int yamlEnd = split.YamlEnd;
                _yamlStart = yamlStart;
                _yamlEnd = yamlEnd;

                if (!YamlTree.TryRead(text, yamlStart, yamlEnd, out YNode? read, out YamlError yamlError))
                {
                    ReportYamlError(yamlError, yamlEnd);
                    stop = Fail();
                    return false;
                }

                if (read is null || read.IsNull)
                {
                    Report(Descriptors.MissingRequiredField, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter is empty: 'name' and 'description' are required");
                    stop = Fail();
                    return false;
                }

                if (read.Kind != YKind.Mapping)
                {
                    Report(Descriptors.InvalidYaml, SourceSpan.FromBounds(read.Start, Math.Max(read.Start + 1, LineEnd(text, read.Start))), "the frontmatter must be a mapping of 'field: value' lines");
                    stop = Fail();
                    return false;
                }

                root = read;
                return true;
            }

            /// <summary>The frontmatter's fields by name: the first of a repeated field (later ones are AGEN002), plain-string keys only.</summary>
            private Dictionary<string, KeyValuePair<YNode, YNode>> IndexFields(YNode root)
            {
                var fields = new Dictionary<string, KeyValuePair<YNode, YNode>>(StringComparer.Ordinal);
                foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
                {
                    YNode key = entry.Key;
                    if (key.Kind != YKind.Scalar)
                    {
                        Report(Descriptors.InvalidYaml, Span(key), "a field name must be a plain string");
                        continue;
                    }

                    if (fields.ContainsKey(key.Value))
                    {
                        _diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidYaml, Span(key), new[] { YamlErrorExplanation.RepeatedField(_text, _yamlStart, _yamlEnd, key.Start, key.Value, _dialect) }, DialectProps));
                        continue;
                    }

                    fields.Add(key.Value, entry);
                }

                return fields;
            }

            private void ReportMissingFrontmatter(int pos, int firstLineEnd)
            {
                // Say where a late '---' is, if there is one: indented, or after blank lines.
                int lineStart = pos;
                int lineNumber = 1;
                while (lineStart < _text.Length && lineNumber <= 50)
                {
                    int lineEnd = LineEnd(_text, lineStart);
                    string trimmed = _text.Substring(lineStart, lineEnd - lineStart).Trim();
                    if (trimmed == "---")
                    {
                        string where = lineNumber == 1 || _text[lineStart] == ' ' || _text[lineStart] == '\t' ? "is indented" : $"is on line {lineNumber}";
                        if (lineNumber > 1 && where == "is indented")
                        {
                            where = $"is indented and on line {lineNumber}";
                        }

                        int dashes = _text.IndexOf("---", lineStart, lineEnd - lineStart, StringComparison.Ordinal);
                        Report(Descriptors.NoFrontmatter, new SourceSpan(dashes, 3), $"The frontmatter's opening '---' {where}; it must be the very first line of the file, with nothing before it (Claude Code ignores this file)");
                        return;
                    }

                    if (trimmed.Length != 0)
                    {
                        break;
                    }

                    lineStart = NextLine(_text, lineEnd);
                    lineNumber++;
                }

                Report(Descriptors.NoFrontmatter, SourceSpan.FromBounds(pos, firstLineEnd), "The file has no frontmatter: line 1 must be '---', followed by the YAML fields and a closing '---' (Claude Code ignores this file)");
            }
        }
    }
}
