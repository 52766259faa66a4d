using System.Collections.Generic;
using AgentGen.Common;
using AgentGen.Model;

namespace AgentGen.Emit
{
    /// <summary>Emits the once-per-project types (AgentTool, AgentTools, AgentCatalog; README.md) and the message records.</summary>
    internal static class ProjectEmitter
    {
        public static string EmitTools(ToolEnumSpec spec)
        {
            var w = new SourceWriter();
            w.OpenFile(spec.Namespace);
            w.Summary("Every tool an agent of this project can be handed: the built-in catalogue, then every other tool named in an agent file.");
            w.GeneratedCodeAttribute();
            w.Open(spec.Accessibility + " enum " + GeneratedNames.ToolEnum);
            foreach (ToolRef t in spec.Tools)
            {
                w.Summary("<c>" + CSharp.XmlText(t.Name) + "</c>");
                w.Line("[" + TypeRefs.ToolNameAttribute + "(" + CSharp.AttributeLiteral(t.Name) + ")]");
                w.Line(CSharp.Identifier(t.Member) + ",");
            }

            w.Close();
            w.Line();
            w.Summary("Conversions between <see cref=\"AgentTool\"/> and tool names.");
            w.GeneratedCodeAttribute();
            w.Open(spec.Accessibility + " static class " + GeneratedNames.ToolsClass);
            w.Line("private static readonly string[] s_names = " + CSharp.StringArray(Names(spec)) + ";");
            w.Line("private static readonly " + TypeRefs.Dictionary + "<string, AgentTool> s_byName = CreateIndex();");
            w.Line();
            // The agent classes' constructors pass these two fields to AgentDefinitionBase<AgentTool>:
            // a method group there would be a delegate conversion, with its cache, per agent class.
            w.Summary("<see cref=\"ToToolName\"/> as a delegate, for the agent classes' constructors.");
            w.Line("internal static readonly " + TypeRefs.Func + "<AgentTool, string> " + TypeRefs.NameOfTool + " = ToToolName;");
            w.Summary("<see cref=\"TryParse\"/> as a delegate, for the agent classes' constructors.");
            w.Line("internal static readonly " + TypeRefs.AgentToolParser + "<AgentTool> " + TypeRefs.ParseTool + " = TryParse;");
            w.Line();
            w.Open("private static " + TypeRefs.Dictionary + "<string, AgentTool> CreateIndex()");
            w.Line("var index = new " + TypeRefs.Dictionary + "<string, AgentTool>(s_names.Length, " + TypeRefs.StringComparerOrdinal + ");");
            w.Line("for (int i = 0; i < s_names.Length; i++) index[s_names[i]] = (AgentTool)i;");
            w.Line("return index;");
            w.Close();
            w.Line();
            w.Summary("The tool's name as agent files write it, e.g. <c>mcp__context7__resolve-library-id</c>.");
            w.Open("public static string " + GeneratedNames.ToToolName + "(this AgentTool tool)");
            w.Line("int index = (int)tool;");
            w.Line("return index >= 0 && index < s_names.Length ? s_names[index] : tool.ToString();");
            w.Close();
            w.Line();
            w.Summary("Parses a tool name (permission specifier and legacy aliases allowed, e.g. <c>Bash(git:*)</c>, <c>Task</c>).");
            w.Open("public static bool " + GeneratedNames.TryParse + "(string toolName, out AgentTool tool)");
            // A dictionary, not a switch: a string switch with thousands of cases takes the compiler minutes.
            w.Line("string name = " + TypeRefs.AgentToolRules + ".Canonicalize(toolName ?? string.Empty);");
            w.Line("return s_byName.TryGetValue(name, out tool);");
            w.Close();
            w.Line();
            // The ToAgentTool of an agent whose Tool enum is not the catalogue: written once here, not per agent.
            w.Summary("The <see cref=\"AgentTool\"/> member named as <paramref name=\"tool\"/>, a member of an agent's <c>Tool</c> enum.");
            w.Line("internal static AgentTool " + TypeRefs.FromToolMember + "<TTool>(TTool tool) where TTool : struct, " + TypeRefs.Enum);
            w.Line("    => ToolMembers<TTool>.Map.TryGetValue(tool, out AgentTool value) ? value : " + TypeRefs.ThrowToolOutOfRange + ";");
            w.Line();
            // Enum.GetNames and Enum.Parse(Type, string) only: no Enum.GetValues(Type), which trimmed/AOT builds warn about.
            w.Summary("The members of one agent's <c>Tool</c> enum and the <see cref=\"AgentTool\"/> member of each one's name, built on first use.");
            w.Open("private static class ToolMembers<TTool> where TTool : struct, " + TypeRefs.Enum);
            w.Line("internal static readonly " + TypeRefs.Dictionary + "<TTool, AgentTool> Map = Create();");
            w.Line();
            w.Open("private static " + TypeRefs.Dictionary + "<TTool, AgentTool> Create()");
            w.Line("var map = new " + TypeRefs.Dictionary + "<TTool, AgentTool>();");
            w.Open("foreach (string name in " + TypeRefs.Enum + ".GetNames(typeof(TTool)))");
            w.Open("if (" + TypeRefs.Enum + ".IsDefined(typeof(AgentTool), name))");
            w.Line("map[(TTool)" + TypeRefs.Enum + ".Parse(typeof(TTool), name)] = (AgentTool)" + TypeRefs.Enum + ".Parse(typeof(AgentTool), name);");
            w.Close();
            w.Close();
            w.Line();
            w.Line("return map;");
            w.Close();
            w.Close();
            w.Close();
            if (spec.Catalogue.Count > 0)
            {
                w.Line();
                EmitAllToolsBase(w, spec);
            }

            return w.CloseFile();
        }

