using System.Collections.Generic;

namespace AgentGen
{
    /// <summary>
    /// The parts of an agent file the runtime packages (<c>AgentGen.AI</c>, <c>AgentGen.Agents</c>) act on beyond
    /// <see cref="IAgentDefinition"/>: implemented by every generated agent class (through
    /// <see cref="AgentDefinitionBase"/>), so the runtime reads them typed, never by reflection. A hand-written
    /// <see cref="IAgentDefinition"/> that does not implement it runs with none of them set.
    /// </summary>
    public interface IAgentRuntimeDefinition : IAgentDefinition
    {
        /// <summary>The file's <c>maxTurns</c> (the most tool-call rounds one request may take), or <see langword="null"/> when absent.</summary>
        int? MaxTurns { get; }

        /// <summary>The file's <c>effort</c>, or <see langword="null"/> when absent.</summary>
        AgentEffort? Effort { get; }

        /// <summary>
        /// The agent types the file's <c>Agent(...)</c> entries allow it to delegate to, in file order, each once; or
        /// <see langword="null"/> when delegation (if <see cref="IAgentDefinition.Allows(string)"/> grants <c>Agent</c>
        /// at all) may go to any agent.
        /// </summary>
        /// <remarks>
        /// <para>
        /// Claude Code reads <c>Agent(worker, researcher)</c> in <c>tools</c> as an allowlist of the subagent types the
        /// agent may start when it runs as the main agent (<c>claude --agent</c>), and ignores the list when it runs as a
        /// subagent (code.claude.com/docs/en/sub-agents, "Restrict which subagents can be spawned"; FIDELITY.md D10).
        /// The rules, as AgentGen applies them:
        /// </para>
        /// <list type="bullet">
        /// <item><description>several <c>Agent(...)</c> entries combine: <c>Agent(a), Agent(b, c)</c> allows a, b and c
        /// (Claude Code CHANGELOG 2.1.147 and 2.1.186);</description></item>
        /// <item><description>a bare <c>Agent</c> entry (or <c>*</c>, or no <c>tools</c> field) allows every agent, whatever
        /// <c>Agent(...)</c> entries sit beside it: the list is <see langword="null"/>;</description></item>
        /// <item><description>the legacy name <c>Task</c> is an alias of <c>Agent</c> (renamed in 2.1.63; "existing
        /// <c>Task(...)</c> references still work as aliases"), so <c>Task(a)</c> adds a as <c>Agent(a)</c> does;</description></item>
        /// <item><description><c>Agent()</c> with nothing in the parentheses adds no type: a file whose only entries are
        /// empty allows none (an empty list);</description></item>
        /// <item><description><c>disallowedTools: Agent(...)</c> removes the whole <c>Agent</c> tool, as every specifier
        /// in <c>disallowedTools</c> does in AgentGen (stricter than Claude Code's per-type deny rule).</description></item>
        /// </list>
        /// <para>
        /// <c>AgentGen.Agents</c> applies the list wherever the agent runs in a team, not only at the top level: a
        /// subagent cannot delegate anyway under the default depth limit, and with a deeper limit the file's list
        /// still bounds it (stricter than Claude Code, on purpose).
        /// </para>
        /// </remarks>
        IReadOnlyList<string>? AgentTypes { get; }

        /// <summary>The file's <c>permissionMode</c>, or <see langword="null"/> when absent (the parent's mode applies; Claude Code 2.1.240, code.claude.com/docs/en/sub-agents "Permission modes").</summary>
        AgentPermissionMode? PermissionMode { get; }

        /// <summary>The file's <c>skills</c>: each one's <c>SKILL.md</c> is preloaded into the agent's context at the start of a run (empty when absent).</summary>
        IReadOnlyList<string> Skills { get; }

        /// <summary>The file's <c>memory</c> scope, or <see langword="null"/> when absent.</summary>
        AgentMemoryScope? Memory { get; }

        /// <summary>The file's <c>hooks</c> as JSON text, or <see langword="null"/> when absent.</summary>
        string? HooksJson { get; }

        /// <summary>The file's <c>initialPrompt</c>, or <see langword="null"/> when absent: the first user turn when the agent runs as the main agent.</summary>
        string? InitialPrompt { get; }
    }
}
