using System.Text.Json;
using AgentGen;
using Inkwell.Agents;

Console.WriteLine($"Inkwell Books has {AgentCatalog.All.Count} agents:");
Console.WriteLine();
foreach (IAgentDefinition agent in AgentCatalog.All)
{
    Console.WriteLine($"  {agent.Name}");
    Console.WriteLine($"    model: {agent.Model ?? "(default)"}");
    Console.WriteLine($"    tools: {(agent.InheritsAllTools ? "all tools" : string.Join(", ", agent.ToolNames))}"
        + (agent.DisallowedToolNames.Count > 0 ? $" (never: {string.Join(", ", agent.DisallowedToolNames)})" : ""));
    Console.WriteLine($"    {agent.Description.ReplaceLineEndings(" ")}");
    Console.WriteLine();
}

// Typed agents and permission checks: the compiler knows what each agent may use.
SolutionArchitectAgent architect = AgentCatalog.SolutionArchitect;
architect.EnsureAllowed(AgentTool.McpContext7ResolveLibraryId);
Console.WriteLine($"solution-architect may use WebFetch: {architect.Allows(AgentTool.WebFetch)}");
Console.WriteLine($"code-reviewer may use Edit: {AgentCatalog.CodeReviewer.Allows("Edit")}");
Console.WriteLine($"release-manager may use mcp__github__create_release: {AgentCatalog.ReleaseManager.Allows("mcp__github__create_release")}");
Console.WriteLine($"docs-writer ({AgentCatalog.DocsWriter.PermissionMode}, max {AgentCatalog.DocsWriter.MaxTurns} turns) inherits all tools: {AgentCatalog.DocsWriter.InheritsAllTools}");
try
{
    // Passing the constant AgentTool.WebFetch here would be a compile-time error (AGEN100);
    // a value only known at run time is checked at run time.
    AgentTool requested = Enum.Parse<AgentTool>(args.Length > 0 ? args[0] : "WebFetch");
    AgentCatalog.CodeReviewer.EnsureAllowed(requested);
}
catch (ToolNotAllowedException ex)
{
    Console.WriteLine($"refused: {ex.Message}");
}

// A protocol message, typed from the ```json example in solution-architect.md.
var request = AgentRequest.Create(architect, new DraftReferencePagePayload(
    SourceNote: "docs/architecture/notes/0051-wishlists.md",
    Audience: "shop owners",
    MaxWords: 800,
    IncludeDiagrams: false,
    Sections: ["overview", "how to share a wishlist"],
    Style: new DraftReferencePagePayloadStyle(Tone: "friendly", CodeLanguage: "none")));
string json = JsonSerializer.Serialize(request);
Console.WriteLine();
Console.WriteLine($"message: {json}");
var parsed = JsonSerializer.Deserialize<AgentRequest<DraftReferencePagePayload>>(json)!;
Console.WriteLine($"parsed back: {parsed.RequestType} from {parsed.RequestingAgent}, {parsed.Payload.Sections.Count} sections, tone {parsed.Payload.Style.Tone}");

await Inkwell.TeamDemo.RunAsync();
await Inkwell.McpDemo.RunAsync();