        /// <summary>
        /// The base of every agent whose <c>Tool</c> enum is the whole catalogue (it inherits every
        /// tool and disallows none): that enum and <c>ToAgentTool</c>, declared once for the project
        /// instead of in each such agent class (docs/performance.md, "What the generated code costs
        /// to compile"). Its constructor passes the project's tool conversions and forwards the rest.
        /// </summary>
        private static void EmitAllToolsBase(SourceWriter w, ToolEnumSpec spec)
        {
            w.Summary("The base of the agents that may use every tool of the catalogue: their <c>Tool</c> enum and <c>ToAgentTool</c>, declared once.");
            w.GeneratedCodeAttribute();
            w.Open(spec.Accessibility + " abstract class " + GeneratedNames.AllToolsBase + " : " + TypeRefs.AgentDefinitionBase + "<AgentTool>");
            var parameters = new List<string>(BaseParameters.Length);
            var arguments = new List<string>(BaseParameters.Length + 2) { GeneratedNames.ToolsClass + "." + TypeRefs.NameOfTool, GeneratedNames.ToolsClass + "." + TypeRefs.ParseTool };
            foreach (BaseParameter p in BaseParameters)
            {
                parameters.Add(p.Type + " " + p.Name + (p.Optional ? " = null" : string.Empty));
                arguments.Add(p.Name);
            }

            w.Line("private protected " + GeneratedNames.AllToolsBase + "(" + string.Join(", ", parameters) + ")");
            w.Line("    : base(" + string.Join(", ", arguments) + ")");
            w.OpenBrace();
            w.Close();
            w.Line();
            // The constructor of an agent that sets no optional field (unknown fields aside): its call
            // binds no default argument. The one above leaves the compiler 19 defaults (8 of them
            // nullable structs) to bind, lower and emit in every agent that calls it: 18 KB of the
            // compiler's allocation per agent, and 0.1-0.2 ms with the bodies taken out (compile probe,
            // 200 agents; docs/performance.md, "What the generated code costs to compile").
            w.Summary("For an agent that sets no optional field but unknown ones (<paramref name=\"metadata\"/>).");
            w.Line("private protected " + GeneratedNames.AllToolsBase + "(string name, string description, string? model, string instructions, string[]? metadata = null)");
            w.Line("    : base(" + GeneratedNames.ToolsClass + "." + TypeRefs.NameOfTool + ", " + GeneratedNames.ToolsClass + "." + TypeRefs.ParseTool + ", name, description, model, instructions, true, metadata: metadata)");
            w.OpenBrace();
            w.Close();
            w.Line();
            w.Summary("The tools these agents may use: the catalogue.");
            w.Open("public enum " + GeneratedNames.AgentToolEnum);
            AgentEmitter.WriteToolMembers(w, spec.Catalogue);
            w.Close();
            w.Line();
            AgentEmitter.WriteToAgentTool(w, GeneratedNames.ToolEnum);
            w.Close();
        }

        private readonly record struct BaseParameter(string Type, string Name, bool Optional = true);

