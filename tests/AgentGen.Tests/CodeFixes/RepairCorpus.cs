using System.Text;

namespace AgentGen.Tests.CodeFixes;

/// <summary>
/// Broken agent files in the shapes found in public collections (text written for these tests),
/// each with the description its author meant, written out in full.
/// </summary>
public static class RepairCorpus
{
    public sealed record Shape(string Name, string Text, string Description);

    private const string Q = "\"";

    public static readonly Shape[] Shapes =
    [
        new("one-line-colon",
            "---\nname: invoice-auditor\ndescription: Checks supplier invoices before payment. Use when: a PDF invoice arrives\ntools: Read, Grep\n---\nAudit invoices.\n",
            "Checks supplier invoices before payment. Use when: a PDF invoice arrives"),

        // The case the old quote fix truncated: it quoted up to ' #' and left the rest as a comment.
        new("hash-in-value",
            "---\nname: launch-planner\ndescription: Plans app launches. Use when: the team wants to reach #1 on the App Store! Covers pricing, screenshots and the press kit.\nmodel: sonnet\n---\nPlan launches.\n",
            "Plans app launches. Use when: the team wants to reach #1 on the App Store! Covers pricing, screenshots and the press kit."),

        new("dialogue-with-commentary",
            "---\nname: migration-planner\ndescription: Use this agent to plan schema migrations. Examples:\n\n<example>\nContext: The team adds a required column to a busy table.\nuser: " + Q + "Add a non-null region column to orders" + Q + "\nassistant: " + Q + "I'll ask migration-planner to stage it in three steps" + Q + "\n<commentary>\nA busy table needs a staged migration: add nullable, backfill, then constrain.\n</commentary>\n</example>\nmodel: sonnet\n---\nPlan migrations.\n",
            "Use this agent to plan schema migrations. Examples:\n\n<example>\nContext: The team adds a required column to a busy table.\nuser: \"Add a non-null region column to orders\"\nassistant: \"I'll ask migration-planner to stage it in three steps\"\n<commentary>\nA busy table needs a staged migration: add nullable, backfill, then constrain.\n</commentary>\n</example>"),

        new("indented-dialogue",
            "---\nname: flake-hunter\ndescription: Use this agent when a flaky test needs triage.\n  <example>\n  user: \"CI failed on the retry test again\"\n  assistant: \"Launching flake-hunter to bisect the runs\"\n  </example>\ntools: Read, Bash\n---\nHunt flakes.\n",
            "Use this agent when a flaky test needs triage.\n<example>\nuser: \"CI failed on the retry test again\"\nassistant: \"Launching flake-hunter to bisect the runs\"\n</example>"),

        new("literal-newline-escapes",
            "---\nname: notes-writer\ndescription: Use this agent for release notes.\\n\\n<example>\\nuser: \"Draft notes for v2.3\"\\nassistant: \"Collecting the merged pull requests\"\\n</example>\ntools: Read\n---\nWrite notes.\n",
            "Use this agent for release notes.\n\n<example>\nuser: \"Draft notes for v2.3\"\nassistant: \"Collecting the merged pull requests\"\n</example>"),

        new("text-after-closing-quote",
            "---\nname: pr-reviewer\ndescription: \"Reviews pull requests\" for style, safety and naming\ntools: Read, Grep\n---\nReview.\n",
            "\"Reviews pull requests\" for style, safety and naming"),

        new("quotes-inside-quotes",
            "---\nname: api-explainer\ndescription: \"Explains what \"idempotent\" means for our payment API\"\n---\nExplain.\n",
            "Explains what \"idempotent\" means for our payment API"),

        new("repeated-speaker-fields",
            "---\nname: ticket-router\ndescription: Routes support tickets to the right team.\nuser: \"My invoice total is wrong\"\nassistant: \"Sending this to billing\"\nuser: \"I cannot log in\"\nassistant: \"Sending this to identity\"\nmodel: haiku\n---\nRoute.\n",
            "Routes support tickets to the right team.\nuser: \"My invoice total is wrong\"\nassistant: \"Sending this to billing\"\nuser: \"I cannot log in\"\nassistant: \"Sending this to identity\""),

        new("prose-continuation",
            "---\nname: changelog-writer\ndescription: Writes changelog entries from merged pull requests\nand groups them by area (api, ui, build).\ntools: Read\n---\nWrite.\n",
            "Writes changelog entries from merged pull requests\nand groups them by area (api, ui, build)."),

        new("quoted-first-line-then-examples",
            "---\nname: deploy-doctor\ndescription: \"Use this agent when: deploys fail\"\n<example>\nuser: \"The deploy to staging hung\"\nassistant: \"Running deploy-doctor on the last job\"\n</example>\ncolor: red\n---\nDiagnose.\n",
            "Use this agent when: deploys fail\n<example>\nuser: \"The deploy to staging hung\"\nassistant: \"Running deploy-doctor on the last job\"\n</example>"),

        new("crlf-dialogue",
            "---\r\nname: cost-watcher\r\ndescription: Watches cloud spend. Examples:\r\n<example>\r\nuser: \"Why did the bill double?\"\r\nassistant: \"Checking the cost report\"\r\n</example>\r\ntools: Read\r\n---\r\nWatch.\r\n",
            "Watches cloud spend. Examples:\n<example>\nuser: \"Why did the bill double?\"\nassistant: \"Checking the cost report\"\n</example>"),

        new("tab-and-non-ascii",
            "---\nname: cv-parser\ndescription: Résumé parser — use when: a CV arrives\t(PDF or DOCX); 日本語 too 🙂 \\d+ C:\\cv\n---\nParse.\n",
            "Résumé parser — use when: a CV arrives\t(PDF or DOCX); 日本語 too 🙂 \\d+ C:\\cv"),

        new("broken-block-scalar",
            "---\nname: log-auditor\ndescription: |\n  Use this agent to audit logs.\n<example>\nuser: \"Any errors overnight?\"\n</example>\nmodel: haiku\n---\nAudit.\n",
            "Use this agent to audit logs.\n<example>\nuser: \"Any errors overnight?\"\n</example>\n"),

        new("two-broken-fields",
            "---\nname: git-guide\ndescription: Teaches git. Use when: a rebase goes wrong #help\ninitialPrompt: Start with: git status and git log\ntools: Bash\n---\nGuide.\n",
            "Teaches git. Use when: a rebase goes wrong #help"),

        // Issue 27: one long line of JSON-style \n escapes ("Examples:\n" ends a word in ':' next to an
        // escape), continued by dialogue lines at column 0 that look like fields and hold ': '.
        new("escaped-dialogue-run-on",
            "---\nname: review-digest\ndescription: Use this agent when the week's store reviews need a digest. Examples:\\n\\n<example>\\nContext: Friday triage of store reviews\nuser: " + Q + "Forty new reviews came in since Monday" + Q + "\\nassistant: " + Q + "I'll sort them into themes: crashes, pricing, onboarding" + Q + "\\n<commentary>\\nMany reviews at once call for grouping first.\\n</commentary>\\n</example>\ncolor: orange\ntools: Read, Write, Grep, WebFetch, MultiEdit\n---\nDigest reviews.\n",
            "Use this agent when the week's store reviews need a digest. Examples:\n\n<example>\nContext: Friday triage of store reviews\nuser: \"Forty new reviews came in since Monday\"\nassistant: \"I'll sort them into themes: crashes, pricing, onboarding\"\n<commentary>\nMany reviews at once call for grouping first.\n</commentary>\n</example>"),

        new("markdown-bullets",
            "---\nname: style-checker\ndescription: Checks C# style. It looks at:\n- naming of async methods\n- nullable warnings left behind\ntools: Read, Grep\n---\nCheck.\n",
            "Checks C# style. It looks at:\n- naming of async methods\n- nullable warnings left behind"),

        // Unique dialogue labels after a value that ends in ':': no prose line, no repeated name.
        new("dialogue-after-colon",
            "---\nname: billing-helper\ndescription: Answers billing questions. Examples:\nuser: " + Q + "Why was I charged twice?" + Q + "\nassistant: " + Q + "Checking the ledger: one refund is pending" + Q + "\nmodel: haiku\n---\nHelp.\n",
            "Answers billing questions. Examples:\nuser: \"Why was I charged twice?\"\nassistant: \"Checking the ledger: one refund is pending\""),

        .. EscapedRunOnMutations(),
    ];

