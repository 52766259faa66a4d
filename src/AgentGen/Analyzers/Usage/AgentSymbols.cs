using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AgentGen.Catalog;
using AgentGen.Generator;
using AgentGen.Model;
using AgentGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using static AgentGen.Model.GeneratedNames;

namespace AgentGen.Analyzers.Usage
{
    /// <summary>An agent's permissions, read from its <c>[AgentDefinition]</c> attribute.</summary>
    /// <param name="Memory">The file sets <c>memory</c>, which adds Read, Write and Edit (AgentToolRules).</param>
    internal sealed record AgentInfo(string Name, string[] Tools, string[] DisallowedTools, bool InheritsAllTools, string? SourceFile, bool Memory);

    /// <summary>
    /// What the usage rules know about one compilation: AgentGen.Abstractions' well-known types,
    /// resolved once at compilation start in that one assembly, and caches that read each agent's
    /// <c>[AgentDefinition]</c>, each enum member's <c>[ToolName]</c> and each catalogue once.
    /// Thread-safe: the analyzer runs concurrently.
    /// </summary>
    internal sealed class AgentSymbols
    {
        private static readonly AgentInfo NotAnAgent = new(string.Empty, Array.Empty<string>(), Array.Empty<string>(), true, null, false);

        private readonly Compilation _compilation;
        private readonly INamedTypeSymbol _agentDefinition;
        private readonly INamedTypeSymbol? _toolName;
        private readonly ConcurrentDictionary<ITypeSymbol, AgentInfo> _agents = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IFieldSymbol, string> _toolNames = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, string[]> _catalogNames = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> _enumToolNames = new(SymbolEqualityComparer.Default);
        private readonly Lazy<HashSet<string>> _compilationTools;

        // The caches' factories, allocated once (a lambda that captures 'this' is a new delegate at every call).
        private readonly Func<ITypeSymbol, AgentInfo> _readAgent;
        private readonly Func<IFieldSymbol, string> _readToolName;
        private readonly Func<INamedTypeSymbol, string[]> _readCatalogNames;
        private readonly Func<INamedTypeSymbol, HashSet<string>> _readEnumToolNames;

        private AgentSymbols(Compilation compilation, IAssemblySymbol abstractions, INamedTypeSymbol declaredTool, INamedTypeSymbol agentDefinition, IReadOnlyList<string> knownTools)
        {
            _compilation = compilation;
            DeclaredTool = declaredTool;
            _agentDefinition = agentDefinition;
            _toolName = abstractions.GetTypeByMetadataName(ToolNameAttributeMetadataName);
            AgentInterface = abstractions.GetTypeByMetadataName(AgentDefinitionInterfaceMetadataName);
            AgentBase = abstractions.GetTypeByMetadataName(AgentDefinitionBaseMetadataName);
            KnownTools = knownTools;
            _compilationTools = new Lazy<HashSet<string>>(CollectCompilationTools, LazyThreadSafetyMode.ExecutionAndPublication);
            _readAgent = type => ReadAgent(type) ?? NotAnAgent;
            _readToolName = field => ReadToolName(field) ?? string.Empty;
            _readCatalogNames = ReadCatalogNames;
            _readEnumToolNames = ReadEnumToolNames;
        }

        public INamedTypeSymbol DeclaredTool { get; }

        public INamedTypeSymbol? AgentInterface { get; }

        public INamedTypeSymbol? AgentBase { get; }

        /// <summary>The project's extra known tools (<c>AgentGenKnownTools</c>).</summary>
        public IReadOnlyList<string> KnownTools { get; }

        /// <summary>
        /// Null when the compilation does not reference AgentGen.Abstractions (or is not it): then
        /// the analyzer registers nothing. The types are looked up in that one assembly, not with
        /// <see cref="Compilation.GetTypeByMetadataName"/>, which searches every reference.
        /// </summary>
        public static AgentSymbols? TryCreate(Compilation compilation, AnalyzerOptions options)
        {
            IAssemblySymbol? abstractions = FindAbstractions(compilation);
            if (abstractions is null
                || abstractions.GetTypeByMetadataName(DeclaredToolAttributeMetadataName) is not { } declaredTool
                || abstractions.GetTypeByMetadataName(AgentDefinitionAttributeMetadataName) is not { } agentDefinition)
            {
                return null;
            }

            GeneratorOptions read = OptionsReader.Read(options.AnalyzerConfigOptionsProvider.GlobalOptions);
            return new AgentSymbols(compilation, abstractions, declaredTool, agentDefinition, new List<string>(read.KnownTools));
        }

        private static IAssemblySymbol? FindAbstractions(Compilation compilation)
        {
            if (IsAbstractions(compilation.Assembly))
            {
                return compilation.Assembly;
            }

            IAssemblySymbol? found = null;
            foreach (IAssemblySymbol referenced in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (IsAbstractions(referenced))
                {
                    if (found is not null)
                    {
                        return null; // two copies: which one the code means is ambiguous, as for GetTypeByMetadataName
                    }

                    found = referenced;
                }
            }

            return found;
        }

        private static bool IsAbstractions(IAssemblySymbol assembly)
            => string.Equals(assembly.Name, AbstractionsAssembly, StringComparison.Ordinal);

        /// <summary>The agent whose class <paramref name="type"/> is, or null.</summary>
        public AgentInfo? AgentOf(ITypeSymbol? type)
        {
            if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named)
            {
                return null;
            }

