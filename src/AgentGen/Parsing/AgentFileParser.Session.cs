using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using AgentGen.Diagnostics;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;
using static AgentGen.Common.TextLines;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>The state of one parse (the file, what has been read, the diagnostics) and the helpers every reader uses: spans of YAML nodes, a value's source text, suggestion properties, the project's extra known tools.</summary>
        private sealed partial class Session
        {
            private readonly string _path;
            private readonly string _text;
            private readonly IReadOnlyCollection<string>? _extraTools;
            private readonly List<DiagnosticInfo> _diagnostics = new();
            private readonly List<KeyValue> _metadata = new();
            private readonly List<MessageModel> _messages = new();
            private int _yamlStart;
            private int _yamlEnd;
            private readonly AgentDialect _dialect;
            private readonly List<KeyValuePair<string, SourceSpan>> _skillEntries = new();

            public Session(string path, string text, IReadOnlyCollection<string>? extraTools, AgentDialect dialect)
            {
                _dialect = dialect;
                _path = path ?? string.Empty;
                _text = text ?? string.Empty;
                _extraTools = extraTools;
            }

            private void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] args)
                => _diagnostics.Add(new DiagnosticInfo(descriptor, span, args));

            private bool IsCopilot => _dialect == AgentDialect.Copilot;

            private AgentParseResult Fail(string? name = null, SourceSpan nameSpan = default)
                => new(null, name, nameSpan, _diagnostics) { SkillEntries = _skillEntries, McpServerEntries = _mcpServerEntries, McpToolEntries = _mcpToolEntries };

            private SourceSpan Span(YNode node)
            {
                int end = Math.Min(Math.Max(node.Start, node.End), _text.Length);
                if (node.Kind == YKind.Alias || (node.Kind == YKind.Scalar && node.Style is not (ScalarStyle.Literal or ScalarStyle.Folded)))
                {
                    return SourceSpan.FromBounds(node.Start, end);
                }

                // Block scalars end where the next token starts: trim the trailing line breaks.
                while (end > node.Start && char.IsWhiteSpace(_text[end - 1]))
                {
                    end--;
                }

                return SourceSpan.FromBounds(node.Start, end);
            }

            private static Dictionary<string, string?> SuggestionProps(string replacement) => new() { ["Replacement"] = replacement };

            /// <summary>AGEN002's properties: the file's dialect, whose known fields decide where a broken value ends (the code fix reads it).</summary>
            private Dictionary<string, string?> DialectProps => new() { [DialectProperty] = _dialect.ToString() };

            private bool IsExtraKnown(string toolName)
            {
                if (_extraTools is null)
                {
                    return false;
                }

                foreach (string t in _extraTools)
                {
                    if (string.Equals(t, toolName, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            private IEnumerable<string> KnownToolNames()
            {
                foreach (string t in ToolCatalog.BuiltIns)
                {
                    yield return t;
                }

                if (_extraTools is not null)
                {
                    foreach (string t in _extraTools)
                    {
                        yield return t;
                    }
                }
            }

            private string SpanText(YNode node)
            {
                SourceSpan span = Span(node);
                string raw = _text.Substring(span.Start, span.Length);
                int column = span.Start - LineStart(_text, span.Start);
                if (node.IsFlow || node.Kind is not (YKind.Mapping or YKind.Sequence) || column == 0)
                {
                    return NormalizeNewlines(raw);
                }

                string[] lines = NormalizeNewlines(raw).Split('\n');
                var sb = new StringBuilder(raw.Length);
                for (int i = 0; i < lines.Length; i++)
                {
                    string line = lines[i];
                    if (i > 0)
                    {
                        sb.Append('\n');
                        int strip = 0;
                        while (strip < column && strip < line.Length && line[strip] == ' ')
                        {
                            strip++;
                        }

                        line = line.Substring(strip);
                    }

                    sb.Append(line);
                }

                return sb.ToString();
            }

            private static string Clip(string s) => s.Length <= 40 ? s : s.Substring(0, 40) + "...";
        }
    }
}
