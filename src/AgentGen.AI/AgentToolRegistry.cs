using System;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGen.AI
{
    /// <summary>
    /// The functions AgentGen itself made for one team (its <c>Agent</c> tool, its typed request tools), with the
    /// permission each needs: recorded by identity, so no other tool can claim one of these permissions by its
    /// name or properties. One registry per team; nothing is shared between teams.
    /// </summary>
    internal sealed class AgentToolRegistry
    {
        private readonly ConditionalWeakTable<AIFunctionDeclaration, Entry> _entries = new ConditionalWeakTable<AIFunctionDeclaration, Entry>();

        /// <summary>Records <paramref name="function"/> as needing <paramref name="permission"/>.</summary>
        /// <param name="function">The function AgentGen made.</param>
        /// <param name="permission">The tool name an agent's file must allow.</param>
        /// <param name="owner">The only agent that may run it, or null for any agent of the team.</param>
        /// <param name="delegationTarget">For a delegating tool: the agent type a call starts (from its arguments), checked against the file's <c>Agent(...)</c> entries.</param>
        public void Add(AIFunctionDeclaration function, string permission, string? owner, Func<AIFunctionArguments?, string?>? delegationTarget)
        {
            if (function is null)
            {
                throw new ArgumentNullException(nameof(function));
            }

            _entries.Add(function, new Entry(permission, owner, delegationTarget));
        }

        public bool TryGet(AIFunctionDeclaration function, out Entry? entry) => _entries.TryGetValue(function, out entry);

        internal sealed class Entry
        {
            public Entry(string permission, string? owner, Func<AIFunctionArguments?, string?>? delegationTarget)
            {
                Permission = permission;
                Owner = owner;
                DelegationTarget = delegationTarget;
            }

            public string Permission { get; }

            public string? Owner { get; }

            public Func<AIFunctionArguments?, string?>? DelegationTarget { get; }
        }
    }
}