        /// <summary>
        /// The parameters of <c>AgentDefinitionBase&lt;TTool&gt;</c>'s constructor after the two tool
        /// conversions, in order; an optional one defaults to null. A parameter added there must be
        /// added here (ThinAgentClassTests.The_shared_base_forwards_every_parameter_of_AgentDefinitionBase compares the two).
        /// </summary>
        private static readonly BaseParameter[] BaseParameters =
        {
            new("string", "name", Optional: false),
            new("string", "description", Optional: false),
            new("string?", "model", Optional: false),
            new("string", "instructions", Optional: false),
            new("bool", "inheritsAllTools", Optional: false),
            new("string[]?", "toolNames"),
            new("string[]?", "disallowedToolNames"),
            new("string[]?", "metadata"),
            new(TypeRefs.AgentColor + "?", "color"),
            new(TypeRefs.AgentPermissionMode + "?", "permissionMode"),
            new("int?", "maxTurns"),
            new("string[]?", "skills"),
            new("string[]?", "mcpServers"),
            new("string?", "hooks"),
            new(TypeRefs.AgentMemoryScope + "?", "memory"),
            new("bool?", "background"),
            new("bool?", "omitClaudeMd"),
            new(TypeRefs.AgentEffort + "?", "effort"),
            new(TypeRefs.AgentIsolation + "?", "isolation"),
            new("string?", "initialPrompt"),
            new("string?", "experimental"),
            new("string[]?", "agentTypes"),
            new("string?", "mcpServerEntries"),
            new("string?", "hooksJson"),
        };

        private static IEnumerable<string> Names(ToolEnumSpec spec)
        {
            foreach (ToolRef t in spec.Tools)
            {
                yield return t.Name;
            }
        }

        public static string EmitCatalog(CatalogSpec spec)
        {
            string ns = "global::" + CSharp.QualifiedName(spec.Namespace);
            var w = new SourceWriter();
            w.OpenFile(spec.Namespace);
            w.Summary("Every agent defined in this project.");
            w.GeneratedCodeAttribute();
            w.Open(spec.Accessibility + " static class " + CatalogMembers.ClassName);

            // Class names are unique; property names (class names without "Agent") need not be:
            // "agent" and "agent-agent" both want "Agent". Agent classes are referenced fully
            // qualified, so a property named like another agent's class cannot capture the name.
            var used = new HashSet<string>(CatalogMembers.Reserved, System.StringComparer.Ordinal);
            var all = new List<string>();
            var names = new List<string>();
            foreach (CatalogEntry e in spec.Agents)
            {
                string property = e.PropertyName;
                if (!used.Add(property))
                {
                    property = e.ClassName;
                    for (int i = 2; !used.Add(property); i++)
                    {
                        property = e.ClassName + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }
                }

                string type = ns + "." + CSharp.Identifier(e.ClassName);
                w.Summary("The <c>" + CSharp.XmlText(e.Name) + "</c> agent.");
                w.Line("public static " + type + " " + CSharp.Identifier(property) + " => " + type + ".Instance;");
                w.Line();
                all.Add(type + ".Instance");
                names.Add(e.Name);
            }

            const string byName = TypeRefs.Dictionary + "<string, " + TypeRefs.IAgentDefinition + ">";
            w.Line("private static readonly " + TypeRefs.IAgentDefinition + "[] s_all = new " + TypeRefs.IAgentDefinition + "[] { " + string.Join(", ", all) + " };");
            w.Line("private static readonly string[] s_names = " + CSharp.StringArray(names) + ";");
            w.Line("private static readonly " + byName + " s_byName = " + CatalogMembers.CreateIndex + "();");
            w.Line();
            w.Summary("Every agent, ordered by name.");
            w.Line("public static " + TypeRefs.ReadOnlyList + "<" + TypeRefs.IAgentDefinition + "> " + CatalogMembers.All + " { get; } = " + TypeRefs.Array + ".AsReadOnly(s_all);");
            w.Line();
            w.Open("private static " + byName + " " + CatalogMembers.CreateIndex + "()");
            w.Line("var index = new " + byName + "(s_names.Length, " + TypeRefs.StringComparerOrdinal + ");");
            w.Line("for (int i = 0; i < s_names.Length; i++) index[s_names[i]] = s_all[i];");
            w.Line("return index;");
            w.Close();
            w.Line();
            w.Summary("Finds the agent with this <c>name</c>.");
            w.Open("public static bool " + CatalogMembers.TryGet + "(string name, out " + TypeRefs.IAgentDefinition + " agent)");
            w.Line(TypeRefs.IAgentDefinition + "? found = null;");
            w.Line("bool ok = name != null && s_byName.TryGetValue(name, out found);");
            w.Line("agent = found!;");
            w.Line("return ok;");
            w.Close();
            w.Line();
            w.Summary("The agent with this <c>name</c>; throws <see cref=\"" + TypeRefs.KeyNotFoundException + "\"/> naming close matches when there is none.");
            w.Open("public static " + TypeRefs.IAgentDefinition + " " + CatalogMembers.Get + "(string name)");
            w.Line("if (" + CatalogMembers.TryGet + "(name, out " + TypeRefs.IAgentDefinition + " agent)) return agent;");
            w.Line("throw " + TypeRefs.AgentLookup + ".NotFound(name, s_names);");
            w.Close();
            EmitMcpServers(w, spec.McpServers);
            return w.CloseFile();
        }

