using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using AgentGen.Catalog;
using AgentGen.Diagnostics;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AgentGen.Analyzers
{
    /// <summary>
    /// Checks C# code against the agents, from the <c>[AgentDefinition]</c> attributes alone (so
    /// agents of referenced projects count too): a constant tool handed to a <c>[DeclaredTool]</c>
    /// parameter that the agent known at the call site does not allow (AGEN100), a string that names
    /// no agent passed to <c>AgentCatalog.Get</c>/<c>TryGet</c> (AGEN101), and a string that names no
    /// known tool passed to <c>Allows(string)</c> or <c>AgentTools.TryParse</c> (AGEN102).
    /// Does nothing in a compilation that does not reference AgentGen.Abstractions.
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

        private const int MaxListedTools = 12;
        private const int MaxListedAgents = 10;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.UndeclaredTool,
            Descriptors.UnknownAgentName,
            Descriptors.UnknownToolName,
            Descriptors.InternalError);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            UsageChecker? checker;
            try
            {
                PipelineFaults.At(PipelineFaults.ToolUsage, string.Empty);
                checker = UsageChecker.TryCreate(start.Compilation, start.Options);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never break the user's build (AD0001), never hide the failure: AGEN099 once, for
                // the compilation (there is no file to name), and no checks in this compilation.
                string message = PipelineFaults.Describe("reading the agents' [AgentDefinition] attributes for AGEN100-AGEN102", ex);
                start.RegisterCompilationEndAction(end => end.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, Location.None, message)));
                return;
            }

            if (checker is null)
            {
                return; // no AgentGen.Abstractions: no work at all
            }

            start.RegisterOperationAction(checker.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(checker.AnalyzeObjectCreation, OperationKind.ObjectCreation);
        }

        /// <summary>An agent's permissions, read from its <c>[AgentDefinition]</c> attribute.</summary>
        private sealed class AgentInfo
        {
            public AgentInfo(string name, string[] tools, string[] disallowedTools, bool inheritsAllTools, string? sourceFile, bool memory = false)
            {
                Memory = memory;
                Name = name;
                Tools = tools;
                DisallowedTools = disallowedTools;
                InheritsAllTools = inheritsAllTools;
                SourceFile = sourceFile;
            }

            public string Name { get; }

            public string[] Tools { get; }

            public string[] DisallowedTools { get; }

            public bool InheritsAllTools { get; }

            /// <summary>The file sets <c>memory</c>, which adds Read, Write and Edit (AgentToolRules).</summary>
            public bool Memory { get; }

            public string? SourceFile { get; }
        }

        private sealed class UsageChecker
        {
            private static readonly AgentInfo NotAnAgent = new(string.Empty, Array.Empty<string>(), Array.Empty<string>(), true, null);

            private readonly Compilation _compilation;
            private readonly INamedTypeSymbol _declaredTool;
            private readonly INamedTypeSymbol _agentDefinition;
            private readonly INamedTypeSymbol? _toolName;
            private readonly INamedTypeSymbol? _agentInterface;
            private readonly INamedTypeSymbol? _agentBase;
            private readonly IReadOnlyList<string> _knownTools;
            private readonly ConcurrentDictionary<ITypeSymbol, AgentInfo> _agents = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<IFieldSymbol, string> _toolNames = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<INamedTypeSymbol, string[]> _catalogNames = new(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> _enumToolNames = new(SymbolEqualityComparer.Default);
            private readonly Lazy<HashSet<string>> _compilationTools;

            private UsageChecker(Compilation compilation, INamedTypeSymbol declaredTool, INamedTypeSymbol agentDefinition, IReadOnlyList<string> knownTools)
            {
                _compilation = compilation;
                _declaredTool = declaredTool;
                _agentDefinition = agentDefinition;
                _toolName = compilation.GetTypeByMetadataName("AgentGen.ToolNameAttribute");
                _agentInterface = compilation.GetTypeByMetadataName("AgentGen.IAgentDefinition");
                _agentBase = compilation.GetTypeByMetadataName("AgentGen.AgentDefinitionBase");
                _knownTools = knownTools;
                _compilationTools = new Lazy<HashSet<string>>(CollectCompilationTools, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public static UsageChecker? TryCreate(Compilation compilation, AnalyzerOptions options)
            {
                INamedTypeSymbol? declaredTool = compilation.GetTypeByMetadataName("AgentGen.DeclaredToolAttribute");
                INamedTypeSymbol? agentDefinition = compilation.GetTypeByMetadataName("AgentGen.AgentDefinitionAttribute");
                if (declaredTool is null || agentDefinition is null
                    || !IsAbstractions(declaredTool.ContainingAssembly) || !IsAbstractions(agentDefinition.ContainingAssembly))
                {
                    return null;
                }

                GeneratorOptions read = OptionsReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);
                return new UsageChecker(compilation, declaredTool, agentDefinition, new List<string>(read.KnownTools));
            }

            private static bool IsAbstractions(IAssemblySymbol? assembly)
                => assembly is not null && string.Equals(assembly.Name, "AgentGen.Abstractions", StringComparison.Ordinal);

            public void AnalyzeInvocation(OperationAnalysisContext context)
            {
                try
                {
                    var invocation = (IInvocationOperation)context.Operation;
                    IMethodSymbol method = invocation.TargetMethod;
                    if (method.Parameters.IsEmpty)
                    {
                        return;
                    }

                    PipelineFaults.At(PipelineFaults.ToolUsage, context.Operation.Syntax.SyntaxTree.FilePath);
                    CheckCatalogLookup(context, invocation, method);
                    CheckToolNameQuery(context, invocation, method);
                    CheckDeclaredTools(context, method, invocation.Instance, invocation.Arguments, method.ContainingType);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ReportFailure(context, ex);
                }
            }

            /// <summary>A bug in these checks: AGEN099 at the call, instead of AD0001 (or silence).</summary>
            private static void ReportFailure(OperationAnalysisContext context, Exception ex)
                => context.ReportDiagnostic(Diagnostic.Create(Descriptors.InternalError, context.Operation.Syntax.GetLocation(), PipelineFaults.Describe("checking this call against the agents (AGEN100-AGEN102)", ex)));

            public void AnalyzeObjectCreation(OperationAnalysisContext context)
            {
                try
                {
                    var creation = (IObjectCreationOperation)context.Operation;
                    if (creation.Constructor is { Parameters.IsEmpty: false } constructor)
                    {
                        PipelineFaults.At(PipelineFaults.ToolUsage, context.Operation.Syntax.SyntaxTree.FilePath);
                        CheckDeclaredTools(context, constructor, null, creation.Arguments, creation.Type as INamedTypeSymbol);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ReportFailure(context, ex);
                }
            }

            // ---- AGEN100 ----------------------------------------------------------------------

            private void CheckDeclaredTools(OperationAnalysisContext context, IMethodSymbol method, IOperation? instance, ImmutableArray<IArgumentOperation> arguments, INamedTypeSymbol? containingType)
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

                    foreach (IOperation value in ToolValues(argument))
                    {
                        CheckTool(context, agent!, value);
                    }
                }
            }

            private bool IsDeclaredTool(IMethodSymbol method, IParameterSymbol parameter)
            {
                if (HasAttribute(parameter.GetAttributes(), _declaredTool))
                {
                    return true;
                }

                // [DeclaredTool] is inherited by overrides, which Roslyn does not model on the symbol.
                int ordinal = parameter.Ordinal;
                for (IMethodSymbol? m = method.OverriddenMethod; m is not null; m = m.OverriddenMethod)
                {
                    if (ordinal < m.Parameters.Length && HasAttribute(m.Parameters[ordinal].GetAttributes(), _declaredTool))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The values an argument hands over: itself, or each element of a <c>params</c> or inline array.</summary>
            private static IEnumerable<IOperation> ToolValues(IArgumentOperation argument)
            {
                IOperation value = Unwrap(argument.Value);
                if (value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (IOperation element in initializer.ElementValues)
                    {
                        yield return element;
                    }
                }
                else
                {
                    yield return argument.Value;
                }
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
                    reason = ReasonDisallowed;
                    explanation = string.Equals(AgentToolRules.Canonicalize(disallowedBy), AgentToolRules.Canonicalize(tool), StringComparison.Ordinal)
                        ? "; its 'disallowedTools' lists it"
                        : $"; its 'disallowedTools' entry '{disallowedBy}' removes it";
                }
                else
                {
                    reason = ReasonNotDeclared;
                    explanation = agent.Tools.Length == 0 ? "; its 'tools' list is empty" : "; its tools are " + JoinCapped(agent.Tools, MaxListedTools);
                    if (!IsKnownTool(AgentToolRules.StripSpecifier(tool), null, agent))
                    {
                        reason = ReasonUnknownTool;
                        string? suggestion = SuggestTool(AgentToolRules.StripSpecifier(tool));
                        explanation += " (no known tool has this name" + (suggestion is null ? ")" : $"; did you mean '{suggestion}'?)");
                    }
                }

                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                    .Add(AgentNameProperty, agent.Name)
                    .Add(ToolNameProperty, AgentToolRules.Canonicalize(tool))
                    .Add(SourceFileProperty, agent.SourceFile)
                    .Add(ReasonProperty, reason);
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
                if (instance is not null && AgentOf(Unwrap(instance).Type) is { } receiver)
                {
                    return receiver;
                }

                AgentInfo? found = null;
                bool ambiguous = false;
                void Consider(ITypeSymbol? type)
                {
                    if (AgentOf(type) is { } a)
                    {
                        if (found is null)
                        {
                            found = a;
                        }
                        else if (!ReferenceEquals(found, a) && !string.Equals(found.Name, a.Name, StringComparison.Ordinal))
                        {
                            ambiguous = true;
                        }
                    }
                }

                foreach (ITypeSymbol t in method.TypeArguments)
                {
                    Consider(t);
                }

                for (INamedTypeSymbol? t = containingType; t is not null; t = t.ContainingType)
                {
                    foreach (ITypeSymbol arg in t.TypeArguments)
                    {
                        Consider(arg);
                    }
                }

                foreach (IArgumentOperation argument in arguments)
                {
                    Consider(Unwrap(argument.Value).Type);
                }

                return ambiguous ? null : found;
            }

            private AgentInfo? AgentOf(ITypeSymbol? type)
            {
                if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
                {
                    return null;
                }

                AgentInfo info = _agents.GetOrAdd(named, t => ReadAgent(t) ?? NotAnAgent);
                return ReferenceEquals(info, NotAnAgent) ? null : info;
            }

            private AgentInfo? ReadAgent(ITypeSymbol type)
            {
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    if (!IsAttribute(attribute, _agentDefinition, "AgentDefinitionAttribute"))
                    {
                        continue;
                    }

                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name)
                    {
                        return null;
                    }

                    string[] tools = Array.Empty<string>();
                    string[] disallowed = Array.Empty<string>();
                    bool inherits = false;
                    string? sourceFile = null;
                    bool memory = false;
                    foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                    {
                        switch (named.Key)
                        {
                            case "Tools":
                                tools = Strings(named.Value);
                                break;
                            case "DisallowedTools":
                                disallowed = Strings(named.Value);
                                break;
                            case "InheritsAllTools":
                                inherits = named.Value.Value is true;
                                break;
                            case "SourceFile":
                                sourceFile = named.Value.Value as string;
                                break;
                            case "Memory":
                                memory = named.Value.Value is string { Length: > 0 };
                                break;
                        }
                    }

                    return new AgentInfo(name, tools, disallowed, inherits, sourceFile, memory);
                }

                return null;
            }

            private static string[] Strings(TypedConstant constant)
            {
                if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
                {
                    return Array.Empty<string>();
                }

                var list = new List<string>(constant.Values.Length);
                foreach (TypedConstant item in constant.Values)
                {
                    if (item.Value is string s && s.Length > 0)
                    {
                        list.Add(s);
                    }
                }

                return list.ToArray();
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
                        return field is null ? null : ToolNameOf(field);
                    }

                    if (constant is string s)
                    {
                        return s;
                    }
                }

                return null;
            }

            private static IFieldSymbol? FieldWithValue(INamedTypeSymbol enumType, object? constant)
            {
                if (constant is null)
                {
                    return null;
                }

                foreach (ISymbol member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } f && Equals(f.ConstantValue, constant))
                    {
                        return f;
                    }
                }

                return null;
            }

            private string? ToolNameOf(IFieldSymbol field)
            {
                string name = _toolNames.GetOrAdd(field, f => ReadToolName(f) ?? string.Empty);
                return name.Length == 0 ? null : name;
            }

            private string? ReadToolName(IFieldSymbol field)
            {
                if (ToolNameAttributeValue(field) is { } direct)
                {
                    return direct;
                }

                // An agent's nested Tool enum: its members are named like the AgentTool members of the agent's namespace.
                if (field.ContainingType is { Name: "Tool", ContainingType: { } agentType } && AgentOf(agentType) is not null)
                {
                    foreach (INamedTypeSymbol candidate in agentType.ContainingNamespace.GetTypeMembers("AgentTool"))
                    {
                        if (candidate.TypeKind != TypeKind.Enum)
                        {
                            continue;
                        }

                        foreach (ISymbol member in candidate.GetMembers(field.Name))
                        {
                            if (member is IFieldSymbol mapped && ToolNameAttributeValue(mapped) is { } viaAgentTool)
                            {
                                return viaAgentTool;
                            }
                        }
                    }
                }

                return null;
            }

            private string? ToolNameAttributeValue(IFieldSymbol field)
            {
                foreach (AttributeData attribute in field.GetAttributes())
                {
                    if (IsAttribute(attribute, _toolName, "ToolNameAttribute")
                        && attribute.ConstructorArguments.Length == 1
                        && attribute.ConstructorArguments[0].Value is string s
                        && s.Length > 0)
                    {
                        return s;
                    }
                }

                return null;
            }

            // ---- AGEN101 ----------------------------------------------------------------------

            private void CheckCatalogLookup(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
            {
                if ((method.Name != CatalogMembers.Get && method.Name != CatalogMembers.TryGet) || !method.IsStatic
                    || method.ContainingType is not { Name: CatalogMembers.ClassName, IsStatic: true } catalog
                    || !IsAgentGenGenerated(catalog)
                    || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                IArgumentOperation? argument = ArgumentFor(invocation.Arguments, 0);
                if (argument is null || argument.Value.ConstantValue is not { HasValue: true, Value: string name })
                {
                    return;
                }

                string[] names = _catalogNames.GetOrAdd(catalog, ReadCatalogNames);
                if (Array.IndexOf(names, name) >= 0)
                {
                    return;
                }

                string hint;
                List<string> close = Suggestions.Closest(name, names, 3);
                if (close.Count > 0)
                {
                    hint = "; did you mean " + OrList(close) + "?";
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

            private string[] ReadCatalogNames(INamedTypeSymbol catalog)
            {
                var names = new SortedSet<string>(StringComparer.Ordinal);
                foreach (ISymbol member in catalog.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: true } property && AgentOf(property.Type) is { } agent)
                    {
                        names.Add(agent.Name);
                    }
                }

                var result = new string[names.Count];
                names.CopyTo(result);
                return result;
            }

            // ---- AGEN102 ----------------------------------------------------------------------

            private void CheckToolNameQuery(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
            {
                AgentInfo? agent = null;
                INamedTypeSymbol? toolEnum = null;
                if (method.Name == "Allows" && !method.IsStatic && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
                {
                    INamedTypeSymbol agentType = method.ContainingType;
                    agent = AgentOf(agentType);
                    // Generated agents inherit Allows(string) from AgentDefinitionBase: the agent is the receiver's type.
                    bool onBase = SymbolEqualityComparer.Default.Equals(method.ContainingType, _agentBase);
                    if (agent is null && onBase && invocation.Instance is { } receiver
                        && Unwrap(receiver).Type is INamedTypeSymbol receiverType && AgentOf(receiverType) is { } viaReceiver)
                    {
                        agent = viaReceiver;
                        agentType = receiverType;
                    }

                    if (agent is null && !onBase && !SymbolEqualityComparer.Default.Equals(method.ContainingType, _agentInterface))
                    {
                        return;
                    }

                    if (agent is not null)
                    {
                        toolEnum = AgentToolEnumIn(agentType.ContainingNamespace);
                    }
                }
                else if (method.Name == "TryParse" && method.IsStatic
                    && method.ContainingType is { Name: "AgentTools", IsStatic: true } tools
                    && IsAgentGenGenerated(tools)
                    && method.Parameters[0].Type.SpecialType == SpecialType.System_String)
                {
                    toolEnum = method.Parameters.Length > 1 ? method.Parameters[1].Type as INamedTypeSymbol : null;
                }
                else
                {
                    return;
                }

                IArgumentOperation? argument = ArgumentFor(invocation.Arguments, 0);
                if (argument is null || argument.Value.ConstantValue is not { HasValue: true, Value: string value })
                {
                    return;
                }

                string name = AgentToolRules.StripSpecifier(value);
                if (IsKnownTool(name, toolEnum, agent))
                {
                    return;
                }

                string? suggestion = SuggestTool(name);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnknownToolName,
                    argument.Value.Syntax.GetLocation(),
                    value,
                    suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?"));
            }

            private bool IsKnownTool(string name, INamedTypeSymbol? toolEnum, AgentInfo? agent)
            {
                if (name.Length == 0)
                {
                    return false;
                }

                if (ToolCatalog.IsBuiltIn(name) || ToolCatalog.IsLegacy(name, out _) || ToolCatalog.IsMcp(name) || Contains(_knownTools, name))
                {
                    return true;
                }

                if (agent is not null && (ContainsTool(agent.Tools, name) || ContainsTool(agent.DisallowedTools, name)))
                {
                    return true;
                }

                if (toolEnum is { TypeKind: TypeKind.Enum } && _enumToolNames.GetOrAdd(toolEnum, ReadEnumToolNames).Contains(name))
                {
                    return true;
                }

                return _compilationTools.Value.Contains(name);
            }

            private string? SuggestTool(string name)
            {
                var candidates = new List<string>(ToolCatalog.BuiltIns);
                candidates.AddRange(_knownTools);
                candidates.AddRange(_compilationTools.Value);
                return Suggestions.Closest(name, candidates);
            }

            private HashSet<string> ReadEnumToolNames(INamedTypeSymbol toolEnum)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (ISymbol member in toolEnum.GetMembers())
                {
                    if (member is IFieldSymbol field && ToolNameAttributeValue(field) is { } name)
                    {
                        names.Add(name);
                    }
                }

                return names;
            }

            /// <summary>Every tool named by an <c>[AgentDefinition]</c> declared in this compilation (computed once, on first need).</summary>
            private HashSet<string> CollectCompilationTools()
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                var pending = new Stack<INamespaceOrTypeSymbol>();
                pending.Push(_compilation.Assembly.GlobalNamespace);
                while (pending.Count > 0)
                {
                    INamespaceOrTypeSymbol current = pending.Pop();
                    if (current is INamespaceSymbol ns)
                    {
                        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
                        {
                            pending.Push(member);
                        }

                        continue;
                    }

                    if (current is INamedTypeSymbol type)
                    {
                        if (AgentOf(type) is { } agent)
                        {
                            foreach (string t in agent.Tools)
                            {
                                names.Add(AgentToolRules.StripSpecifier(t));
                            }

                            foreach (string t in agent.DisallowedTools)
                            {
                                names.Add(AgentToolRules.StripSpecifier(t));
                            }
                        }

                        foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                        {
                            pending.Push(nested);
                        }
                    }
                }

                return names;
            }

            private static INamedTypeSymbol? AgentToolEnumIn(INamespaceSymbol? ns)
            {
                if (ns is null)
                {
                    return null;
                }

                foreach (INamedTypeSymbol t in ns.GetTypeMembers("AgentTool"))
                {
                    if (t.TypeKind == TypeKind.Enum)
                    {
                        return t;
                    }
                }

                return null;
            }

            // ---- helpers ----------------------------------------------------------------------

            private static bool IsAgentGenGenerated(INamedTypeSymbol type)
            {
                foreach (AttributeData attribute in type.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" }
                        && attribute.ConstructorArguments.Length >= 1
                        && attribute.ConstructorArguments[0].Value is "AgentGen")
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool IsAttribute(AttributeData attribute, INamedTypeSymbol? expected, string name)
            {
                INamedTypeSymbol? cls = attribute.AttributeClass;
                if (cls is null)
                {
                    return false;
                }

                if (expected is not null && SymbolEqualityComparer.Default.Equals(cls, expected))
                {
                    return true;
                }

                // A referenced assembly built against another copy of AgentGen.Abstractions.
                return cls.Name == name && cls.ContainingNamespace is { Name: "AgentGen", ContainingNamespace.IsGlobalNamespace: true };
            }

            private static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol expected)
            {
                foreach (AttributeData attribute in attributes)
                {
                    if (IsAttribute(attribute, expected, expected.Name))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static IArgumentOperation? ArgumentFor(ImmutableArray<IArgumentOperation> arguments, int ordinal)
            {
                foreach (IArgumentOperation argument in arguments)
                {
                    if (argument.Parameter?.Ordinal == ordinal)
                    {
                        return argument;
                    }
                }

                return null;
            }

            private static IOperation Unwrap(IOperation operation)
            {
                while (operation is IConversionOperation conversion)
                {
                    operation = conversion.Operand;
                }

                return operation;
            }

            private static bool Contains(IReadOnlyList<string> list, string value)
            {
                for (int i = 0; i < list.Count; i++)
                {
                    if (string.Equals(list[i], value, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool ContainsTool(string[] entries, string name)
            {
                foreach (string entry in entries)
                {
                    if (string.Equals(AgentToolRules.StripSpecifier(entry), name, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static string JoinCapped(string[] items, int max)
            {
                if (items.Length <= max)
                {
                    return string.Join(", ", items);
                }

                var sb = new StringBuilder();
                for (int i = 0; i < max; i++)
                {
                    sb.Append(items[i]).Append(", ");
                }

                sb.Append("and ").Append((items.Length - max).ToString(CultureInfo.InvariantCulture)).Append(" more");
                return sb.ToString();
            }

            private static string OrList(List<string> items)
            {
                var quoted = new List<string>(items.Count);
                foreach (string s in items)
                {
                    quoted.Add("'" + s + "'");
                }

                return quoted.Count == 1 ? quoted[0] : string.Join(", ", quoted.GetRange(0, quoted.Count - 1)) + " or " + quoted[quoted.Count - 1];
            }
        }
    }
}
