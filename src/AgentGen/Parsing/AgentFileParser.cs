using System;
using System.Collections.Generic;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Common;
using static AgentGen.Common.TextLines;
using AgentGen.Shared;
using AgentGen.Diagnostics;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using YamlDotNet.Core;

namespace AgentGen.Parsing
{
    /// <summary>What parsing one agent file found: the model (null when the file has errors) and every file-local diagnostic.</summary>
    internal sealed class AgentParseResult
    {
        public AgentParseResult(AgentFileModel? model, string? name, SourceSpan nameSpan, List<MessageModel> messages, List<DiagnosticInfo> diagnostics)
        {
            Model = model;
            Name = name;
            NameSpan = nameSpan;
            Messages = messages;
            Diagnostics = diagnostics;
        }

        public AgentFileModel? Model { get; }

        /// <summary>The agent's name when the file declares one (even if the file has other errors).</summary>
        public string? Name { get; }

        public SourceSpan NameSpan { get; }

        public List<MessageModel> Messages { get; }

        public List<DiagnosticInfo> Diagnostics { get; }

        /// <summary>The file has no frontmatter and nothing of an agent: documentation, as Claude Code reads it (no agent, no diagnostic).</summary>
        public bool IsDocumentation { get; init; }

        /// <summary>The <c>skills</c> entries and where each is written (for AGEN022, checked against the project's skills).</summary>
        public IReadOnlyList<KeyValuePair<string, SourceSpan>> SkillEntries { get; init; } = Array.Empty<KeyValuePair<string, SourceSpan>>();
    }

    /// <summary>
    /// Parses one agent file: frontmatter, YAML, known fields, tools, body and its ```json
    /// protocol messages. Pure and total: the same text always gives the same result, and no
    /// input makes it throw.
    /// </summary>
    internal static partial class AgentFileParser
    {
        /// <summary>
        /// Files larger than this (in chars) are not parsed (AGEN021). Every char of an agent file
        /// can end up in a string literal, and all string literals of an assembly share one 16 MB
        /// heap (CS8103 at emit time beyond it): 1 Mi chars is 2 MB of it. The largest agent
        /// files seen in the wild are about 26 KB.
        /// </summary>
        public const int MaxFileLength = 1024 * 1024;

        /// <summary>More entries than this in <c>tools</c> or <c>disallowedTools</c> are not read (AGEN021): permission checks are quadratic in them.</summary>
        public const int MaxTools = 1_000;

        /// <summary>More ```json blocks than this in one body are not read (AGEN021).</summary>
        public const int MaxJsonBlocks = 1_000;

        /// <summary>Claude Code skips an agent whose <c>name</c> is longer than this (sub-agents page, Oct 2026).</summary>
        public const int MaxNameLength = 256;

        public static AgentParseResult Parse(string path, string text, IReadOnlyCollection<string>? extraKnownTools = null, AgentDialect? dialect = null)
        {
            try
            {
                return new Session(path, text, extraKnownTools, dialect ?? CopilotCatalog.DialectOf(null, path)).Run();
            }
            catch (Exception ex)
            {
                // The parser is written not to throw; this guard keeps a bug from breaking a build.
                var diagnostics = new List<DiagnosticInfo>
                {
                    new(Descriptors.InternalError, new SourceSpan(0, 0), new[] { ex.GetType().Name + ": " + ex.Message }),
                };
                return new AgentParseResult(null, null, default, new List<MessageModel>(), diagnostics);
            }
        }

        /// <summary>CRLF and CR become LF, so output does not depend on the editor's line endings.</summary>
        public static string NormalizeNewlines(string s)
        {
            if (s.IndexOf('\r') < 0)
            {
                return s;
            }

            return s.Replace("\r\n", "\n").Replace('\r', '\n');
        }

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
                => new(null, name, nameSpan, _messages, _diagnostics) { SkillEntries = _skillEntries };

            public AgentParseResult Run()
            {
                string text = _text;
                if (text.Length > MaxFileLength)
                {
                    Report(Descriptors.LimitExceeded, new SourceSpan(0, 0), string.Format(System.Globalization.CultureInfo.InvariantCulture, "The file is {0:N0} characters long; AgentGen reads agent files up to {1:N0} characters", text.Length, MaxFileLength));
                    return Fail();
                }

                // 1. Frontmatter: '---' on line 1, closed by a later '---' line (Frontmatter.cs).
                FrontmatterSplit split = Frontmatter.Split(text);
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
                        return Fail();
                    }

