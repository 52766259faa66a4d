using System.Collections.Generic;
using System.Globalization;
using AgentGen.Model;

namespace AgentGen.Emit
{
    /// <summary>Emits one agent class (README.md, "Quick start") from its spec.</summary>
    internal static class AgentEmitter
    {
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
            const string agentTool = GeneratedNames.ToolEnum;

            // The body is most of the output: size the writer once (escapes add a little).
            var w = new SourceWriter(4096 + a.Body.Length + (a.Body.Length >> 3) + (a.Description.Length * 3) + (spec.SharesCatalogue ? 0 : spec.AllowedEnumMembers.Count * 40));
            w.OpenFile(spec.Namespace);
            CSharp.WriteSummary(w, a.Description);
            // The agent file's path is the attribute's SourceFile (no <remarks> repeating it: every byte here is compiled per agent).
            w.GeneratedCodeAttribute();
            // Named arguments only where they differ from the attribute's defaults (empty lists, false).
            w.Line("[" + TypeRefs.AgentDefinitionAttribute + "(" + CSharp.AttributeLiteral(a.Name)
                + (a.Tools.Count == 0 ? string.Empty : ", " + GeneratedNames.AgentDefinitionProperties.Tools + " = " + CSharp.StringArray(a.Tools, attribute: true))
                + (a.DisallowedTools.Count == 0 ? string.Empty : ", " + GeneratedNames.AgentDefinitionProperties.DisallowedTools + " = " + CSharp.StringArray(a.DisallowedTools, attribute: true))
                + (a.InheritsAllTools ? ", " + GeneratedNames.AgentDefinitionProperties.InheritsAllTools + " = true" : string.Empty)
                + (a.Optional.Memory is null ? string.Empty : ", " + GeneratedNames.AgentDefinitionProperties.Memory + " = " + CSharp.AttributeLiteral(a.Optional.Memory))
                + ", " + GeneratedNames.AgentDefinitionProperties.SourceFile + " = " + CSharp.AttributeLiteral(spec.SourceFile) + ")]");
            // Everything but the data, the nested Tool enum and ToAgentTool is inherited (Tools,
            // Allows and EnsureAllowed of AgentTool from the generic base, the rest from AgentDefinitionBase).
            // An agent whose Tool enum is the whole catalogue inherits that enum and ToAgentTool from the
            // project's AllToolsAgentDefinition (declared once, in AgentTool.g.cs): XAgent.Tool.Read still
            // binds (CONTRACT §2 lets Tool be inherited), and the compiler binds one catalogue enum, not one per agent.
            string baseType = spec.SharesCatalogue ? GeneratedNames.AllToolsBase : TypeRefs.AgentDefinitionBase + "<" + agentTool + ">";
            w.Open(spec.Accessibility + " sealed partial class " + cls + " : " + baseType);
            w.Line("public const string " + GeneratedNames.AgentName + " = " + CSharp.Literal(a.Name) + ";");
            w.Line("public static " + cls + " " + GeneratedNames.Instance + " { get; } = new();");
            w.Line();
            WriteConstructor(w, cls, spec);
            if (!spec.SharesCatalogue)
            {
                w.Line();
                w.Summary("The tools this agent may use.");
                w.Open("public enum " + GeneratedNames.AgentToolEnum);
                WriteToolMembers(w, spec.AllowedEnumMembers);
                w.Close();
                w.Line();
                WriteToAgentTool(w, agentTool);
            }

            return w.CloseFile();
        }

