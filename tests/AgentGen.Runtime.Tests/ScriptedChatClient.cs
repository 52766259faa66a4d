using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentGen.Runtime.Tests;

/// <summary>
/// An offline model: each request is answered by the next step scripted for the agent whose instructions the request
/// carries. Records every request (messages and offered tools) so tests can see what the model saw.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Dictionary<string, Queue<Func<IReadOnlyList<ChatMessage>, ChatResponse>>> _scripts = new();
    private readonly object _gate = new();

    public List<Request> Requests { get; } = new();

    public sealed record Request(string Agent, IReadOnlyList<ChatMessage> Messages, IReadOnlyList<string> OfferedTools, ChatOptions? Options);

    /// <summary>Adds a step for the agent whose instructions are <paramref name="instructions"/>.</summary>
    public ScriptedChatClient On(IAgentDefinition agent, Func<IReadOnlyList<ChatMessage>, ChatResponse> step)
    {
        lock (_gate)
        {
            if (!_scripts.TryGetValue(agent.Instructions, out var queue))
            {
                _scripts[agent.Instructions] = queue = new();
            }

            _names[agent.Instructions] = agent.Name;

            queue.Enqueue(step);
        }

        return this;
    }

    public ScriptedChatClient Calls(IAgentDefinition agent, string tool, object? arguments = null, string? callId = null)
        => On(agent, _ => Call(tool, arguments, callId));

    public ScriptedChatClient Says(IAgentDefinition agent, string text)
        => On(agent, _ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));

    public static ChatResponse Call(string tool, object? arguments = null, string? callId = null)
    {
        var args = arguments is null
            ? new Dictionary<string, object?>()
            : arguments.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(arguments));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId ?? "call-" + Guid.NewGuid().ToString("N")[..8], tool, args)]));
    }

    public IEnumerable<Request> RequestsOf(IAgentDefinition agent) => Requests.Where(r => r.Agent == agent.Name);

    /// <summary>The tool result the model was sent for its call <paramref name="callId"/>.</summary>
    public FunctionResultContent ResultOf(string callId)
    {
        lock (_gate)
        {
            return Requests.SelectMany(r => r.Messages).SelectMany(m => m.Contents).OfType<FunctionResultContent>().First(r => r.CallId == callId);
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => Task.FromResult(Next(messages, options));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatResponse response = Next(messages, options);
        foreach (ChatResponseUpdate update in response.ToChatResponseUpdates())
        {
            await Task.Yield();
            yield return update;
        }
    }

    private ChatResponse Next(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages.ToList();
        string instructions = options?.Instructions ?? "";
        lock (_gate)
        {
            var match = _scripts.Keys.Where(k => instructions.Contains(k.Trim())).OrderByDescending(k => k.Length).FirstOrDefault();
            string agent = match is null ? "(unknown)" : AgentNameFor(match);
            Requests.Add(new Request(agent, list, options?.Tools?.Select(t => t.Name).ToList() ?? [], options));
            if (match is null || !_scripts[match].TryDequeue(out var step))
            {
                throw new InvalidOperationException($"No scripted step left for agent {agent} (instructions: {instructions[..Math.Min(60, instructions.Length)]}).");
            }

            return step(list);
        }
    }

    private readonly Dictionary<string, string> _names = new();

    private string AgentNameFor(string instructions) => _names.TryGetValue(instructions, out var n) ? n : "(unnamed)";

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
