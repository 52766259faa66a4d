using System;
using System.Collections.Immutable;
using AgentGen.Analyzers.Usage;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentGen.Analyzers
{
    /// <summary>
    /// Checks C# code against the agents, from the <c>[AgentDefinition]</c> attributes alone (so
    /// agents of referenced projects count too). One analyzer, so the three rules share one
    /// per-compilation <see cref="AgentSymbols"/> (well-known symbols resolved once, each agent's
    /// attribute read once); each rule is in its own file under <c>Analyzers/Usage/</c>:
    /// <see cref="DeclaredToolRule"/> (AGEN100: a constant tool handed to a <c>[DeclaredTool]</c>
    /// parameter that the agent known at the call site does not allow), <see cref="CatalogLookupRule"/>
    /// (AGEN101: a string that names no agent passed to <c>AgentCatalog.Get</c>/<c>TryGet</c>) and
    /// <see cref="ToolNameRule"/> (AGEN102: a string that names no known tool passed to
    /// <c>Allows(string)</c> or <c>AgentTools.TryParse</c>). Does nothing in a compilation that
    /// does not reference AgentGen.Abstractions.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ToolUsageAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the agent's name (AGEN100).</summary>
        public const string AgentNameProperty = "AgentName";

        /// <summary>Diagnostic property: the tool to add to the agent's <c>tools</c> (AGEN100).</summary>
        public const string ToolNameProperty = "ToolName";

        /// <summary>Diagnostic property: the agent file as the generator saw it (AGEN100).</summary>
        public const string SourceFileProperty = "SourceFile";

        /// <summary>Diagnostic property: why the tool is refused (AGEN100): <see cref="ReasonNotDeclared"/>, <see cref="ReasonDisallowed"/> or <see cref="ReasonUnknownTool"/>.</summary>
        public const string ReasonProperty = "Reason";

        /// <summary>The agent has a <c>tools</c> list without the tool: adding it fixes the error.</summary>
        public const string ReasonNotDeclared = "NotDeclared";

        /// <summary>The agent's <c>disallowedTools</c> removes the tool: adding it to <c>tools</c> would not help.</summary>
        public const string ReasonDisallowed = "Disallowed";

        /// <summary>The name is no known tool (most likely a typo in the C# code).</summary>
        public const string ReasonUnknownTool = "UnknownTool";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UndeclaredTool,
            Descriptors.UnknownAgentName,
            Descriptors.UnknownToolName,
            Descriptors.InternalError,
            Descriptors.InternalErrorAtEnd);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            AgentSymbols? symbols;
            try
            {
                PipelineFaults.At(PipelineFaults.ToolUsage, string.Empty);
                symbols = AgentSymbols.TryCreate(start.Compilation, start.Options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never break the user's build (AD0001), never hide the failure: AGEN099 once, for
                // the compilation (there is no file to name), and no checks in this compilation.
                string message = PipelineFaults.Describe("reading the agents' [AgentDefinition] attributes for AGEN100-AGEN102", ex);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalErrorAtEnd, Location.None, message)));
                return;
            }

            if (symbols is null)
            {
                return; // no AgentGen.Abstractions: no work at all
            }

            var rules = new Rules(symbols);
            start.RegisterOperationAction(rules.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(rules.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }

        /// <summary>The three rules of one compilation, behind one guard each callback.</summary>
        private sealed class Rules
        {
            private readonly DeclaredToolRule _declaredTools;
            private readonly CatalogLookupRule _catalogLookups;
            private readonly ToolNameRule _toolNames;

            public Rules(AgentSymbols symbols)
            {
                _declaredTools = new DeclaredToolRule(symbols);
                _catalogLookups = new CatalogLookupRule(symbols);
                _toolNames = new ToolNameRule(symbols);
            }

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                try
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    IMethodSymbol method = invocation.TargetMethod;
                    if (method.Parameters.IsEmpty)
                    {
                        return; // every rule looks at an argument
                    }

                    PipelineFaults.At(PipelineFaults.ToolUsage, invocation.Syntax.SyntaxTree.FilePath);
                    _catalogLookups.Check(context, invocation, method);
                    _toolNames.Check(context, invocation, method);
                    _declaredTools.Check(context, method, invocation.Instance, invocation.Arguments, method.ContainingType);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ReportFailure(context, ex);
                }
            }

            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                try
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (creation.Constructor is { Parameters.IsEmpty: false } constructor)
                    {
                        PipelineFaults.At(PipelineFaults.ToolUsage, creation.Syntax.SyntaxTree.FilePath);
                        _declaredTools.Check(context, constructor, null, creation.Arguments, creation.Type as INamedTypeSymbol);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ReportFailure(context, ex);
                }
            }

            /// <summary>A bug in these checks: AGEN099 at the call, instead of AD0001 (or silence).</summary>
            private static void ReportFailure(OperationAnalysisContext context, Exception ex)
                => context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, context.Operation.Syntax.GetLocation(), PipelineFaults.Describe("checking this call against the agents (AGEN100-AGEN102)", ex)));
        }
    }
}