                    return new AgentParseResult(null, null, default, _messages, _diagnostics) { IsDocumentation = true };
                }

                if (split.State == FrontmatterState.Unclosed)
                {
                    Report(Descriptors.NoFrontmatter, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter opened on line 1 is never closed: add a line '---' after the last field");
                    return Fail();
                }

                int yamlStart = split.YamlStart;
                int yamlEnd = split.YamlEnd;
                int bodyStart = split.BodyStart;
                _yamlStart = yamlStart;
                _yamlEnd = yamlEnd;

                // 2. YAML.
                if (!YamlTree.TryRead(text, yamlStart, yamlEnd, out YNode? root, out YamlError yamlError))
                {
                    ReportYamlError(yamlError, yamlEnd);
                    return Fail();
                }

                if (root is null || root.IsNull)
                {
                    Report(Descriptors.MissingRequiredField, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter is empty: 'name' and 'description' are required");
                    return Fail();
                }

                if (root.Kind != YKind.Mapping)
                {
                    Report(Descriptors.InvalidYaml, SourceSpan.FromBounds(root.Start, Math.Max(root.Start + 1, LineEnd(text, root.Start))), "the frontmatter must be a mapping of 'field: value' lines");
                    return Fail();
                }

                // 3. Fields.
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
                        Report(Descriptors.InvalidYaml, Span(key), YamlErrorExplanation.RepeatedField(text, yamlStart, yamlEnd, key.Start, key.Value));
                        continue;
                    }

                    fields.Add(key.Value, entry);
                }

                string? name = ReadName(fields, pos, firstLineEnd, out SourceSpan nameSpan);
                string? description = ReadDescription(fields, pos, firstLineEnd);
                ToolList? tools = ReadTools(fields, "tools");

                // Copilot has no disallowedTools in .agent.md (GitHub reference, VS Code custom agents).
                ToolList? disallowed = IsCopilot ? null : ReadTools(fields, "disallowedTools");
                CheckToolOverlap(tools, disallowed);
                string? model = ReadModel(fields);
                AgentOptionalFields optional = IsCopilot ? AgentOptionalFields.None : ReadOptional(fields);
                if (IsCopilot)
                {
                    CopilotFields.Check(fields, _diagnostics);
                }
                else
                {
                    CheckExperimental(fields);
                }

                ReadUnknownFields(root);

                // 4. Body and its messages.
                ReadMessages(bodyStart);
                string instructions = NormalizeNewlines(text.Substring(Math.Min(bodyStart, text.Length)));

                foreach (DiagnosticInfo d in _diagnostics)
                {
                    if (d.IsError)
                    {
                        return Fail(name, nameSpan);
                    }
                }

                if (name is null || description is null)
                {
                    return Fail(name, nameSpan);
                }

                var agent = new AgentFileModel(
                    _path,
                    name,
                    nameSpan,
                    description,
                    model,
                    instructions,
                    tools is null,
                    (tools?.Names ?? new List<string>()).ToEquatableArray(),
                    (disallowed?.Names ?? new List<string>()).ToEquatableArray(),
                    _metadata.ToEquatableArray(),
                    optional,
                    _messages.ToEquatableArray());
                return new AgentParseResult(agent, name, nameSpan, _messages, _diagnostics) { SkillEntries = _skillEntries };
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

