using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using AgentGen.Common;
using AgentGen.Emit;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentGen.Generator
{
    /// <summary>What the generator's source outputs do with each step's result: add the text, or report AGEN099.</summary>
    internal static class SourceOutputs
    {
        internal static CatalogSpec Without(CatalogSpec catalog, EquatableArray<string> failedClasses)
        {
            if (failedClasses.IsEmpty)
            {
                return catalog;
            }

            var failed = new HashSet<string>(failedClasses, StringComparer.Ordinal);
            var kept = new List<CatalogEntry>(catalog.Agents.Count);
            foreach (CatalogEntry e in catalog.Agents)
            {
                if (!failed.Contains(e.ClassName))
                {
                    kept.Add(e);
                }
            }

            return catalog with { Agents = kept.ToEquatableArray() };
        }

        /// <summary>The class name the catalog must leave out when <paramref name="agent"/> failed (none otherwise).</summary>
        internal static ImmutableArray<string> FailedClass(GeneratedAgent? agent)
            => agent is { Failure: not null, ClassName.Length: > 0 } ? ImmutableArray.Create(agent.ClassName) : ImmutableArray<string>.Empty;

        /// <summary>One output of the RepeatedFiles branch: an agent class or a record file, added as its file's own entry would have.</summary>
        internal static void AddRepeated(SourceProductionContext spc, RepeatedFileOutput output)
        {
            if (output.Agent is { } agent)
            {
                AddAgent(spc, agent);
            }

            if (output.Message is { } message)
            {
                EmitMessage(spc, message);
            }
        }

        internal static void AddAgent(SourceProductionContext spc, GeneratedAgent agent)
        {
            if (agent.Failure is { } failure)
            {
                Report(spc, failure);
            }
            else if (agent.Text is { } text)
            {
                spc.AddSource(agent.HintName, SourceText.From(text, Encoding.UTF8));
            }
        }

        internal static void EmitMessage(SourceProductionContext spc, MessageOutput output)
        {
            if (output.Failure is { } failure)
            {
                Report(spc, failure);
            }
            else if (output.Spec is { } spec)
            {
                AddSource(spc, spec.HintName, output.Path, PipelineFaults.EmitMessage, () => ProjectEmitter.EmitMessage(spec));
            }
        }

        /// <summary>AGEN099 at the start of the agent file (or without a location when there is no file to name).</summary>
        internal static void Report(SourceProductionContext spc, FileFailure failure)
        {
            Location location = failure.Path.Length == 0 ? Location.None : Location.Create(failure.Path, default, default);
            spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.Descriptors.InternalError, location, failure.Message));
        }

        /// <summary>
        /// Adds one generated file that nothing else refers to (a message record, the catalog). An
        /// emitter bug must not take the whole generator down (that drops every generated file:
        /// CS8785): the file is skipped and AGEN099 names the agent file.
        /// </summary>
        internal static void AddSource(SourceProductionContext spc, string hintName, string key, string step, Func<string> emit)
        {
            string text;
            try
            {
                PipelineFaults.At(step, key);
                text = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Report(spc, new FileFailure(step == PipelineFaults.Catalog ? string.Empty : key, PipelineFaults.Describe("generating " + hintName, ex)));
                return;
            }

            spc.AddSource(hintName, SourceText.From(text, Encoding.UTF8));
        }
    }
}
