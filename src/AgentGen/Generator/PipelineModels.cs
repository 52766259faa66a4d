using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGen.Common;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Generator
{
    /// <summary>
    /// What the project-wide outputs (winners, AgentTool, AgentCatalog, message records) need from
    /// one file: its path, name, tools and message shapes. No body, description or metadata, and
    /// no source positions (an edit above a ```json block moves them), so that edits which do not
    /// change the project-wide outputs leave this equal and the collected steps cached.
    /// </summary>
    internal sealed record PlanInput(string Path, string? Name, AgentFileModel? Model, FileFailure? Failure = null)
    {
        /// <summary>The file's projection. Never throws: a failure leaves the file out of the project (AGEN099 on it).</summary>
        public static PlanInput From(ParsedAgentFile file)
        {
            try
            {
                PipelineFaults.At(PipelineFaults.PlanInput, file.Path);
                return new PlanInput(file.Path, file.Name, file.Model is { } m ? Narrow(m) : null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new PlanInput(file.Path, null, null, new FileFailure(file.Path, PipelineFaults.Describe("reading the file for the project-wide outputs", ex)));
            }
        }

        private static AgentFileModel Narrow(AgentFileModel m)
        {
            var messages = new List<MessageModel>(m.Messages.Count);
            foreach (MessageModel message in m.Messages)
            {
                messages.Add(message with { RequestTypeSpan = default, RequestingAgentSpan = default, ExampleJson = string.Empty });
            }

            return m with
            {
                NameSpan = default,
                Description = string.Empty,
                Model = null,
                Body = TextRange.Empty,
                Metadata = EquatableArray<KeyValue>.Empty,
                Optional = AgentOptionalFields.None,
                Messages = messages.ToEquatableArray(),
            };
        }
    }

    /// <summary>One file's <see cref="ProjectPlan.TextLength"/>: what its agent class puts into string literals.</summary>
    internal readonly record struct FileTextLength(string Path, long Length);

    /// <summary>
    /// The project's text budget (<see cref="ProjectPlan.MaxProjectTextLength"/>, AGEN021) for the
    /// generator, whose plan sees each file without its body. All files' lengths are summed on
    /// every run (cheap); only when the sum exceeds the budget does the plan get them, so a project
    /// within it (every real one) keeps its project step cached through body edits, and one beyond
    /// it leaves out exactly the agents the analyzer reports as not generated.
    /// </summary>
    internal static class TextBudget
    {
        public static EquatableArray<FileTextLength> LengthsIfOver(ImmutableArray<ParsedAgentFile> files)
        {
            long total = 0;
            foreach (ParsedAgentFile f in files)
            {
                total += f.Model is { } m ? ProjectPlan.TextLength(m) : 0;
            }

            if (total <= ProjectPlan.AppliedTextBudget)
            {
                return EquatableArray<FileTextLength>.Empty; // no agent can be over: the plan needs no lengths
            }

            var lengths = new List<FileTextLength>(files.Length);
            foreach (ParsedAgentFile f in files)
            {
                if (f.Model is { } m)
                {
                    lengths.Add(new FileTextLength(f.Path, ProjectPlan.TextLength(m)));
                }
            }

            return lengths.ToEquatableArray();
        }

        public static IReadOnlyDictionary<string, long>? ByPath(EquatableArray<FileTextLength> lengths)
        {
            if (lengths.IsEmpty)
            {
                return null;
            }

            var byPath = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (FileTextLength l in lengths)
            {
                byPath[l.Path] = l.Length;
            }

            return byPath;
        }
    }

    /// <summary>An agent file's path and text: the first equatable model in the pipeline.</summary>
    internal sealed record AgentSource(string Path, string Text)
    {
        /// <summary>Whose rules the file follows (metadata AgentGenDialect, else its path).</summary>
        public Catalog.AgentDialect Dialect { get; init; } = Catalog.CopilotCatalog.DialectOf(null, Path);

        public static AgentSource Read(AdditionalText file, CancellationToken cancellationToken)
        {
            SourceText? text;
            try
            {
                text = file.GetText(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                text = null; // unreadable: the analyzer reports it; the generator skips it
            }

            if (text is null)
            {
                return new AgentSource(file.Path, string.Empty);
            }

            // A SourceText that builds a new string on every ToString() (a large file, read in chunks)
            // would hide this parse from the analyzer, which looks it up by string: hand it over by
            // the SourceText. Any other text returns the one string it holds, and needs no entry.
            string content = text.ToString();
            if (!ReferenceEquals(content, text.ToString()))
            {
                Parsing.AgentParseCache.RememberRead(text, content);
            }

            return new AgentSource(file.Path, content);
        }
    }
}
