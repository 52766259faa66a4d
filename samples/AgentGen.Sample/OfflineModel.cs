using System.Runtime.CompilerServices;
using AgentGen;
using Microsoft.Extensions.AI;

namespace Inkwell;

/// <summary>
/// A scripted, offline stand-in for Claude: it recognises the agent by its instructions and plays a fixed part,
/// one step per tool result it has seen. No network; used when ANTHROPIC_API_KEY is not set.
/// </summary>
internal sealed class OfflineModel(IAgentDefinition lead, IAgentDefinition reviewer) : IChatClient
{
    private int _calls;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(Respond(messages.ToList(), options));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (ChatResponseUpdate update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private ChatResponse Respond(List<ChatMessage> messages, ChatOptions? options)
    {
        var results = messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        string instructions = options?.Instructions ?? "";
        if (instructions.Contains(lead.Instructions.Trim(), StringComparison.Ordinal))
        {
            return results.Count switch
            {
                0 => Call("Read", ("path", "src/Checkout/BasketService.cs")),
                1 => Call("Agent",
                    ("subagent_type", "code-reviewer"),
                    ("description", "Review basket totals"),
                    ("prompt", "Review src/Checkout/BasketService.cs. Focus on how the basket total is computed and rounded.")),
                // The lead applies the fix; in `default` mode the edit is asked, and the app answers.
                2 => Call("Edit", ("file_path", "src/Checkout/BasketService.cs"), ("old_string", "double total = 0;"), ("new_string", "decimal total = 0m;")),
                _ => Say("Changed BasketService to decimal. The code-reviewer's verdict: " + results[1].Result),
            };
        }

        if (instructions.Contains(reviewer.Instructions.Trim(), StringComparison.Ordinal))
        {
            return results.Count switch
            {
                0 => Call("Read", ("path", "src/Checkout/BasketService.cs")),
                1 => Call("Grep", ("pattern", "double")),
                // The reviewer oversteps: its file says it never edits. The runtime refuses the call.
                2 => Call("Edit", ("file_path", "src/Checkout/BasketService.cs"), ("old_string", "double"), ("new_string", "decimal")),
                _ => Say("request changes. blocker: BasketService.Total adds prices as double (line 7); use decimal."),
            };
        }

        return Say("(the offline model has no part for this agent)");
    }

    private ChatResponse Call(string tool, params (string Name, object? Value)[] arguments)
        => new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_" + ++_calls, tool, arguments.ToDictionary(a => a.Name, a => a.Value))]));

    private static ChatResponse Say(string text) => new(new ChatMessage(ChatRole.Assistant, text));

    private static string Last(List<FunctionResultContent> results) => results[^1].Result?.ToString() ?? "";

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
