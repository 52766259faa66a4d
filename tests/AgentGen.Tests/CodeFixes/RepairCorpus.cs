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

        new("markdown-bullets",
            "---\nname: style-checker\ndescription: Checks C# style. It looks at:\n- naming of async methods\n- nullable warnings left behind\ntools: Read, Grep\n---\nCheck.\n",
            "Checks C# style. It looks at:\n- naming of async methods\n- nullable warnings left behind"),
    ];
}
