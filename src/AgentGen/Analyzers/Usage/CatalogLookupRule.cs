using System;
using System.Collections.Generic;
using AgentGen.Catalog;
using AgentGen.Diagnostics;
using AgentGen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentGen.Analyzers.Usage
{
    /// <summary>
    /// AGEN101 (docs/rules/AGEN101.md): a constant string passed to the generated
    /// <c>AgentCatalog.Get</c>/<c>TryGet</c> that names no agent of the catalogue, with the closest
    /// names, or the agents when there are few.
    /// </summary>
    internal sealed class CatalogLookupRule
    {
        private const int MaxListedAgents = 10;

        private readonly AgentSymbols _symbols;

        public CatalogLookupRule(AgentSymbols symbols) => _symbols = symbols;

        public void Check(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
        {
            if ((method.Name != CatalogMembers.Get && method.Name != CatalogMembers.TryGet) || !method.IsStatic
                || method.ContainingType is not { Name: GeneratedNames.Catalog, IsStatic: true } catalog
                || method.Parameters[0].Type.SpecialType != SpecialType.System_String
                || !AgentSymbols.IsAgentGenGenerated(catalog))
            {
                return;
            }

            IArgumentOperation? argument = UsageHelpers.ArgumentFor(invocation.Arguments, 0);
            if (argument is null || argument.Value.ConstantValue is not { HasValue: true, Value: string name })
            {
                return;
            }

            string[] names = _symbols.CatalogNames(catalog);
            if (Array.IndexOf(names, name) >= 0)
            {
                return;
            }

            string hint;
            List<string> close = Suggestions.Closest(name, names, 3);
            if (close.Count > 0)
            {
                hint = "; did you mean " + UsageHelpers.OrList(close) + "?";
            }
            else if (names.Length == 0)
            {
                hint = "; this project defines no agents";
            }
            else if (names.Length <= MaxListedAgents)
            {
                hint = "; the agents are " + string.Join(", ", names);
            }
            else
            {
                hint = string.Empty;
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnknownAgentName, argument.Value.Syntax.GetLocation(), name, hint));
        }
    }
}
