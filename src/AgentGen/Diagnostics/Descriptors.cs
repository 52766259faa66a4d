using Microsoft.CodeAnalysis;

namespace AgentGen.Diagnostics
{
    /// <summary>Every AgentGen rule. Ids and default severities are part of the public contract.</summary>
    internal static class Descriptors
    {
        public const string FileCategory = "AgentGen.AgentFile";
        public const string CodeCategory = "AgentGen.Usage";
        public const string HelpLinkBase = ThisAssembly.HelpLinkBase; // AgentGenRepositoryUrl in Directory.Build.props

        public static readonly DiagnosticDescriptor NoFrontmatter = Create(
            "AGEN001", "Agent file has no frontmatter",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidYaml = Create(
            "AGEN002", "Frontmatter is not valid YAML",
            "The frontmatter is not valid YAML: {0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor MissingRequiredField = Create(
            "AGEN003", "Required field missing or empty",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor InvalidName = Create(
            "AGEN004", "Agent name that Claude Code skips",
            "The agent name '{0}' {1}: Claude Code skips this file", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor NameNotKebabCase = Create(
            "AGEN005", "Agent name is not lowercase kebab-case",
            "The agent name '{0}' should use only lowercase letters, digits and hyphens{1}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DuplicateName = Create(
            "AGEN006", "Two agent files declare the same name",
            "The agent name '{0}' is also declared in '{1}'", DiagnosticSeverity.Error, compilationEnd: true);

        public static readonly DiagnosticDescriptor UnknownTool = Create(
            "AGEN007", "Unknown tool",
            "Unknown tool '{0}'{1}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ToolSpecifierIgnored = Create(
            "AGEN008", "Permission specifier ignored in tools",
            "The specifier in '{0}' is ignored in an agent's {1}: the whole '{2}' tool is {3}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor LegacyTool = Create(
            "AGEN009", "Legacy or renamed tool",
            "'{0}' {1}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor DuplicateTool = Create(
            "AGEN010", "Tool listed twice",
            "The tool '{0}' is listed more than once in {1}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor EmptyTools = Create(
            "AGEN011", "Agent has no tools",
            "'tools' is empty: Claude Code launches the agent without any tool (remove the field to inherit every tool)", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor ToolAllowedAndDisallowed = Create(
            "AGEN012", "Tool both allowed and disallowed",
            "The tool '{0}' is in both 'tools' and 'disallowedTools'; 'disallowedTools' wins", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownModel = Create(
            "AGEN013", "Unknown model",
            "Unknown model '{0}'{1}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor MisspelledField = Create(
            "AGEN014", "Unknown field that looks like a known one",
            "Unknown field '{0}': did you mean '{1}'? {2}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownField = Create(
            "AGEN015", "Unknown field kept as metadata",
            "Unknown field '{0}' {1} and kept in Metadata", DiagnosticSeverity.Info);

        public static readonly DiagnosticDescriptor InvalidFieldValue = Create(
            "AGEN016", "Field value of the wrong type or outside its allowed set",
            "{0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InvalidJsonBlock = Create(
            "AGEN017", "Invalid JSON in a json block",
            "This ```json block is not valid JSON: {0}", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnknownRequestingAgent = Create(
            "AGEN018", "Message names an agent that is not defined",
            "'requesting_agent' names '{0}', which is not an agent of this project{1}", DiagnosticSeverity.Info, compilationEnd: true);

        public static readonly DiagnosticDescriptor PayloadConflict = Create(
            "AGEN019", "Incompatible payload shapes for one request type",
            "The payload of request type '{0}' {1}", DiagnosticSeverity.Warning, compilationEnd: true);

        public static readonly DiagnosticDescriptor TypeNameCollision = Create(
            "AGEN020", "Two agents or messages map to the same C# type name",
            "{0} maps to the C# type name '{1}', which {2} also maps to; {3}", DiagnosticSeverity.Error, compilationEnd: true);

        public static readonly DiagnosticDescriptor LimitExceeded = Create(
            "AGEN021", "Agent file exceeds a processing limit",
            "{0}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnknownSkill = Create(
            "AGEN022", "Skill not found in the project",
            "No skill of this project is named '{0}'{1}", DiagnosticSeverity.Warning, compilationEnd: true);

        public static readonly DiagnosticDescriptor NamesMatchAsOne = Create(
            "AGEN024", "Agent names Claude Code matches as one",
            "The agent names '{0}' and '{1}' (in '{2}') differ only in case or in spaces, '-' and '_'; Claude Code matches a subagent's name without them, so asking for one may start the other", DiagnosticSeverity.Warning, compilationEnd: true);

        public static readonly DiagnosticDescriptor InvalidMcpConfig = Create(
            "AGEN025", "Invalid MCP server configuration",
            "{0}; Claude Code skips {1}", DiagnosticSeverity.Error);

        public static readonly DiagnosticDescriptor UnknownMcpServerTool = Create(
            "AGEN026", "MCP tool of a server that is not configured",
            "'{0}' names the MCP server '{1}', which is configured neither in .mcp.json nor in this agent's mcpServers{2}; Claude Code launches the agent without it", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UnusableMcpServerEntry = Create(
            "AGEN027", "mcpServers entry that Claude Code cannot start",
            "{0}; Claude Code runs the agent without this server", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor InternalError = Create(
            "AGEN099", "AgentGen could not process a file",
            "AgentGen could not process this file ({0}); no code was generated for it. Please report this.", DiagnosticSeverity.Warning);

        public static readonly DiagnosticDescriptor UndeclaredTool = Create(
            "AGEN100", "Tool not allowed for the agent",
            "Agent '{0}' does not allow tool '{1}'{2}", DiagnosticSeverity.Error, CodeCategory);

        public static readonly DiagnosticDescriptor UnknownAgentName = Create(
            "AGEN101", "No agent has this name",
            "No agent is named '{0}'{1}", DiagnosticSeverity.Error, CodeCategory);

        public static readonly DiagnosticDescriptor UnknownToolName = Create(
            "AGEN102", "Unknown tool name",
            "No known tool is named '{0}'{1}", DiagnosticSeverity.Warning, CodeCategory);

        /// <summary>
        /// AGEN021 as the cross-file rules report it at compilation end (the project's text budget);
        /// the per-file limits are reported with <see cref="LimitExceeded"/> as the file is analyzed.
        /// </summary>
        public static readonly DiagnosticDescriptor LimitExceededAtEnd = AtCompilationEnd(LimitExceeded);

        /// <summary>AGEN099 as reported at compilation end (a failure in the cross-file rules or in reading the agents' attributes).</summary>
        public static readonly DiagnosticDescriptor InternalErrorAtEnd = AtCompilationEnd(InternalError);

        /// <summary>
        /// The descriptor to report <paramref name="descriptor"/>'s rule with from a compilation end
        /// action: itself when only compilation end reports it, else its twin carrying
        /// <see cref="WellKnownDiagnosticTags.CompilationEnd"/>, which tells the IDE that such a
        /// diagnostic comes only from a whole-compilation analysis, not from analyzing an open file.
        /// </summary>
        public static DiagnosticDescriptor ForCompilationEnd(DiagnosticDescriptor descriptor)
        {
            if (ReferenceEquals(descriptor, LimitExceeded))
            {
                return LimitExceededAtEnd;
            }

            return ReferenceEquals(descriptor, InternalError) ? InternalErrorAtEnd : descriptor;
        }

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string category = FileCategory, bool compilationEnd = false)
            => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md", customTags: compilationEnd ? new[] { WellKnownDiagnosticTags.CompilationEnd } : System.Array.Empty<string>());

        private static DiagnosticDescriptor AtCompilationEnd(DiagnosticDescriptor d)
            => new(d.Id, d.Title, d.MessageFormat, d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, d.HelpLinkUri, WellKnownDiagnosticTags.CompilationEnd);
    }
}
