using System;

namespace AgentGen.Agents
{
    /// <summary>One agent of an <see cref="AgentTeam"/> handing work to another (Claude Code's Agent tool, or a typed request).</summary>
    public sealed class AgentDelegationEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public AgentDelegationEventArgs(string caller, string subagent, string prompt, int depth, string? answer = null)
        {
            Caller = caller;
            Subagent = subagent;
            Prompt = prompt;
            Depth = depth;
            Answer = answer;
        }

        /// <summary>The agent that delegated.</summary>
        public string Caller { get; }

        /// <summary>The team member that runs the task.</summary>
        public string Subagent { get; }

        /// <summary>The task (for a typed request, the <c>AgentRequest</c> JSON).</summary>
        public string Prompt { get; }

        /// <summary>1 for a delegation by an agent the app ran, 2 for one made by that sub-agent, and so on.</summary>
        public int Depth { get; }

        /// <summary>The sub-agent's answer (<see langword="null"/> when the delegation starts).</summary>
        public string? Answer { get; }
    }
}
