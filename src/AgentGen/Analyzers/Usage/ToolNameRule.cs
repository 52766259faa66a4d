using AgentGen.Diagnostics;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using static AgentGen.Model.GeneratedNames;

namespace AgentGen.Analyzers.Usage
{
    /// <summary>
    /// AGEN102 (docs/rules/AGEN102.md): a constant string that names no known tool, passed to an
    /// agent's <c>Allows(string)</c> (on the agent class, <c>AgentDefinitionBase</c> or
    /// <c>IAgentDefinition</c>) or to the generated <c>AgentTools.TryParse</c>.
    /// </summary>
    internal sealed class ToolNameRule
    {
        private readonly AgentSymbols _symbols;

        public ToolNameRule(AgentSymbols symbols) => _symbols = symbols;

        public void Check(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
        {
            AgentInfo? agent = null;
            INamedTypeSymbol? toolEnum = null;
            if (method.Name == Allows && !method.IsStatic && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
            {
                INamedTypeSymbol agentType = method.ContainingType;
                agent = _symbols.AgentOf(agentType);
                // Generated agents inherit Allows(string) from AgentDefinitionBase: the agent is the receiver's type.
                bool onBase = SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.AgentBase);
                if (agent is null && onBase && invocation.Instance is { } receiver
                    && UsageHelpers.Unwrap(receiver).Type is INamedTypeSymbol receiverType && _symbols.AgentOf(receiverType) is { } viaReceiver)
                {
                    agent = viaReceiver;
                    agentType = receiverType;
                }

                if (agent is null && !onBase && !SymbolEqualityComparer.Default.Equals(method.ContainingType, _symbols.AgentInterface))
                {
                    return;
                }

                if (agent is not null)
                {
                    toolEnum = AgentSymbols.ToolEnumIn(agentType.ContainingNamespace);
                }
            }
            else if (method.Name == TryParse && method.IsStatic
                && method.ContainingType is { Name: ToolsClass, IsStatic: true } tools
                && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && AgentSymbols.IsAgentGenGenerated(tools))
            {
                toolEnum = method.Parameters.Length > 1 ? method.Parameters[1].Type as INamedTypeSymbol : null;
            }
            else
            {
                return;
            }

            IArgumentOperation? argument = UsageHelpers.ArgumentFor(invocation.Arguments, 0);
            if (argument is null || argument.Value.ConstantValue is not { HasValue: true, Value: string value })
            {
                return;
            }

            string name = AgentToolRules.StripSpecifier(value);
            if (_symbols.IsKnownTool(name, toolEnum, agent))
            {
                return;
            }

            string? suggestion = _symbols.SuggestTool(name);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UnknownToolName,
                argument.Value.Syntax.GetLocation(),
                value,
                suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
        }
    }
}
