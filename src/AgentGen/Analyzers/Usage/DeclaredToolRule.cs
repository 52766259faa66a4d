using System;
using System.Collections.Immutable;
using AgentGen.Diagnostics;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentGen.Analyzers.Usage
{
    /// <summary>
    /// AGEN100 (docs/rules/AGEN100.md): a constant tool (a string, or an enum member carrying
    /// <c>[ToolName]</c>) handed to a <c>[DeclaredTool]</c> parameter that the agent known at the
    /// call site does not allow, by the same rules as the generated <c>Allows</c> (<c>AgentToolRules</c>).
    /// </summary>
    internal sealed class DeclaredToolRule
    {
        private const int MaxListedTools = 12;

        private readonly AgentSymbols _symbols;

        public DeclaredToolRule(AgentSymbols symbols) => _symbols = symbols;

        public void Check(OperationAnalysisContext context, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? containingType)
        {
            AgentInfo? agent = null;
            bool agentResolved = false;
            foreach (IArgumentOperation argument in arguments)
            {
                if (argument.Parameter is not { } parameter || !IsDeclaredTool(method, parameter))
                {
                    continue;
                }

                if (!agentResolved)
                {
                    agent = FindAgent(method, instance, arguments, containingType);
                    agentResolved = true;
                    if (agent is null)
                    {
                        return; // no agent, or more than one: nothing to check against
                    }
                }

                // The values the argument hands over: itself, or each element of a params or inline array.
                if (UsageHelpers.Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (IOperation element in initializer.ElementValues)
                    {
                        CheckTool(context, agent!, element);
                    }
                }
                else
                {
                    CheckTool(context, agent!, argument.Value);
                }
            }
        }

        private bool IsDeclaredTool(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (AgentSymbols.HasAttribute(parameter.GetAttributes(), _symbols.DeclaredTool))
            {
                return true;
            }

            // [DeclaredTool] is inherited by overrides, which Roslyn does not model on the symbol.
            int ordinal = parameter.Ordinal;
            for (IMethodSymbol? m = method.OverriddenMethod; m is not null; m = m.OverriddenMethod)
            {
                if (ordinal < m.Parameters.Length && AgentSymbols.HasAttribute(m.Parameters[ordinal].GetAttributes(), _symbols.DeclaredTool))
                {
                    return true;
                }
            }

            return false;
        }

        private void CheckTool(OperationAnalysisContext context, AgentInfo agent, IOperation value)
        {
            string? tool = ConstantToolName(value);
            if (tool is null || AgentToolRules.Allows(agent.InheritsAllTools, agent.Tools, agent.DisallowedTools, agent.Memory, tool))
            {
                return;
            }

            string reason;
            string explanation;
            string? disallowedBy = FirstCovering(agent.DisallowedTools, tool);
            if (disallowedBy is not null)
            {
                reason = ToolUsageAnalyzer.ReasonDisallowed;
                explanation = string.Equals(AgentToolRules.Canonicalize(disallowedBy), AgentToolRules.Canonicalize(tool), StringComparison.Ordinal)
                    ? "; its 'disallowedTools' lists it"
                    : $"; its 'disallowedTools' entry '{disallowedBy}' removes it";
            }
            else
            {
                reason = ToolUsageAnalyzer.ReasonNotDeclared;
                explanation = agent.Tools.Length == 0 ? "; its 'tools' list is empty" : "; its tools are " + UsageHelpers.JoinCapped(agent.Tools, MaxListedTools);
                string bare = AgentToolRules.StripSpecifier(tool);
                if (!_symbols.IsKnownTool(bare, null, agent))
                {
                    reason = ToolUsageAnalyzer.ReasonUnknownTool;
                    string? suggestion = _symbols.SuggestTool(bare);
                    explanation += " (no known tool has this name" + (suggestion is null ? ")" : $"; did you mean '{suggestion}'?)");
                }
            }

            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(ToolUsageAnalyzer.AgentNameProperty, agent.Name)
                .Add(ToolUsageAnalyzer.ToolNameProperty, AgentToolRules.Canonicalize(tool))
                .Add(ToolUsageAnalyzer.SourceFileProperty, agent.SourceFile)
                .Add(ToolUsageAnalyzer.ReasonProperty, reason);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UndeclaredTool, value.Syntax.GetLocation(), properties, agent.Name, tool, explanation));
        }

        private static string? FirstCovering(string[] entries, string tool)
        {
            foreach (string entry in entries)
            {
                if (AgentToolRules.Covers(entry, tool))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>
        /// The agent known at the call site: the receiver when it is an agent; otherwise the one
        /// agent among the type arguments and the other arguments (none, or several different
        /// ones, means unknown).
        /// </summary>
        private AgentInfo? FindAgent(IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? containingType)
        {
            if (instance is not null && _symbols.AgentOf(UsageHelpers.Unwrap(instance).Type) is { } receiver)
            {
                return receiver;
            }

            var found = new AgentVote();
            foreach (ITypeSymbol t in method.TypeArguments)
            {
                found.Consider(_symbols.AgentOf(t));
            }

            for (INamedTypeSymbol? t = containingType; t is not null; t = t.ContainingType)
            {
                foreach (ITypeSymbol arg in t.TypeArguments)
                {
                    found.Consider(_symbols.AgentOf(arg));
                }
            }

            foreach (IArgumentOperation argument in arguments)
            {
                found.Consider(_symbols.AgentOf(UsageHelpers.Unwrap(argument.Value).Type));
            }

            return found.Ambiguous ? null : found.Agent;
        }

        /// <summary>The one agent among several candidates; two different ones make it ambiguous.</summary>
        private struct AgentVote
        {
            public AgentInfo? Agent;
            public bool Ambiguous;

            public void Consider(AgentInfo? candidate)
            {
                if (candidate is null)
                {
                    return;
                }

                if (Agent is null)
                {
                    Agent = candidate;
                }
                else if (!ReferenceEquals(Agent, candidate) && !string.Equals(Agent.Name, candidate.Name, StringComparison.Ordinal))
                {
                    Ambiguous = true;
                }
            }
        }

        /// <summary>The tool a constant names: a string, or an enum member carrying <c>[ToolName]</c> (an agent's nested <c>Tool</c> maps to <c>AgentTool</c>).</summary>
        private string? ConstantToolName(IOperation value)
        {
            // Walk in through conversions (boxing to object loses the constant, a cast to AgentTool makes one).
            for (IOperation? current = value; current is not null; current = (current as IConversionOperation)?.Operand)
            {
                if (current.ConstantValue is not { HasValue: true, Value: { } constant })
                {
                    continue;
                }

                if (current.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
                {
                    IFieldSymbol? field = current is IFieldReferenceOperation { Field: { HasConstantValue: true } f } ? f : FieldWithValue(enumType, constant);
                    return field is null ? null : _symbols.ToolNameOf(field);
                }

                if (constant is string s)
                {
                    return s;
                }
            }

            return null;
        }

        private static IFieldSymbol? FieldWithValue(INamedTypeSymbol enumType, object constant)
        {
            foreach (ISymbol member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } f && Equals(f.ConstantValue, constant))
                {
                    return f;
                }
            }

            return null;
        }
    }
}