    /// <summary>The author's text of the issue-27 shape, one line per entry (line 0 ends in ':' before an escape).</summary>
    private static string[] DigestLines =>
    [
        "Use this agent when the week's store reviews need a digest. Examples:",
        "",
        "<example>",
        "Context: Friday triage of store reviews",
        "user: \"Forty new reviews came in since Monday\"",
        "assistant: \"I'll sort them into themes: crashes, pricing, onboarding\"",
        "<commentary>",
        "Many reviews at once call for grouping first.",
        "</commentary>",
        "</example>",
    ];

    /// <summary>
    /// A description written as one JSON-style string (<c>\n</c> for each line break) that an editor
    /// broke into real lines before the lines listed in <paramref name="realBreaks"/> (indented by
    /// <paramref name="indent"/>); <paramref name="encode"/> writes each line's text.
    /// </summary>
    private static string Pasted(string name, string[] lines, int[] realBreaks, Func<string, string> encode, string indent = "", string newline = "\n")
    {
        var sb = new StringBuilder("---" + newline + "name: " + name + newline + "description: ");
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(realBreaks.Contains(i) ? newline + indent : "\\n");
            }

            sb.Append(encode(lines[i]));
        }

        return sb.Append(newline + "color: orange" + newline + "tools: Read, Write, Grep" + newline + "---" + newline + "Digest reviews." + newline).ToString();
    }

    private static string Json(string line) => line.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t").Replace("\u2014", "\\u2014").Replace("/", "\\/");

    /// <summary>The issue-27 shape per continuation-line kind (where the real line break falls) and per escape kind.</summary>
    private static IEnumerable<Shape> EscapedRunOnMutations()
    {
        string digest = string.Join("\n", DigestLines);
        string Plain(string l) => l;

        // Continuation-line kinds: the first real line starts with each label, a tag, prose, an indented label, several labels.
        yield return new("escaped-run-on-assistant-first", Pasted("digest-a", DigestLines, [5], Plain), digest);
        yield return new("escaped-run-on-context-first", Pasted("digest-b", DigestLines, [3], Plain), digest);
        yield return new("escaped-run-on-every-label", Pasted("digest-c", DigestLines, [3, 4, 5], Plain), digest);
        yield return new("escaped-run-on-tag-line", Pasted("digest-d", DigestLines, [6], Plain), digest);
        yield return new("escaped-run-on-prose-line", Pasted("digest-e", DigestLines, [7], Plain), digest);
        yield return new("escaped-run-on-indented-label", Pasted("digest-f", DigestLines, [4], Plain, indent: "  "), digest);
        yield return new("escaped-run-on-colon-at-break", Pasted("digest-g", DigestLines, [1, 4], Plain), digest);
        yield return new("escaped-run-on-crlf", Pasted("digest-h", DigestLines, [4], Plain, newline: "\r\n"), digest);

        // Escape kinds: \" for the quotes, \t, \u2014, \\ and \/ (all JSON): decoded; a '\d' that starts no JSON escape: every backslash kept.
        string[] rich = (string[])DigestLines.Clone();
        rich[7] = "Many reviews\tat once — call for grouping first (C:\\reviews, a/b).";
        yield return new("escaped-run-on-json-escapes", Pasted("digest-i", rich, [4], Json), string.Join("\n", rich));
        string[] regex = (string[])DigestLines.Clone();
        regex[7] = "Match ratings with \\d+ stars.";
        yield return new("escaped-run-on-not-json", Pasted("digest-j", regex, [4], Plain), string.Join("\\n", regex[..4]) + "\n" + string.Join("\\n", regex[4..]));
    }
}
