namespace AgentGen.Tests.Analyzers;

/// <summary>Builds agent-file text line by line, so every test states its exact lines and line endings.</summary>
internal static class AgentText
{
    /// <summary>The lines joined with LF, plus a final LF.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>A complete, valid agent file whose frontmatter holds <paramref name="fields"/> after name and description.</summary>
    public static string Agent(string name, params string[] fields)
    {
        var lines = new List<string> { "---", "name: " + name, "description: Does one careful thing." };
        lines.AddRange(fields);
        lines.Add("---");
        lines.Add("Body text.");
        return Lines(lines.ToArray());
    }
}
