using System.Collections.Generic;
using System.Globalization;
using AgentGen.Model;

namespace AgentGen.Emit
{
    /// <summary>Emits one agent class (contract §2) from its spec.</summary>
    internal static class AgentEmitter
    {
        /// <summary>The project's base of agents whose Tool enum is the whole catalogue (generated with AgentTool).</summary>
        public const string AllToolsBase = "AllToolsAgentDefinition";

        /// <summary>The fields of the generated AgentTools holding ToToolName and TryParse as delegates.</summary>
        public const string NameOfTool = "NameOfTool";

        /// <inheritdoc cref="NameOfTool"/>
        public const string ParseTool = "ParseTool";

        public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"AgentGen\", \"" + ThisAssembly.Version + "\")]";

        /// <summary>
        /// The agent class: its data, passed to <c>global::AgentGen.AgentDefinitionBase</c> (which
        /// implements everything every agent has in common, once), and the members that depend on
        /// the project's <c>AgentTool</c> enum. Kept small on purpose: the compiler binds this once
        /// per agent, on every build and every IDE semantic-model rebuild (docs/performance.md).
        /// </summary>
        public static string Emit(AgentSpec spec)
        {
            AgentFileModel a = spec.Agent;
            string cls = CSharp.Identifier(spec.ClassName);
            // AgentTool and AgentTools unqualified: the class is declared in their namespace, and no
            // member of it or of its bases can take those names (agent data names only the nested
            // Tool enum's members, and AgentTool/AgentTools are never agent class names: those end in "Agent").
            const string agentTool = "AgentTool";

            // The body is most of the output: size the writer once (escapes add a little).
            var w = new CodeWriter(4096 + a.Instructions.Length + (a.Instructions.Length >> 3) + (a.Description.Length * 3) + (spec.AllowedEnumMembers.Count * 40));
            Header(w);
            w.Open("namespace " + CSharp.QualifiedName(spec.Namespace));
            CSharp.WriteSummary(w, a.Description);
            // The agent file's path is the attribute's SourceFile (no <remarks> repeating it: every byte here is compiled per agent).
            w.Line(GeneratedCode);
            // Named arguments only where they differ from the attribute's defaults (empty lists, false).
            w.Line("[global::AgentGen.AgentDefinition(" + CSharp.AttributeLiteral(a.Name)
                + (a.Tools.Count == 0 ? string.Empty : ", Tools = " + StringArray(a.Tools, attribute: true))
                + (a.DisallowedTools.Count == 0 ? string.Empty : ", DisallowedTools = " + StringArray(a.DisallowedTools, attribute: true))
                + (a.InheritsAllTools ? ", InheritsAllTools = true" : string.Empty)
                + (a.Optional.Memory is null ? string.Empty : ", Memory = " + CSharp.AttributeLiteral(a.Optional.Memory))
                + ", SourceFile = " + CSharp.AttributeLiteral(spec.SourceFile) + ")]");
            // Everything but the data, the nested Tool enum and ToAgentTool is inherited (Tools,
            // Allows and EnsureAllowed of AgentTool from the generic base, the rest from AgentDefinitionBase).
            // An agent whose Tool enum is the whole catalogue inherits it, and ToAgentTool, from the
            // project's AllToolsAgentDefinition (declared once, in AgentTool.g.cs).
            w.Open(spec.Accessibility + " sealed partial class " + cls + " : " + (spec.SharesCatalogue ? AllToolsBase : "global::AgentGen.AgentDefinitionBase<" + agentTool + ">"));
            w.Line("public const string AgentName = " + CSharp.Literal(a.Name) + ";");
            w.Line("public static " + cls + " Instance { get; } = new " + cls + "();");
            w.Line();
            WriteConstructor(w, cls, spec);
            if (!spec.SharesCatalogue)
            {
                w.Line();
                Doc(w, "One member per tool this agent may use.");
                w.Open("public enum Tool");
                WriteToolMembers(w, spec);
                w.Close();
                w.Line();
                WriteToAgentTool(w, agentTool, spec);
            }

            w.Close();
            w.Close();
            return w.ToString();
        }

        /// <summary>
        /// The private constructor: the file's values as arguments of the base constructor, the
        /// description and the body each on a line of its own; optional fields (named arguments) only
        /// when the file sets them.
        /// </summary>
        private static void WriteConstructor(CodeWriter w, string cls, AgentSpec spec)
        {
            AgentFileModel a = spec.Agent;
            AgentOptionalFields o = a.Optional;
            var named = new List<string>();
            if (a.Tools.Count > 0)
            {
                named.Add("toolNames: " + StringArray(a.Tools));
            }

            if (a.DisallowedTools.Count > 0)
            {
                named.Add("disallowedToolNames: " + StringArray(a.DisallowedTools));
            }

            if (!a.Metadata.IsEmpty)
            {
                var pairs = new List<string>();
                foreach (Common.KeyValue kv in a.Metadata)
                {
                    pairs.Add(kv.Key);
                    pairs.Add(kv.Value);
                }

                named.Add("metadata: " + StringArray(pairs));
            }

            AddEnum(named, "color", "global::AgentGen.AgentColor", o.Color);
            AddEnum(named, "permissionMode", "global::AgentGen.AgentPermissionMode", o.PermissionMode);
            if (o.MaxTurns is int maxTurns)
            {
                named.Add("maxTurns: " + maxTurns.ToString(CultureInfo.InvariantCulture));
            }

            if (o.Skills is { } skills)
            {
                named.Add("skills: " + StringArray(skills));
            }

            if (o.McpServers is { } servers)
            {
                named.Add("mcpServers: " + StringArray(servers));
            }

            AddString(named, "hooks", o.Hooks);
            AddEnum(named, "memory", "global::AgentGen.AgentMemoryScope", o.Memory);
            AddBool(named, "background", o.Background);
            AddBool(named, "omitClaudeMd", o.OmitClaudeMd);
            AddEnum(named, "effort", "global::AgentGen.AgentEffort", o.Effort);
            AddEnum(named, "isolation", "global::AgentGen.AgentIsolation", o.Isolation);
            AddString(named, "initialPrompt", o.InitialPrompt);
            AddString(named, "experimental", o.Experimental);

            w.Line("private " + cls + "() : base(");
            // The tool conversions as the delegates AgentTools holds (no conversion, no delegate cache per class).
            w.Line(spec.SharesCatalogue ? "    AgentName," : "    AgentTools." + NameOfTool + ", AgentTools." + ParseTool + ", AgentName,");
            w.LineWithLiteral("    ", a.Description, ",");
            w.Line("    " + CSharp.Literal(a.Model) + ",");
            w.LineWithLiteral("    ", a.Instructions, ",");
            named.Insert(0, "inheritsAllTools: " + Bool(a.InheritsAllTools));
            w.Line("    " + string.Join(", ", named) + ")");
            w.Line("{");
            w.Line("}");
        }