        /// <summary>
        /// <c>AgentCatalog.McpServers</c>: the project's <c>.mcp.json</c> servers, ordered by name; nothing when there are
        /// none (no <c>.mcp.json</c>, or one without a valid entry). Names are arbitrary JSON strings: each is written as a
        /// C# string literal (<see cref="CSharp.Literal"/>) and never in a comment.
        /// </summary>
        private static void EmitMcpServers(SourceWriter w, EquatableArray<Generator.McpServerSpec> servers)
        {
            if (servers.IsEmpty)
            {
                return;
            }

            var items = new List<string>(servers.Count);
            foreach (Generator.McpServerSpec server in servers)
            {
                items.Add("new " + TypeRefs.McpServerInfo + "(" + CSharp.Literal(server.Name) + ", " + CSharp.Literal(server.Transport) + ")");
            }

            w.Line();
            w.Summary("The MCP servers configured in the project's <c>.mcp.json</c> (name and transport), ordered by name.");
            w.Line("public static " + TypeRefs.ReadOnlyList + "<" + TypeRefs.McpServerInfo + "> " + CatalogMembers.McpServers + " { get; } = " + TypeRefs.Array + ".AsReadOnly(new " + TypeRefs.McpServerInfo + "[] { " + string.Join(", ", items) + " });");
        }

        public static string EmitMessage(MessageSpec spec)
        {
            var w = new SourceWriter();
            w.OpenFile(spec.Namespace);
            for (int r = 0; r < spec.Records.Count; r++)
            {
                RecordSpec record = spec.Records[r];
                if (r > 0)
                {
                    w.Line();
                }

                if (record.RequestType is not null)
                {
                    w.Summary("The payload of the <c>" + CSharp.XmlText(record.RequestType) + "</c> request, as documented in " + CSharp.XmlText(string.Join(", ", spec.SourceFiles)) + ".");
                }
                else
                {
                    w.Summary("Part of the <c>" + CSharp.XmlText(spec.RequestType) + "</c> payload.");
                }

                w.GeneratedCodeAttribute();
                string header = spec.Accessibility + " sealed partial record " + CSharp.Identifier(record.TypeName) + "(";
                if (record.Properties.IsEmpty)
                {
                    header += ")";
                    w.Line(header + (record.RequestType is null ? string.Empty : " : " + TypeRefs.IAgentPayload));
                }
                else
                {
                    w.Line(header);
                    for (int i = 0; i < record.Properties.Count; i++)
                    {
                        RecordProperty p = record.Properties[i];
                        string attribute = spec.JsonAttributes ? "[property: " + TypeRefs.JsonPropertyNameAttribute + "(" + CSharp.AttributeLiteral(p.JsonName) + ")] " : string.Empty;
                        string end = i == record.Properties.Count - 1 ? ")" + (record.RequestType is null ? string.Empty : " : " + TypeRefs.IAgentPayload) : ",";
                        w.Line("    " + attribute + p.TypeSyntax + " " + CSharp.Identifier(p.PropertyName) + end);
                    }
                }

                w.OpenBrace();
                if (record.RequestType is not null)
                {
                    w.Summary("The <c>request_type</c> of this message.");
                    w.Line("public const string RequestType = " + CSharp.Literal(record.RequestType) + ";");
                    w.Line();
                    w.Line("string " + TypeRefs.IAgentPayload + ".RequestType => RequestType;");
                }

                w.Close();
            }

            return w.CloseFile();
        }
    }
}
