using System;
using AgentGen.Common;
using AgentGen.Diagnostics;
using static AgentGen.Common.TextLines;

namespace AgentGen.Parsing
{
    internal static partial class AgentFileParser
    {
        /// <summary>YAML-error reader: turns the YAML reader's first error into AGEN002 (or AGEN021 for a limit) at its place, with a message that names the likely defect: a value that runs on over lines, a ': ' in a plain value, text after a closing quote (<see cref="YamlErrorExplanation"/>).</summary>
        private sealed partial class Session
        {
            private void ReportYamlError(YamlError error, int yamlEnd)
            {
                int start = Math.Min(error.Offset, _text.Length);
                int end = Math.Min(Math.Max(start + error.Length, start), Math.Max(start, yamlEnd));
                var span = SourceSpan.FromBounds(start, end);
                if (error.IsLimit)
                {
                    Report(Descriptors.LimitExceeded, span, char.ToUpperInvariant(error.Message[0]) + error.Message.Substring(1) + "; AgentGen stops reading it there");
                    return;
                }

                string message = error.Message;
                string? explained = YamlErrorExplanation.Explain(_text, _yamlStart, _yamlEnd, start, _dialect);
                if (explained is not null)
                {
                    message = explained;
                }
                else if (error.NeedsQuotes && TryFindQuotableValueKey(start, out string? key))
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

                _diagnostics.Add(new DiagnosticInfo(Descriptors.InvalidYaml, span, new[] { message }, DialectProps));
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

            /// <summary>For <c>key: plain value with: colon</c> on one line (a value that quoting repairs), the key.</summary>
            private bool TryFindQuotableValueKey(int errorOffset, out string? key)
            {
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

                return true;
            }
        }
    }
}
