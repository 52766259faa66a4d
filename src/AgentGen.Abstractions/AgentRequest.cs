using System;
using System.Text.Json.Serialization;

namespace AgentGen
{
    /// <summary>A protocol message payload generated from a ```json example in an agent file.</summary>
    public interface IAgentPayload
    {
        /// <summary>The message's <c>request_type</c>.</summary>
        string RequestType { get; }
    }

    /// <summary>The envelope agents exchange: <c>requesting_agent</c>, <c>request_type</c>, <c>payload</c>.</summary>
    public sealed record AgentRequest<TPayload>(
        [property: JsonPropertyName("requesting_agent")] string RequestingAgent,
        [property: JsonPropertyName("request_type")] string RequestType,
        [property: JsonPropertyName("payload")] TPayload Payload)
        where TPayload : IAgentPayload;

    /// <summary>Builds <see cref="AgentRequest{TPayload}"/> envelopes.</summary>
    public static class AgentRequest
    {
        /// <summary>An envelope from <paramref name="from"/> carrying <paramref name="payload"/>.</summary>
        public static AgentRequest<TPayload> Create<TPayload>(IAgentDefinition from, TPayload payload)
            where TPayload : IAgentPayload
        {
            if (from is null)
            {
                throw new ArgumentNullException(nameof(from));
            }

            if (payload is null)
            {
                throw new ArgumentNullException(nameof(payload));
            }

            return new AgentRequest<TPayload>(from.Name, payload.RequestType, payload);
        }
    }
}
