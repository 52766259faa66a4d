using System;
using System.Collections.Generic;
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

            return new AgentSource(file.Path, text?.ToString() ?? string.Empty);
        }
    }
}
