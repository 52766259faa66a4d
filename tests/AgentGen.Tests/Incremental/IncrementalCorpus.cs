using System.Globalization;

namespace AgentGen.Tests.Incremental;

/// <summary>Agent files for the incrementality tests: a small team whose members message each other.</summary>
internal static class IncrementalCorpus
{
    public static string FileName(int i) => "worker-" + Two(i) + ".md";

    public static string Name(int i) => "worker-" + Two(i);

    public static string ClassName(int i) => "Worker" + Two(i) + "Agent";

    /// <summary>
    /// Agent <paramref name="i"/> of <paramref name="count"/>: MCP tools, an unknown field, a body
    /// with a list and one protocol message sent to the next agent. Every third agent inherits all tools.
    /// </summary>
    public static string Agent(int i, int count, string note = "Keep the notes short.")
    {
        string tools = i % 3 == 0 ? string.Empty : "tools: Read, Grep, mcp__ledger__lookup, mcp__ledger__post-entry\n";
        return "---\n"
            + "name: " + Name(i) + "\n"
            + "description: Reconciles ledger batch " + Two(i) + " and reports the differences it finds.\n"
            + tools
            + "model: sonnet\n"
            + "team_lane: lane-" + (i % 4).ToString(CultureInfo.InvariantCulture) + "\n"
            + "---\n\n"
            + "# Worker " + Two(i) + "\n\n"
            + "You reconcile one batch of the ledger.\n\n"
            + "## Steps\n\n"
            + "- read the batch\n"
            + "- compare every entry with the bank export\n"
            + "- " + note + "\n\n"
            + "## Communication Protocol\n\n"
            + "```json\n"
            + "{ \"requesting_agent\": \"" + Name((i + 1) % count) + "\", \"request_type\": \"check_batch_" + Two(i) + "\",\n"
            + "  \"payload\": { \"batch_id\": 12, \"label\": \"march\", \"strict\": true } }\n"
            + "```\n";
    }

    public static string LargeFileName(int i) => "zz-large-" + Two(i) + ".md";

    public static string LargeClassName(int i) => "ZzLarge" + Two(i) + "Agent";

    /// <summary>
    /// A large agent (sorting after the workers): a body of about 1,030,000 chars, just under the
    /// parser's file limit. Three fit in AGEN021's project budget (4 M chars of literals), a fourth does not.
    /// <paramref name="lines"/> shortens the body.
    /// </summary>
    public static string LargeAgent(int i, int lines = 15_800)
    {
        var body = new System.Text.StringBuilder("---\nname: zz-large-" + Two(i) + "\ndescription: Keeps the long reference notes of lane " + Two(i) + ".\n---\n\n");
        for (int line = 0; line < lines; line++)
        {
            body.Append("Reference line ").Append(line.ToString("D5", CultureInfo.InvariantCulture)).Append(": every entry is checked against the export.\n");
        }

        return body.ToString();
    }

    private static string Two(int i) => i.ToString("D2", CultureInfo.InvariantCulture);
}