            AgentInfo info = _agents.GetOrAdd(named, _readAgent);
            return ReferenceEquals(info, NotAnAgent) ? null : info;
        }

        private AgentInfo? ReadAgent(ITypeSymbol type)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (!IsAttribute(attribute, _agentDefinition, AgentDefinitionAttribute))
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
                        case AgentDefinitionProperties.Tools:
                            tools = Strings(named.Value);
                            break;
                        case AgentDefinitionProperties.DisallowedTools:
                            disallowed = Strings(named.Value);
                            break;
                        case AgentDefinitionProperties.InheritsAllTools:
                            inherits = named.Value.Value is true;
                            break;
                        case AgentDefinitionProperties.SourceFile:
                            sourceFile = named.Value.Value as string;
                            break;
                        case AgentDefinitionProperties.Memory:
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

            ImmutableArray<TypedConstant> values = constant.Values;
            var list = new List<string>(values.Length);
            foreach (TypedConstant item in values)
            {
                if (item.Value is string s && s.Length > 0)
                {
                    list.Add(s);
                }
            }

            return list.ToArray();
        }

        /// <summary>The tool an enum member names: its <c>[ToolName]</c>, or, in an agent's nested <c>Tool</c> enum, that of the <c>AgentTool</c> member of the same name.</summary>
        public string? ToolNameOf(IFieldSymbol field)
        {
            string name = _toolNames.GetOrAdd(field, _readToolName);
            return name.Length == 0 ? null : name;
        }

        private string? ReadToolName(IFieldSymbol field)
        {
            if (ToolNameAttributeValue(field) is { } direct)
            {
                return direct;
            }

            // An agent's nested Tool enum, or that of the project's AllToolsAgentDefinition (the agents that may use
            // every tool inherit it): its members are named like the AgentTool members of the agent's namespace.
            if (field.ContainingType is { Name: AgentToolEnum, ContainingType: { } agentType } && (AgentOf(agentType) is not null || agentType.Name == AllToolsBase))
            {
                foreach (INamedTypeSymbol candidate in agentType.ContainingNamespace.GetTypeMembers(ToolEnum))
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
                if (IsAttribute(attribute, _toolName, ToolNameAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string s
                    && s.Length > 0)
                {
                    return s;
                }
            }

            return null;
        }

        /// <summary>The names of the agents a generated catalogue class lists (its static properties of agent types), sorted.</summary>
        public string[] CatalogNames(INamedTypeSymbol catalog) => _catalogNames.GetOrAdd(catalog, _readCatalogNames);

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

        /// <summary>Whether <paramref name="name"/> (without a specifier) is a tool: built in, configured, named by the agent, by <paramref name="toolEnum"/>, or by any agent of the compilation.</summary>
        public bool IsKnownTool(string name, INamedTypeSymbol? toolEnum, AgentInfo? agent)
        {
            if (name.Length == 0)
            {
                return false;
            }

            if (ToolCatalog.IsBuiltIn(name) || ToolCatalog.IsLegacy(name, out _) || ToolCatalog.IsMcp(name) || Contains(KnownTools, name))
            {
                return true;
            }

            if (agent is not null && (ContainsTool(agent.Tools, name) || ContainsTool(agent.DisallowedTools, name)))
            {
                return true;
            }

            if (toolEnum is { TypeKind: TypeKind.Enum } && _enumToolNames.GetOrAdd(toolEnum, _readEnumToolNames).Contains(name))
            {
                return true;
            }

            return _compilationTools.Value.Contains(name);
        }

        /// <summary>The closest known tool name to <paramref name="name"/>, if one is close.</summary>
        public string? SuggestTool(string name)
        {
            var candidates = new List<string>(ToolCatalog.BuiltIns);
            candidates.AddRange(KnownTools);
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
                        AddStripped(names, agent.Tools);
                        AddStripped(names, agent.DisallowedTools);
                    }

                    foreach (INamedTypeSymbol nested in type.GetTypeMembers())
                    {
                        pending.Push(nested);
                    }
                }
            }

            return names;
        }

        private static void AddStripped(HashSet<string> names, string[] tools)
        {
            foreach (string t in tools)
            {
                names.Add(AgentToolRules.StripSpecifier(t));
            }
        }

        /// <summary>The project's <c>AgentTool</c> enum in <paramref name="ns"/>, if there is one.</summary>
        public static INamedTypeSymbol? ToolEnumIn(INamespaceSymbol? ns)
        {
            if (ns is null)
            {
                return null;
            }

            foreach (INamedTypeSymbol t in ns.GetTypeMembers(ToolEnum))
            {
                if (t.TypeKind == TypeKind.Enum)
                {
                    return t;
                }
            }

            return null;
        }

        /// <summary>Whether AgentGen wrote the type (its <c>[GeneratedCode("AgentGen", ...)]</c>).</summary>
        public static bool IsAgentGenGenerated(INamedTypeSymbol type)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: GeneratedCodeAttribute }
                    && attribute.ConstructorArguments.Length >= 1
                    && attribute.ConstructorArguments[0].Value is GeneratorName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The attribute is <paramref name="expected"/>, or the type of that name in namespace <c>AgentGen</c> of another copy of AgentGen.Abstractions (a referenced assembly built against it).</summary>
        public static bool IsAttribute(AttributeData attribute, INamedTypeSymbol? expected, string name)
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

            return cls.Name == name && cls.ContainingNamespace is { Name: AbstractionsNamespace, ContainingNamespace.IsGlobalNamespace: true };
        }

        public static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol expected)
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
    }
}