        /// <summary>
        /// The nested Tool enum's members, each valued as its AgentTool member. A member whose name
        /// is not its tool's name (an MCP tool) says the tool's name; the others need no comment, so
        /// an agent that inherits every tool lists the catalogue compactly, several members a line.
        /// </summary>
        private static void WriteToolMembers(CodeWriter w, AgentSpec spec)
        {
            var line = new System.Text.StringBuilder();
            foreach (ToolRef t in spec.AllowedEnumMembers)
            {
                string member = CSharp.Identifier(t.Member) + ",";
                if (!string.Equals(t.Name, t.Member, System.StringComparison.Ordinal))
                {
                    if (line.Length > 0)
                    {
                        w.Line(line.ToString());
                        line.Clear();
                    }

                    Doc(w, "The <c>" + CSharp.XmlText(t.Name) + "</c> tool.");
                    w.Line(member);
                    continue;
                }

                if (line.Length > 0 && line.Length + member.Length > 110)
                {
                    w.Line(line.ToString());
                    line.Clear();
                }

                line.Append(line.Length == 0 ? string.Empty : " ").Append(member);
            }

            if (line.Length > 0)
            {
                w.Line(line.ToString());
            }
        }

        /// <summary>
        /// ToAgentTool. The Tool members keep their declaration order and values 0, 1, ... (what
        /// <c>Enum.GetNames</c> and the contract show). When member i is AgentTool member i (an
        /// agent that inherits the whole catalogue and disallows none of it, the common large case)
        /// the conversion is a cast; otherwise the AgentTool enum itself is the table: each Tool
        /// member is named as its AgentTool member.
        /// </summary>
        private static void WriteToAgentTool(CodeWriter w, string agentTool, AgentSpec spec)
        {
            Doc(w, "The <see cref=\"AgentTool\"/> of one of this agent's tools.");
            string outOfRange = "throw new global::System.ArgumentOutOfRangeException(nameof(tool))";
            w.Line(spec.ToolValuesMatch
                ? "public static " + agentTool + " ToAgentTool(Tool tool) => (uint)tool < " + spec.AllowedEnumMembers.Count.ToString(CultureInfo.InvariantCulture) + "u ? (" + agentTool + ")(int)tool : " + outOfRange + ";"
                : "public static " + agentTool + " ToAgentTool(Tool tool) => global::System.Enum.IsDefined(typeof(Tool), tool) ? (" + agentTool + ")global::System.Enum.Parse(typeof(" + agentTool + "), tool.ToString()) : " + outOfRange + ";");
        }

        private static void AddEnum(List<string> named, string parameter, string type, string? value)
        {
            if (value is not null)
            {
                named.Add(parameter + ": " + Enum(type, value));
            }
        }

        private static void AddString(List<string> named, string parameter, string? value)
        {
            if (value is not null)
            {
                named.Add(parameter + ": " + CSharp.Literal(value));
            }
        }

        private static void AddBool(List<string> named, string parameter, bool? value)
        {
            if (value is not null)
            {
                named.Add(parameter + ": " + Bool(value.Value));
            }
        }

        internal static void Header(CodeWriter w)
        {
            w.Line("// <auto-generated/>");
            w.Line("// Generated by AgentGen " + ThisAssembly.Version + ". Do not edit: change the agent file instead.");
            w.Line("#nullable enable");
            w.Line("#pragma warning disable CS1591, CS0618");
            w.Line();
        }

        internal static void Doc(CodeWriter w, string xml, bool raw = false)
        {
            if (raw)
            {
                w.Line("/// " + xml);
            }
            else
            {
                w.Line("/// <summary>" + xml + "</summary>");
            }
        }

        internal static string Bool(bool b) => b ? "true" : "false";

        internal static string StringArray(IEnumerable<string> items, bool attribute = false)
        {
            var parts = new List<string>();
            foreach (string s in items)
            {
                parts.Add(attribute ? CSharp.AttributeLiteral(s) : CSharp.Literal(s));
            }

            return parts.Count == 0 ? "new string[0]" : "new string[] { " + string.Join(", ", parts) + " }";
        }

        private static string Enum(string type, string? value)
        {
            if (value is null)
            {
                return "null";
            }

            string member = value == "xhigh" ? "XHigh" : char.ToUpperInvariant(value[0]) + value.Substring(1);
            return type + "." + member;
        }
    }
}
