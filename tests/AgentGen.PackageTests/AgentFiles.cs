namespace AgentGen.PackageTests;

/// <summary>Small agent files of our own for the consumer projects (a fictional billing team).</summary>
internal static class AgentFiles
{
    /// <summary>Declared tools, a model, a color and one protocol message.</summary>
    public const string InvoiceChecker = """
        ---
        name: invoice-checker
        description: Compares supplier invoices with purchase orders and reports every mismatch.
        tools: Read, Grep, Glob
        model: haiku
        color: cyan
        ---
        # Invoice Checker

        You compare each invoice line with the matching purchase order line and report any
        difference in quantity, unit price or tax rate.

        ## Communication Protocol

        ```json
        {
          "requesting_agent": "invoice-checker",
          "request_type": "report_mismatch",
          "payload": {
            "invoice_id": "INV-2031",
            "line_numbers": [2, 5],
            "amount_difference": 12.5,
            "needs_review": true
          }
        }
        ```
        """;

    /// <summary>No <c>tools</c> (inherits all), <c>disallowedTools</c>, an unknown field kept as metadata.</summary>
    public const string LedgerClerk = """
        ---
        name: ledger-clerk
        description: Posts approved journal entries to the general ledger.
        disallowedTools: Bash, WebFetch
        model: sonnet
        maxTurns: 12
        team: finance
        ---
        You post journal entries that a controller has approved. Never delete an entry; reverse it.
        """;

    /// <summary>An MCP tool and a full model id.</summary>
    public const string PaymentScheduler = """
        ---
        name: payment-scheduler
        description: Schedules supplier payments so that early-payment discounts are not missed.
        tools: Read, Write, WebFetch, mcp__bank__list_transfers
        model: claude-opus-4-20250514
        ---
        You plan outgoing payments for the next two weeks and list the ones that need approval.
        """;

    /// <summary>A minimal valid agent with the given name and tools.</summary>
    public static string Simple(string name, string tools, string description = "Helps with one small task.")
        => $"""
            ---
            name: {name}
            description: {description}
            tools: {tools}
            ---
            You help with one small task at a time.
            """;
}