            private void ReportYamlError(YamlError error, int yamlEnd)
            {
                int start = Math.Min(error.Offset, _text.Length);
                int end = Math.Min(Math.Max(start + error.Length, start), Math.Max(start, yamlEnd));
                var span = SourceSpan.FromBounds(start, end);
                if (error.IsLimit)
                {
                    Report(Descriptors.LimitExceeded, span, "The " + error.Message.Substring(4) + "; AgentGen stops reading it there");
                    return;
                }

                string message = error.Message;
                string? explained = YamlErrorExplanation.Explain(_text, _yamlStart, _yamlEnd, start);
                if (explained is not null)
                {
                    message = explained;
                }
                else if (error.NeedsQuotes && TryFindQuotableValue(start, out _, out _, out string? key))
                {
                    if (error.IsColon)
                    {
                        message = $"the value of '{key}' contains ': ', which YAML reads as the start of another field; quote the value";
                    }
                }
                else if (error.IsColon && TryFindContinuedField(start, out string? field, out int fieldLine))
                {
                    // A multi-line plain value whose later line holds ': ' (a "user: ..." example line, or a field indented by mistake).
                    message = $"this line continues the value of '{field}' (line {fieldLine}) and contains ': ', which YAML does not allow in a plain value; quote the whole value or write it as a block (`{field}: |`), or remove the indentation if this line is a field of its own";
                }

                _diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidYaml, span, new[] { message }));
            }

            /// <summary>For a colon on an indented line, the field whose plain value that line continues.</summary>
            private bool TryFindContinuedField(int errorOffset, out string? field, out int fieldLine)
            {
                field = null;
                fieldLine = 0;
                int lineStart = LineStart(_text, errorOffset);
                if (lineStart >= _text.Length || (_text[lineStart] != ' ' && _text[lineStart] != '\t'))
                {
                    return false;
                }

                // Walk up over the value's indented lines to the line that starts the field.
                int line = lineStart;
                while (line > 0)
                {
                    int prevEnd = line - 1;
                    if (prevEnd > 0 && _text[prevEnd] == '\n' && _text[prevEnd - 1] == '\r')
                    {
                        prevEnd--;
                    }

                    int prevStart = LineStart(_text, prevEnd);
                    line = prevStart;
                    if (prevStart < prevEnd && _text[prevStart] != ' ' && _text[prevStart] != '\t' && _text[prevStart] != '#')
                    {
                        int colon = _text.IndexOf(':', prevStart, prevEnd - prevStart);
                        if (colon <= prevStart)
                        {
                            return false;
                        }

                        field = _text.Substring(prevStart, colon - prevStart).Trim();
                        fieldLine = CountLines(prevStart);
                        return field.Length > 0;
                    }
                }

                return false;
            }

            private int CountLines(int offset)
            {
                int line = 1;
                for (int i = 0; i < offset && i < _text.Length; i++)
                {
                    if (_text[i] == '\n' || (_text[i] == '\r' && (i + 1 >= _text.Length || _text[i + 1] != '\n')))
                    {
                        line++;
                    }
                }

                return line;
            }

            /// <summary>For <c>key: plain value with: colon</c> on one line, the span of the value.</summary>
            private bool TryFindQuotableValue(int errorOffset, out int valueStart, out int valueEnd, out string? key)
            {
                valueStart = valueEnd = 0;
                key = null;
                int lineStart = LineStart(_text, errorOffset);
                int lineEnd = LineEnd(_text, errorOffset);
                int i = lineStart;
                while (i < lineEnd && (_text[i] == ' ' || _text[i] == '\t'))
                {
                    i++;
                }

                int keyStart = i;
                while (i < lineEnd && (char.IsLetterOrDigit(_text[i]) || _text[i] == '_' || _text[i] == '-'))
                {
                    i++;
                }

                if (i == keyStart || i >= lineEnd || _text[i] != ':' || i + 1 >= lineEnd || (_text[i + 1] != ' ' && _text[i + 1] != '\t'))
                {
                    return false;
                }

                key = _text.Substring(keyStart, i - keyStart);
                i++;
                while (i < lineEnd && (_text[i] == ' ' || _text[i] == '\t'))
                {
                    i++;
                }

                int end = lineEnd;
                for (int j = i + 1; j < lineEnd; j++)
                {
                    if (_text[j] == '#' && (_text[j - 1] == ' ' || _text[j - 1] == '\t'))
                    {
                        end = j; // a comment is not part of the value
                        break;
                    }
                }

                while (end > i && (_text[end - 1] == ' ' || _text[end - 1] == '\t'))
                {
                    end--;
                }

                if (i >= end || errorOffset < i || errorOffset >= end || "\"'|>[{&*!#".IndexOf(_text[i]) >= 0)
                {
                    return false;
                }

                // The next line must not continue the scalar (a multi-line plain value is not a one-line fix).
                int next = NextLine(_text, lineEnd);
                if (next < _text.Length && next > lineEnd && (_text[next] == ' ' || _text[next] == '\t'))
                {
                    int nextEnd = LineEnd(_text, next);
                    if (_text.Substring(next, nextEnd - next).Trim().Length > 0)
                    {
                        return false;
                    }
                }

                valueStart = i;
                valueEnd = end;
                return true;
            }

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

            private string? ReadName(Dictionary<string, KeyValuePair<YNode, YNode>> fields, int pos, int firstLineEnd, out SourceSpan span)
            {
                span = SourceSpan.FromBounds(pos, firstLineEnd);
                if (IsCopilot)
                {
                    // Copilot: 'name' is an optional display name; the file name is the id (GitHub reference).
                    if (fields.TryGetValue("name", out KeyValuePair<YNode, YNode> named) && named.Value.Kind == YKind.Scalar && !named.Value.IsNull && named.Value.Value.Trim().Length > 0)
                    {
                        span = Span(named.Value);
                        return named.Value.Value.Trim();
                    }

                    return CopilotCatalog.NameFromPath(_path);
                }

                if (!fields.TryGetValue("name", out KeyValuePair<YNode, YNode> entry))
                {
                    Report(Descriptors.MissingRequiredField, span, "The frontmatter has no 'name': Claude Code skips an agent without one");
                    return null;
                }

                YNode value = entry.Value;
                span = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                if (value.Kind != YKind.Scalar || value.IsNull || value.Value.Trim().Length == 0)
                {
                    Report(Descriptors.MissingRequiredField, span, value.Kind == YKind.Scalar ? "'name' is empty: Claude Code skips an agent without a name" : "'name' must be a string");
                    return null;
                }

                string name = value.Value;
                if (name.IndexOf(':') >= 0)
                {
                    Report(Descriptors.InvalidName, span, name, "contains ':'");
                    return name;
                }

                if (name.StartsWith("-", StringComparison.Ordinal))
                {
                    Report(Descriptors.InvalidName, span, name, "starts with '-'");
                    return name;
                }

                // Sub-agents page (Oct 2026): a name longer than 256 characters is skipped.
                if (name.Length > MaxNameLength)
                {
                    Report(Descriptors.InvalidName, span, Clip(name), $"is {name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} characters long (at most {MaxNameLength.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
                    return name;
                }

                if (!IsKebab(name))
                {
                    string kebab = ToKebab(name);
                    Report(Descriptors.NameNotKebabCase, span, name, kebab.Length > 0 && kebab != name ? $" ('{kebab}')" : string.Empty);
                }

                return name;
            }

            private string? ReadDescription(Dictionary<string, KeyValuePair<YNode, YNode>> fields, int pos, int firstLineEnd)
            {
                if (!fields.TryGetValue("description", out KeyValuePair<YNode, YNode> entry))
                {
                    Report(Descriptors.MissingRequiredField, SourceSpan.FromBounds(pos, firstLineEnd), "The frontmatter has no 'description': Claude Code needs it to decide when to use the agent");
                    return null;
                }

                YNode value = entry.Value;
                if (value.Kind != YKind.Scalar || value.IsNull || value.Value.Trim().Length == 0)
                {
                    var span = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                    Report(Descriptors.MissingRequiredField, span, value.Kind == YKind.Scalar ? "'description' is empty" : "'description' must be a string");
                    return null;
                }

                return NormalizeNewlines(value.Value);
            }

            private sealed class ToolList
            {
                public List<string> Names { get; } = new();

                public List<SourceSpan> Spans { get; } = new();

                public SourceSpan FieldSpan { get; set; }
            }

            private ToolList? ReadTools(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry))
                {
                    return null;
                }

                var list = new ToolList();
                YNode value = entry.Value;
                list.FieldSpan = value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value);
                var raw = new List<KeyValuePair<string, SourceSpan>>();
                if (value.Kind == YKind.Scalar)
                {
                    if (!value.IsNull)
                    {
                        SplitCommaScalar(value, raw);
                    }
                }
                else if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            // A list item may itself hold "A, B" (seen in the wild): split it too.
                            SplitCommaScalar(item, raw);
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), $"Each entry of '{field}' must be a tool name");
                        }
                    }
                }
                else
                {
                    Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a comma-separated string or a list of tool names");
                    return field == "tools" ? list : null;
                }

                if (raw.Count > MaxTools)
                {
                    Report(Descriptors.LimitExceeded, list.FieldSpan, string.Format(System.Globalization.CultureInfo.InvariantCulture, "'{0}' lists {1:N0} tools; AgentGen reads at most {2:N0}", field, raw.Count, MaxTools));
                    return field == "tools" ? list : null;
                }

                raw = ToolEntries.SplitOnSpaces(raw, IsKnownToolEntry);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var onlyWithSpecifier = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, SourceSpan> item in raw)
                {
                    string entryText = item.Key;
                    if (IsCopilot)
                    {
                        ReadCopilotTool(entryText, item.Value, field, list, seen);
                        continue;
                    }

                    string toolName = AgentToolRules.StripSpecifier(entryText);
                    if (toolName.Length == 0)
                    {
                        Report(Descriptors.InvalidFieldValue, item.Value, $"'{entryText}' in '{field}' names no tool");
                        continue;
                    }

                    bool hasSpecifier = entryText.IndexOf('(') >= 0;
                    if (hasSpecifier)
                    {
                        Report(Descriptors.ToolSpecifierIgnored, item.Value, entryText, field == "tools" ? "'tools'" : "'disallowedTools'", toolName, SpecifierEffect(field, AgentToolRules.Canonicalize(toolName)));
                    }

                    if (toolName != "*")
                    {
                        CheckToolName(toolName, item.Value);
                    }

                    string canonical = AgentToolRules.Canonicalize(toolName);
                    if (!seen.Add(canonical))
                    {
                        // Two specifiers of one tool (Bash(git:*), Bash(npm:*)) are one AGEN008 each,
                        // not a duplicate; several Agent(...) entries combine (sub-agents page, 2.1.147).
                        if (!(hasSpecifier && onlyWithSpecifier.Contains(canonical)))
                        {
                            Report(Descriptors.DuplicateTool, item.Value, toolName, $"'{field}'");
                        }

                        if (!hasSpecifier)
                        {
                            onlyWithSpecifier.Remove(canonical);
                        }

                        continue;
                    }

                    if (hasSpecifier)
                    {
                        onlyWithSpecifier.Add(canonical);
                    }

                    list.Names.Add(toolName);
                    list.Spans.Add(item.Value);
                }

                if (field == "tools" && list.Names.Count == 0 && raw.Count == 0)
                {
                    Report(Descriptors.EmptyTools, list.FieldSpan);
                }

                return list;
            }

            /// <summary>Splits a scalar on commas, with the source span of each entry when the scalar maps 1:1 to its text.</summary>
            private void SplitCommaScalar(YNode scalar, List<KeyValuePair<string, SourceSpan>> into)
            {
                string value = scalar.Value;
                int contentStart = scalar.Start;
                if (scalar.Style == ScalarStyle.SingleQuoted || scalar.Style == ScalarStyle.DoubleQuoted)
                {
                    contentStart++;
                }

                bool exact = scalar.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
                    && contentStart + value.Length <= _text.Length
                    && string.CompareOrdinal(_text, contentStart, value, 0, value.Length) == 0;

                int depth = 0;
                int partStart = 0;
                int searchFrom = scalar.Start;
                if (scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    searchFrom = NextLine(_text, LineEnd(_text, scalar.Start)); // skip the '|' or '>' header
                }

                for (int i = 0; i <= value.Length; i++)
                {
                    char c = i < value.Length ? value[i] : ',';
                    if (c == '(')
                    {
                        depth++;
                    }
                    else if (c == ')' && depth > 0)
                    {
                        depth--;
                    }
                    else if (c == ',' && depth == 0)
                    {
                        int s = partStart;
                        int e = i;
                        while (s < e && char.IsWhiteSpace(value[s]))
                        {
                            s++;
                        }

                        while (e > s && char.IsWhiteSpace(value[e - 1]))
                        {
                            e--;
                        }

                        if (e > s)
                        {
                            string part = value.Substring(s, e - s);
                            SourceSpan span;
                            if (exact)
                            {
                                span = SourceSpan.FromBounds(contentStart + s, contentStart + e);
                            }
                            else
                            {
                                // Folded, literal or escaped text: find the entry in the source, in order.
                                SourceSpan whole = Span(scalar);
                                int found = searchFrom < whole.End ? _text.IndexOf(part, searchFrom, whole.End - searchFrom, StringComparison.Ordinal) : -1;
                                if (found >= 0)
                                {
                                    span = new SourceSpan(found, part.Length);
                                    searchFrom = found + part.Length;
                                }
                                else
                                {
                                    span = whole;
                                }
                            }

                            into.Add(new KeyValuePair<string, SourceSpan>(part, span));
                        }

                        partStart = i + 1;
                    }
                }
            }

            private void CheckToolName(string toolName, SourceSpan span)
            {
                if (ToolCatalog.IsBuiltIn(toolName) || ToolCatalog.IsMcp(toolName) || IsExtraKnown(toolName))
                {
                    return;
                }

                if (ToolCatalog.IsLegacy(toolName, out LegacyTool legacy))
                {
                    _diagnostics.Add(new DiagnosticInfo(Descriptors.LegacyTool, span, new[] { toolName, legacy.Explanation }, legacy.Replacement is null ? null : SuggestionProps(legacy.Replacement)));
                    return;
                }

                string? suggestion = Suggestions.Closest(toolName, KnownToolNames());
                _diagnostics.Add(new DiagnosticInfo(
                    Descriptors.UnknownTool,
                    span,
                    new[] { toolName, suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?" },
                    suggestion is null ? null : SuggestionProps(suggestion)));
            }

            private static Dictionary<string, string?> SuggestionProps(string replacement) => new() { ["Replacement"] = replacement };

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

            private void CheckToolOverlap(ToolList? tools, ToolList? disallowed)
            {
                if (tools is null || disallowed is null)
                {
                    return;
                }

                // Quadratic, but both lists hold at most MaxTools entries.
                for (int i = 0; i < tools.Names.Count; i++)
                {
                    foreach (string d in disallowed.Names)
                    {
                        // Covers: an entry also overlaps a 'disallowedTools' wildcard of its server (mcp__s, mcp__s__*).
                        if (AgentToolRules.Covers(d, tools.Names[i]))
                        {
                            Report(Descriptors.ToolAllowedAndDisallowed, tools.Spans[i], tools.Names[i]);
                            break;
                        }
                    }
                }
            }

            private string? ReadModel(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                if (!fields.TryGetValue("model", out KeyValuePair<YNode, YNode> entry))
                {
                    return null;
                }

                YNode value = entry.Value;
                if (IsCopilot)
                {
                    // Copilot names its own models ("GPT-5 (copilot)"); VS Code also takes a prioritized list.
                    if (value.Kind == YKind.Scalar && !value.IsNull)
                    {
                        return value.Value;
                    }

                    if (value.Kind == YKind.Sequence && value.Items.Count > 0 && value.Items[0].Kind == YKind.Scalar && !value.Items[0].IsNull)
                    {
                        return value.Items[0].Value;
                    }

                    Report(Descriptors.InvalidFieldValue, value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value), "'model' must be a model name or a list of model names");
                    return null;
                }

                if (value.Kind != YKind.Scalar || value.IsNull)
                {
                    Report(Descriptors.InvalidFieldValue, value.IsNull && value.End == value.Start ? Span(entry.Key) : Span(value), "'model' must be a model alias (sonnet, opus, haiku, fable, inherit) or a full model id");
                    return null;
                }

                string model = value.Value;
                if (!ModelCatalog.IsKnown(model))
                {
                    var candidates = new List<string>(ModelCatalog.Aliases);
                    candidates.AddRange(ModelCatalog.ExampleIds);
                    string? suggestion = Suggestions.Closest(model, candidates);
                    Report(Descriptors.UnknownModel, Span(value), model, suggestion is null ? "; use sonnet, opus, haiku, fable, inherit, a full model id such as claude-opus-5-5, or any other value the --model flag takes" : $"; did you mean '{suggestion}'?");
                }

                return model;
            }

            private AgentOptionalFields ReadOptional(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                return new AgentOptionalFields(
                    Color: ReadChoice(fields, "color"),
                    PermissionMode: ReadChoice(fields, "permissionMode"),
                    MaxTurns: ReadInt(fields, "maxTurns"),
                    Skills: ReadSkills(fields),
                    McpServers: ReadServers(fields),
                    Hooks: ReadMap(fields, "hooks"),
                    Memory: ReadChoice(fields, "memory"),
                    Background: ReadBool(fields, "background"),
                    OmitClaudeMd: ReadBool(fields, "omitClaudeMd"),
                    Effort: ReadChoice(fields, "effort"),
                    Isolation: ReadChoice(fields, "isolation"),
                    InitialPrompt: ReadText(fields, "initialPrompt"),
                    Experimental: ReadMap(fields, "experimental"));
            }

            private string? ReadChoice(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                FieldCatalog.TryGet(field, out FieldInfo info);
                YNode value = entry.Value;

                // effort also takes a number: the Agent SDK's AgentDefinition.effort (S5), and the
                // frontmatter per a binary probe (S9, third-party); the sub-agents page lists the names.
                if (field == "effort" && value.Kind == YKind.Scalar && value.Style == ScalarStyle.Plain
                    && int.TryParse(value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int level) && level >= 0)
                {
                    // The typed Effort property is an enum of the names: a number is kept in Metadata instead.
                    _metadata.Add(new KeyValue(field, value.Value));
                    return null;
                }

                if (value.Kind == YKind.Scalar)
                {
                    foreach (string choice in info.Choices)
                    {
                        if (string.Equals(choice, value.Value, StringComparison.Ordinal))
                        {
                            return choice;
                        }
                    }

                    string? suggestion = Suggestions.Closest(value.Value, info.Choices);
                    Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' is '{value.Value}'; allowed values: {string.Join(", ", info.Choices)}" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)"));
                    return null;
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be one of: {string.Join(", ", info.Choices)}");
                return null;
            }

            private int? ReadInt(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                YNode value = entry.Value;
                if (value.Kind == YKind.Scalar && value.Style == ScalarStyle.Plain
                    && int.TryParse(value.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n > 0)
                {
                    return n;
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a positive whole number, not '{Clip(SpanText(value))}'");
                return null;
            }

            private bool? ReadBool(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                YNode value = entry.Value;

                // Quoted "true"/"false" count too: Claude Code accepts booleans or strings (S9, third-party
                // probe of 2.1.288); warning on them would be a false alarm.
                if (value.Kind == YKind.Scalar && value.Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
                {
                    switch (value.Value)
                    {
                        case "true":
                        case "True":
                        case "TRUE":
                            return true;
                        case "false":
                        case "False":
                        case "FALSE":
                            return false;
                    }
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be true or false, not '{Clip(SpanText(value))}'");
                return null;
            }

            private string? ReadText(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                if (entry.Value.Kind == YKind.Scalar)
                {
                    return NormalizeNewlines(entry.Value.Value);
                }

                Report(Descriptors.InvalidFieldValue, Span(entry.Value), $"'{field}' must be text");
                return null;
            }

            private EquatableArray<string>? ReadStringList(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                YNode value = entry.Value;
                var items = new List<string>();
                if (value.Kind == YKind.Scalar)
                {
                    var raw = new List<KeyValuePair<string, SourceSpan>>();
                    SplitCommaScalar(value, raw);
                    foreach (KeyValuePair<string, SourceSpan> r in raw)
                    {
                        items.Add(r.Key);
                    }

                    return items.ToEquatableArray();
                }

                if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            items.Add(item.Value);
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), $"Each entry of '{field}' must be a name");
                        }
                    }

                    return items.ToEquatableArray();
                }

                Report(Descriptors.InvalidFieldValue, Span(value), $"'{field}' must be a list of names");
                return null;
            }

            private EquatableArray<string>? ReadServers(Dictionary<string, KeyValuePair<YNode, YNode>> fields)
            {
                if (!fields.TryGetValue("mcpServers", out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                YNode value = entry.Value;
                var names = new List<string>();
                if (value.Kind == YKind.Sequence)
                {
                    foreach (YNode item in value.Items)
                    {
                        if (item.Kind == YKind.Scalar && !item.IsNull)
                        {
                            names.Add(item.Value);
                        }
                        else if (item.Kind == YKind.Mapping && item.Entries.Count > 0 && item.Entries[0].Key.Kind == YKind.Scalar)
                        {
                            foreach (KeyValuePair<YNode, YNode> server in item.Entries)
                            {
                                names.Add(server.Key.Value);
                            }
                        }
                        else
                        {
                            Report(Descriptors.InvalidFieldValue, Span(item), "Each entry of 'mcpServers' must be a server name or a '{name: config}' map");
                        }
                    }

                    return names.ToEquatableArray();
                }

                if (value.Kind == YKind.Mapping)
                {
                    foreach (KeyValuePair<YNode, YNode> server in value.Entries)
                    {
                        names.Add(server.Key.Value);
                    }

                    return names.ToEquatableArray();
                }

                Report(Descriptors.InvalidFieldValue, Span(value), "'mcpServers' must be a list of server names or '{name: config}' maps");
                return null;
            }

            private string? ReadMap(Dictionary<string, KeyValuePair<YNode, YNode>> fields, string field)
            {
                if (!fields.TryGetValue(field, out KeyValuePair<YNode, YNode> entry) || entry.Value.IsNull)
                {
                    return null;
                }

                if (entry.Value.Kind == YKind.Mapping)
                {
                    return SpanText(entry.Value);
                }

                Report(Descriptors.InvalidFieldValue, Span(entry.Value), $"'{field}' must be a map");
                return null;
            }

            private void ReadUnknownFields(YNode root)
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (KeyValuePair<YNode, YNode> entry in root.Entries)
                {
                    YNode key = entry.Key;
                    if (key.Kind != YKind.Scalar || !seen.Add(key.Value))
                    {
                        continue;
                    }

                    YNode fieldValue = entry.Value;
                    string? suggestion;
                    if (IsCopilot)
                    {
                        if (CopilotFields.IsModeled(key.Value))
                        {
                            continue;
                        }

                        if (CopilotFields.IsKnown(key.Value))
                        {
                            // Known to Copilot or VS Code, not modeled: kept in Metadata without a diagnostic.
                            _metadata.Add(new KeyValue(key.Value, NormalizeNewlines(fieldValue.Kind == YKind.Scalar ? (fieldValue.IsNull ? string.Empty : fieldValue.Value) : SpanText(fieldValue))));
                            continue;
                        }

                        suggestion = CopilotFields.SuggestFor(key.Value);
                    }
                    else if (FieldCatalog.TryGet(key.Value, out _))
                    {
                        continue;
                    }
                    else
                    {
                        suggestion = key.Value == "cacheTtl" ? "experimental.cacheTtl" : FieldCatalog.SuggestFor(key.Value);
                    }

                    if (suggestion is not null)
                    {
                        _diagnostics.Add(new DiagnosticInfo(Descriptors.MisspelledField, Span(key), new[] { key.Value, suggestion }, SuggestionProps(suggestion)));
                    }
                    else
                    {
                        Report(Descriptors.UnknownField, Span(key), key.Value);
                    }

                    YNode value = entry.Value;
                    string text = value.Kind == YKind.Scalar ? (value.IsNull ? string.Empty : value.Value) : SpanText(value);
                    _metadata.Add(new KeyValue(key.Value, NormalizeNewlines(text)));
                }
            }

            /// <summary>
            /// The value's source text. A block collection loses the indentation it has in the file
            /// (its first line starts at the first key or '-'), so the text is YAML of its own.
            /// </summary>
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

            private void ReadMessages(int bodyStart)
            {
                if (bodyStart >= _text.Length)
                {
                    return;
                }

                List<FencedBlock> blocks = MarkdownFences.Scan(_text, bodyStart, _text.Length);
                int jsonBlocks = 0;
                foreach (FencedBlock block in blocks)
                {
                    if (!string.Equals(block.Info, "json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (++jsonBlocks > MaxJsonBlocks)
                    {
                        Report(Descriptors.LimitExceeded, SourceSpan.FromBounds(block.FenceStart, LineEnd(_text, block.FenceStart)), string.Format(System.Globalization.CultureInfo.InvariantCulture, "The body has more than {0:N0} ```json blocks; AgentGen stops reading at this one and generates no code for the file", MaxJsonBlocks));
                        return;
                    }

                    MessageReader.Read(_text, block, _path, _messages, _diagnostics);
                }
            }
        }

        private static bool IsKebab(string name)
        {
            foreach (char c in name)
            {
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static string ToKebab(string name)
        {
            var sb = new StringBuilder();
            char prev = '\0';
            foreach (char c in name)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    if (sb.Length > 0 && prev is >= 'a' and <= 'z' or >= '0' and <= '9')
                    {
                        sb.Append('-');
                    }

                    sb.Append((char)(c + 32));
                }
                else if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    sb.Append(c);
                }
                else if (sb.Length > 0 && sb[sb.Length - 1] != '-')
                {
                    sb.Append('-');
                }

                prev = c;
            }

            return sb.ToString().Trim('-');
        }
    }
}
