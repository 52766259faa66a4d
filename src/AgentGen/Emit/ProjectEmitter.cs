using System.Collections.Generic;
using AgentGen.Model;

namespace AgentGen.Emit
{
    /// <summary>Emits the once-per-project types (contract §3) and the message records (§4).</summary>
    internal static class ProjectEmitter
    {
        public static string EmitTools(ToolEnumSpec spec)
        {
            var w = new CodeWriter();
            AgentEmitter.Header(w);
            w.Open("namespace " + CSharp.QualifiedName(spec.Namespace));
            AgentEmitter.Doc(w, "Every tool an agent of this project can be handed: the built-in catalogue, then every other tool named in an agent file.");
            w.Line(AgentEmitter.GeneratedCode);
            w.Open(spec.Accessibility + " enum AgentTool");
            foreach (ToolRef t in spec.Tools)
            {
                AgentEmitter.Doc(w, "<c>" + CSharp.XmlText(t.Name) + "</c>");
                w.Line("[global::AgentGen.ToolName(" + CSharp.AttributeLiteral(t.Name) + ")]");
                w.Line(CSharp.Identifier(t.Member) + ",");
            }

            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "Conversions between <see cref=\"AgentTool\"/> and tool names.");
            w.Line(AgentEmitter.GeneratedCode);
            w.Open(spec.Accessibility + " static class AgentTools");
            w.Line("private static readonly string[] s_names = " + AgentEmitter.StringArray(Names(spec)) + ";");
            w.Line("private static readonly global::System.Collections.Generic.Dictionary<string, AgentTool> s_byName = CreateIndex();");
            w.Line();
            // The agent classes' constructors pass these two fields to AgentDefinitionBase<AgentTool>:
            // a method group there would be a delegate conversion, with its cache, per agent class.
            AgentEmitter.Doc(w, "<see cref=\"ToToolName\"/> as a delegate, for the agent classes' constructors.");
            w.Line("internal static readonly global::System.Func<AgentTool, string> " + AgentEmitter.NameOfTool + " = ToToolName;");
            AgentEmitter.Doc(w, "<see cref=\"TryParse\"/> as a delegate, for the agent classes' constructors.");
            w.Line("internal static readonly global::AgentGen.AgentToolParser<AgentTool> " + AgentEmitter.ParseTool + " = TryParse;");
            w.Line();
            w.Open("private static global::System.Collections.Generic.Dictionary<string, AgentTool> CreateIndex()");
            w.Line("var index = new global::System.Collections.Generic.Dictionary<string, AgentTool>(s_names.Length, global::System.StringComparer.Ordinal);");
            w.Line("for (int i = 0; i < s_names.Length; i++) index[s_names[i]] = (AgentTool)i;");
            w.Line("return index;");
            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "The tool's name as agent files write it, e.g. <c>mcp__context7__resolve-library-id</c>.");
            w.Open("public static string ToToolName(this AgentTool tool)");
            w.Line("int index = (int)tool;");
            w.Line("return index >= 0 && index < s_names.Length ? s_names[index] : tool.ToString();");
            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "Parses a tool name (permission specifier and legacy aliases allowed, e.g. <c>Bash(git:*)</c>, <c>Task</c>).");
            w.Open("public static bool TryParse(string toolName, out AgentTool tool)");
            // A dictionary, not a switch: a string switch with thousands of cases takes the compiler minutes.
            w.Line("string name = global::AgentGen.AgentToolRules.Canonicalize(toolName ?? string.Empty);");
            w.Line("return s_byName.TryGetValue(name, out tool);");
            w.Close();
            w.Close();
            if (spec.CatalogueCount > 0)
            {
                w.Line();
                EmitAllToolsBase(w, spec);
            }

            w.Close();
            return w.ToString();
        }

        /// <summary>
        /// The base of every agent whose Tool enum is the whole catalogue (it inherits every tool and
        /// disallows none): that enum and ToAgentTool, declared once for the project instead of in
        /// each such agent class (docs/performance.md, "What the generated code costs to compile").
        /// The members carry their tool names, as AgentTool's do, for the analyzers.
        /// </summary>
        private static void EmitAllToolsBase(CodeWriter w, ToolEnumSpec spec)
        {
            AgentEmitter.Doc(w, "The base of the agents that may use every tool of the catalogue: their <c>Tool</c> enum, declared once.");
            w.Line(AgentEmitter.GeneratedCode);
            w.Open(spec.Accessibility + " abstract class " + AgentEmitter.AllToolsBase + " : global::AgentGen.AgentDefinitionBase<AgentTool>");
            AgentEmitter.Doc(w, "Passes an agent file's values, and this project's tool conversions, to <see cref=\"global::AgentGen.AgentDefinitionBase{TTool}\"/>.");
            var parameters = new List<string>();
            var arguments = new List<string> { "AgentTools." + AgentEmitter.NameOfTool, "AgentTools." + AgentEmitter.ParseTool };
            foreach (string[] p in BaseParameters)
            {
                parameters.Add(p[0] + " " + p[1] + (p.Length > 2 ? " = " + p[2] : string.Empty));
                arguments.Add(p[1]);
            }

            w.Line("private protected " + AgentEmitter.AllToolsBase + "(" + string.Join(", ", parameters) + ")");
            w.Line("    : base(" + string.Join(", ", arguments) + ")");
            w.OpenBrace();
            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "One member per tool these agents may use: the catalogue, member i being <see cref=\"AgentTool\"/> member i.");
            w.Open("public enum Tool");
            for (int i = 0; i < spec.CatalogueCount; i++)
            {
                ToolRef t = spec.Tools[i];
                w.Line("[global::AgentGen.ToolName(" + CSharp.AttributeLiteral(t.Name) + ")] " + CSharp.Identifier(t.Member) + ",");
            }

            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "The <see cref=\"AgentTool\"/> of one of these agents' tools.");
            w.Line("public static AgentTool ToAgentTool(Tool tool) => (uint)tool < " + spec.CatalogueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) + "u ? (AgentTool)(int)tool : throw new global::System.ArgumentOutOfRangeException(nameof(tool));");
            w.Close();
        }

        /// <summary>The parameters of <c>AgentDefinitionBase&lt;TTool&gt;</c>'s constructor after the two tool conversions: type, name, default.</summary>
        private static readonly string[][] BaseParameters =
        {
            new[] { "string", "name" },
            new[] { "string", "description" },
            new[] { "string?", "model" },
            new[] { "string", "instructions" },
            new[] { "bool", "inheritsAllTools" },
            new[] { "string[]?", "toolNames", "null" },
            new[] { "string[]?", "disallowedToolNames", "null" },
            new[] { "string[]?", "metadata", "null" },
            new[] { "global::AgentGen.AgentColor?", "color", "null" },
            new[] { "global::AgentGen.AgentPermissionMode?", "permissionMode", "null" },
            new[] { "int?", "maxTurns", "null" },
            new[] { "string[]?", "skills", "null" },
            new[] { "string[]?", "mcpServers", "null" },
            new[] { "string?", "hooks", "null" },
            new[] { "global::AgentGen.AgentMemoryScope?", "memory", "null" },
            new[] { "bool?", "background", "null" },
            new[] { "bool?", "omitClaudeMd", "null" },
            new[] { "global::AgentGen.AgentEffort?", "effort", "null" },
            new[] { "global::AgentGen.AgentIsolation?", "isolation", "null" },
            new[] { "string?", "initialPrompt", "null" },
            new[] { "string?", "experimental", "null" },
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
            var w = new CodeWriter();
            AgentEmitter.Header(w);
            w.Open("namespace " + CSharp.QualifiedName(spec.Namespace));
            AgentEmitter.Doc(w, "Every agent defined in this project.");
            w.Line(AgentEmitter.GeneratedCode);
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
                AgentEmitter.Doc(w, "The <c>" + CSharp.XmlText(e.Name) + "</c> agent.");
                w.Line("public static " + type + " " + CSharp.Identifier(property) + " => " + type + ".Instance;");
                w.Line();
                all.Add(type + ".Instance");
                names.Add(e.Name);
            }

            w.Line("private static readonly global::AgentGen.IAgentDefinition[] s_all = new global::AgentGen.IAgentDefinition[] { " + string.Join(", ", all) + " };");
            w.Line("private static readonly string[] s_names = " + AgentEmitter.StringArray(names) + ";");
            w.Line("private static readonly global::System.Collections.Generic.Dictionary<string, global::AgentGen.IAgentDefinition> s_byName = " + CatalogMembers.CreateIndex + "();");
            w.Line();
            AgentEmitter.Doc(w, "Every agent, ordered by name.");
            w.Line("public static global::System.Collections.Generic.IReadOnlyList<global::AgentGen.IAgentDefinition> " + CatalogMembers.All + " { get; } = global::System.Array.AsReadOnly(s_all);");
            w.Line();
            w.Open("private static global::System.Collections.Generic.Dictionary<string, global::AgentGen.IAgentDefinition> " + CatalogMembers.CreateIndex + "()");
            w.Line("var index = new global::System.Collections.Generic.Dictionary<string, global::AgentGen.IAgentDefinition>(s_names.Length, global::System.StringComparer.Ordinal);");
            w.Line("for (int i = 0; i < s_names.Length; i++) index[s_names[i]] = s_all[i];");
            w.Line("return index;");
            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "Finds the agent with this <c>name</c>.");
            w.Open("public static bool " + CatalogMembers.TryGet + "(string name, out global::AgentGen.IAgentDefinition agent)");
            w.Line("global::AgentGen.IAgentDefinition? found = null;");
            w.Line("bool ok = name != null && s_byName.TryGetValue(name, out found);");
            w.Line("agent = found!;");
            w.Line("return ok;");
            w.Close();
            w.Line();
            AgentEmitter.Doc(w, "The agent with this <c>name</c>; throws <see cref=\"global::System.Collections.Generic.KeyNotFoundException\"/> naming close matches when there is none.");
            w.Open("public static global::AgentGen.IAgentDefinition " + CatalogMembers.Get + "(string name)");
            w.Line("if (" + CatalogMembers.TryGet + "(name, out global::AgentGen.IAgentDefinition agent)) return agent;");
            w.Line("throw global::AgentGen.AgentLookup.NotFound(name, s_names);");
            w.Close();
            w.Close();
            w.Close();
            return w.ToString();
        }

        public static string EmitMessage(MessageSpec spec)
        {
            var w = new CodeWriter();
            AgentEmitter.Header(w);
            w.Open("namespace " + CSharp.QualifiedName(spec.Namespace));
            for (int r = 0; r < spec.Records.Count; r++)
            {
                RecordSpec record = spec.Records[r];
                if (r > 0)
                {
                    w.Line();
                }

                if (record.RequestType is not null)
                {
                    AgentEmitter.Doc(w, "The payload of the <c>" + CSharp.XmlText(record.RequestType) + "</c> request, as documented in " + CSharp.XmlText(string.Join(", ", spec.SourceFiles)) + ".");
                }
                else
                {
                    AgentEmitter.Doc(w, "Part of the <c>" + CSharp.XmlText(spec.RequestType) + "</c> payload.");
                }

                w.Line(AgentEmitter.GeneratedCode);
                string header = spec.Accessibility + " sealed partial record " + CSharp.Identifier(record.TypeName) + "(";
                if (record.Properties.IsEmpty)
                {
                    header += ")";
                    w.Line(header + (record.RequestType is null ? string.Empty : " : global::AgentGen.IAgentPayload"));
                }
                else
                {
                    w.Line(header);
                    for (int i = 0; i < record.Properties.Count; i++)
                    {
                        RecordProperty p = record.Properties[i];
                        string attribute = spec.JsonAttributes ? "[property: global::System.Text.Json.Serialization.JsonPropertyName(" + CSharp.AttributeLiteral(p.JsonName) + ")] " : string.Empty;
                        string end = i == record.Properties.Count - 1 ? ")" + (record.RequestType is null ? string.Empty : " : global::AgentGen.IAgentPayload") : ",";
                        w.Line("    " + attribute + p.TypeSyntax + " " + CSharp.Identifier(p.PropertyName) + end);
                    }
                }

                w.OpenBrace();
                if (record.RequestType is not null)
                {
                    AgentEmitter.Doc(w, "The <c>request_type</c> of this message.");
                    w.Line("public const string RequestType = " + CSharp.Literal(record.RequestType) + ";");
                    w.Line();
                    w.Line("string global::AgentGen.IAgentPayload.RequestType => RequestType;");
                }

                w.Close();
            }

            w.Close();
            return w.ToString();
        }
    }
}