        /// <summary>
        /// The private constructor: the file's values as arguments of the base constructor, the
        /// description and the body each on a line of its own; optional fields (named arguments) only
        /// when the file sets them.
        /// </summary>
        private static void WriteConstructor(SourceWriter w, string cls, AgentSpec spec)
        {
            AgentFileModel a = spec.Agent;
            AgentOptionalFields o = a.Optional;
            w.Line("private " + cls + "() : base(");
            if (spec.SharesCatalogue && o.Equals(AgentOptionalFields.None))
            {
                // AllToolsAgentDefinition's short constructor: no named or default arguments to bind.
                w.Line("    " + GeneratedNames.AgentName + ",");
                w.LineWithLiteral("    ", a.Description, ",");
                w.Line("    " + CSharp.Literal(a.Model) + ",");
                w.LineWithLiteral("    ", a.Body, a.Metadata.IsEmpty ? ")" : ",");
                if (!a.Metadata.IsEmpty)
                {
                    w.Line("    " + MetadataArray(a) + ")");
                }

                w.Line("{");
                w.Line("}");
                return;
            }

            var named = new List<string>();
            if (a.Tools.Count > 0)
            {
                named.Add("toolNames: " + CSharp.StringArray(a.Tools));
            }

            if (a.DisallowedTools.Count > 0)
            {
                named.Add("disallowedToolNames: " + CSharp.StringArray(a.DisallowedTools));
            }

            if (!a.Metadata.IsEmpty)
            {
                named.Add("metadata: " + MetadataArray(a));
            }

            AddEnum(named, "color", TypeRefs.AgentColor, o.Color);
            AddEnum(named, "permissionMode", TypeRefs.AgentPermissionMode, o.PermissionMode);
            if (o.MaxTurns is int maxTurns)
            {
                named.Add("maxTurns: " + maxTurns.ToString(CultureInfo.InvariantCulture));
            }

            if (o.Skills is { } skills)
            {
                named.Add("skills: " + CSharp.StringArray(skills));
            }

            if (o.McpServers is { } servers)
            {
                named.Add("mcpServers: " + CSharp.StringArray(servers));
            }

            AddString(named, "hooks", o.Hooks);
            AddEnum(named, "memory", TypeRefs.AgentMemoryScope, o.Memory);
            AddBool(named, "background", o.Background);
            AddBool(named, "omitClaudeMd", o.OmitClaudeMd);
            AddEnum(named, "effort", TypeRefs.AgentEffort, o.Effort);
            AddEnum(named, "isolation", TypeRefs.AgentIsolation, o.Isolation);
            AddString(named, "initialPrompt", o.InitialPrompt);
            AddString(named, "experimental", o.Experimental);
            if (o.AgentTypes is { } agentTypes)
            {
                named.Add("agentTypes: " + CSharp.StringArray(agentTypes));
            }
            AddString(named, "mcpServerEntries", o.McpServerEntries);
            AddString(named, "hooksJson", o.HooksJson);

            // The tool conversions as the delegates AgentTools holds (no conversion, no delegate cache per class).
            // (AllToolsAgentDefinition passes them itself.)
            w.Line(spec.SharesCatalogue
                ? "    " + GeneratedNames.AgentName + ","
                : "    " + GeneratedNames.ToolsClass + "." + TypeRefs.NameOfTool + ", " + GeneratedNames.ToolsClass + "." + TypeRefs.ParseTool + ", " + GeneratedNames.AgentName + ",");
            w.LineWithLiteral("    ", a.Description, ",");
            w.Line("    " + CSharp.Literal(a.Model) + ",");
            w.LineWithLiteral("    ", a.Body, ",");
            named.Insert(0, "inheritsAllTools: " + CSharp.Bool(a.InheritsAllTools));
            w.Line("    " + string.Join(", ", named) + ")");
            w.Line("{");
            w.Line("}");
        }

        /// <summary>
        /// The nested Tool enum's members, each valued as its AgentTool member. A member whose name
        /// is not its tool's name (an MCP tool) says the tool's name; the others need no comment, so
        /// an agent that inherits every tool lists the catalogue compactly, several members a line.
        /// </summary>
        internal static void WriteToolMembers(SourceWriter w, Common.EquatableArray<ToolRef> members)
        {
            var line = new System.Text.StringBuilder();
            foreach (ToolRef t in members)
            {
                string member = CSharp.Identifier(t.Member) + ",";
                if (!string.Equals(t.Name, t.Member, System.StringComparison.Ordinal))
                {
                    if (line.Length > 0)
                    {
                        w.Line(line.ToString());
                        line.Clear();
                    }

                    w.Summary("The <c>" + CSharp.XmlText(t.Name) + "</c> tool.");
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
        /// ToAgentTool: one call for every agent. The Tool members keep their declaration order and
        /// values 0, 1, ... (what <c>Enum.GetNames</c> and the contract show), and each is named as
        /// its AgentTool member, so the AgentTool enum itself is the table (AgentTools.FromToolMember,
        /// written once per project, maps each agent's enum once, on first use).
        /// </summary>
        internal static void WriteToAgentTool(SourceWriter w, string agentTool)
        {
            w.Summary("The <see cref=\"AgentTool\"/> of <paramref name=\"tool\"/>.");
            w.Line("public static " + agentTool + " " + GeneratedNames.ToAgentTool + "(" + GeneratedNames.AgentToolEnum + " tool) => " + GeneratedNames.ToolsClass + "." + TypeRefs.FromToolMember + "(tool);");
        }

        /// <summary>The fields AgentGen does not model, as <c>new string[] { key, value, ... }</c>.</summary>
        private static string MetadataArray(AgentFileModel a)
        {
            var pairs = new List<string>();
            foreach (Common.KeyValue kv in a.Metadata)
            {
                pairs.Add(kv.Key);
                pairs.Add(kv.Value);
            }

            return CSharp.StringArray(pairs);
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
                named.Add(parameter + ": " + CSharp.Bool(value.Value));
            }
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
