namespace AgentGen.Generator
{
    /// <summary>Names of the pipeline steps, for incrementality tests (WithTrackingName); docs/architecture.md lists each with its record.</summary>
    internal static class TrackingNames
    {
        public const string Options = nameof(Options);
        public const string JsonAvailable = nameof(JsonAvailable);
        public const string CSharp9 = nameof(CSharp9);
        public const string Sources = nameof(Sources);
        public const string KnownTools = nameof(KnownTools);
        public const string Parse = nameof(Parse);
        public const string RepeatedPaths = nameof(RepeatedPaths);
        public const string PlanInputs = nameof(PlanInputs);
        public const string Winners = nameof(Winners);
        public const string TextLengths = nameof(TextLengths);
        public const string TextBudget = nameof(TextBudget);
        public const string Project = nameof(Project);
        public const string AgentView = nameof(AgentView);
        public const string AgentSpecs = nameof(AgentSpecs);
        public const string AgentSources = nameof(AgentSources);
        public const string MessageView = nameof(MessageView);
        public const string MessageSpecs = nameof(MessageSpecs);
        public const string RepeatedFiles = nameof(RepeatedFiles);
        public const string ToolEnum = nameof(ToolEnum);
        public const string CatalogSpec = nameof(CatalogSpec);
        public const string Catalog = nameof(Catalog);
        public const string McpConfig = nameof(McpConfig);
        public const string McpServers = nameof(McpServers);
        public const string ProjectFailures = nameof(ProjectFailures);
        public const string IsExternalInit = nameof(IsExternalInit);
        public const string HasMessages = nameof(HasMessages);
    }
}
