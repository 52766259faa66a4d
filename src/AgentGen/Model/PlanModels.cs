using System.Collections.Generic;
using AgentGen.Common;

namespace AgentGen.Model
{
    /// <summary>One file as the cross-file rules see it.</summary>
    /// <param name="Agent">Null when the file has errors of its own (its name, if any, still takes part).</param>
    internal readonly record struct PlanFile(string Path, string? Name, SourceSpan NameSpan, PlanAgent? Agent);

    /// <summary>
    /// What the cross-file rules (<see cref="ProjectPlan"/>) read of an agent file without errors:
    /// its name and class name, its tool lists (the AgentTool members) and its messages' shapes. No
    /// body, description, model, metadata or optional fields, so that an edit of those leaves it equal.
    /// </summary>
    internal sealed record PlanAgent(
        string Path,
        string Name,
        SourceSpan NameSpan,
        EquatableArray<string> Tools,
        EquatableArray<string> DisallowedTools,
        EquatableArray<PlanMessage> Messages)
    {
        /// <summary>The C# class name (<see cref="Naming.AgentClassName"/>).</summary>
        public string ClassName { get; } = Naming.AgentClassName(Name);

        /// <summary>
        /// The plan's view of <paramref name="model"/>, field by field. <paramref name="withPositions"/>:
        /// the analyzer's, whose findings point into the file; the generator's leaves the positions
        /// out (an edit above a name or a ```json block moves them, and it reports nothing).
        /// </summary>
        public static PlanAgent From(AgentFileModel model, bool withPositions)
        {
            var messages = new List<PlanMessage>(model.Messages.Count);
            foreach (MessageModel m in model.Messages)
            {
                messages.Add(withPositions
                    ? new PlanMessage(m.RequestType, m.RequestTypeSpan, m.RequestingAgent, m.RequestingAgentSpan, m.Payload)
                    : new PlanMessage(m.RequestType, default, m.RequestingAgent, default, m.Payload));
            }

            return new PlanAgent(model.Path, model.Name, withPositions ? model.NameSpan : default, model.Tools, model.DisallowedTools, messages.ToEquatableArray());
        }
    }

    /// <summary>A protocol message as the cross-file rules see it: its request type, requesting agent and payload shape (no example text).</summary>
    internal sealed record PlanMessage(string RequestType, SourceSpan RequestTypeSpan, string? RequestingAgent, SourceSpan RequestingAgentSpan, PayloadShape Payload);

    /// <summary>
    /// The first step of the plan (<see cref="ProjectPlan.SelectNames"/>): the files that take part
    /// (each path once, nested folders resolved), by path, and the agent that wins each name and
    /// class name, by name. The text budget and the rest of the plan start from it.
    /// </summary>
    internal sealed record PlanNames(EquatableArray<PlanFile> Files, EquatableArray<PlanAgent> Winners);
}
