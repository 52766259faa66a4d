using System;
using System.Collections.Generic;
using System.Threading;
using AgentGen.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Parsing
{
    /// <summary>
    /// A project skill (<c>.claude/skills/&lt;dir&gt;/SKILL.md</c>, AgentGenKind="Skill") as AGEN022
    /// needs it: the names an agent's <c>skills</c> entry may use. Claude Code's skills page: the
    /// frontmatter <c>name</c> is the skill's name, and "if omitted, uses the directory name"; both
    /// are accepted, so an entry is only reported when it matches neither.
    /// </summary>
    internal sealed class SkillFile
    {
        private SkillFile(List<string> names) => Names = names;

        public IReadOnlyList<string> Names { get; }

        public static SkillFile Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var names = new List<string>(2);
            string directory = DirectoryName(file.Path);
            if (directory.Length > 0)
            {
                names.Add(directory);
            }

            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                text = null;
            }

            if (text is not null && FrontmatterName(text.ToString()) is { Length: > 0 } name && !names.Contains(name))
            {
                names.Add(name);
            }

            return new SkillFile(names);
        }

        /// <summary>The folder holding SKILL.md: <c>.claude/skills/pdf-forms/SKILL.md</c> gives <c>pdf-forms</c>.</summary>
        internal static string DirectoryName(string path)
        {
            string p = (path ?? string.Empty).Replace('\\', '/');
            int slash = p.LastIndexOf('/');
            if (slash <= 0)
            {
                return string.Empty;
            }

            int previous = p.LastIndexOf('/', slash - 1);
            return p.Substring(previous + 1, slash - previous - 1);
        }

        /// <summary>The <c>name:</c> of the frontmatter (first line <c>---</c>), unquoted; null when there is none.</summary>
        internal static string? FrontmatterName(string text)
        {
            int pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            int lineEnd = TextLines.LineEnd(text, pos);
            if (!Frontmatter.IsDelimiter(text, pos, lineEnd))
            {
                return null;
            }

            for (int line = TextLines.NextLine(text, lineEnd), n = 0; line < text.Length && n < 200; n++)
            {
                int end = TextLines.LineEnd(text, line);
                if (Frontmatter.IsDelimiter(text, line, end))
                {
                    return null;
                }

                string s = text.Substring(line, end - line);
                if (s.StartsWith("name:", StringComparison.Ordinal))
                {
                    string value = s.Substring(5).Trim();
                    int comment = value.IndexOf(" #", StringComparison.Ordinal);
                    if (comment >= 0)
                    {
                        value = value.Substring(0, comment).TrimEnd();
                    }

                    if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
                    {
                        value = value.Substring(1, value.Length - 2);
                    }

                    return value;
                }

                line = TextLines.NextLine(text, end);
            }

            return null;
        }
    }
}
