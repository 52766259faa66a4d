using System;

namespace AgentGen.AI
{
    /// <summary>
    /// Maps an agent file's <c>model</c> to the model id of the provider behind an <see cref="Microsoft.Extensions.AI.IChatClient"/>.
    /// </summary>
    /// <remarks>
    /// Claude Code's sub-agent docs name the aliases <c>sonnet</c>, <c>opus</c>, <c>haiku</c> and <c>fable</c>, plus
    /// <c>inherit</c> (use the main conversation's model); any other value is a full model id, passed on as written.
    /// An alias whose property is <see langword="null"/> resolves to <see langword="null"/>: the client's default model.
    /// </remarks>
    public sealed class AgentModelMap
    {
        /// <summary>The provider id used for <c>model: sonnet</c>.</summary>
        public string? Sonnet { get; set; }

        /// <summary>The provider id used for <c>model: opus</c> (and <c>opusplan</c>).</summary>
        public string? Opus { get; set; }

        /// <summary>The provider id used for <c>model: haiku</c>.</summary>
        public string? Haiku { get; set; }

        /// <summary>The provider id used for <c>model: fable</c>.</summary>
        public string? Fable { get; set; }

        /// <summary>
        /// The provider model id for <paramref name="model"/>: <see langword="null"/> (the client's default) for an absent
        /// value, <c>inherit</c> or <c>default</c>; the mapped id for an alias (a <c>[1m]</c>-style suffix is ignored);
        /// the value itself for anything else (a full id such as <c>claude-opus-5-5</c>).
        /// </summary>
        public string? Resolve(string? model)
        {
            if (model is null)
            {
                return null;
            }

            string value = model.Trim();
            if (value.Length == 0)
            {
                return null;
            }

            // `sonnet[1m]` / `opus[1m]` (Claude Code's --model aliases): the context-size suffix is a Claude Code
            // setting, not part of a provider id.
            int bracket = value.IndexOf('[');
            string alias = bracket > 0 ? value.Substring(0, bracket) : value;
            switch (alias.ToLowerInvariant())
            {
                case "inherit":
                case "default":
                    return null;
                case "sonnet":
                    return Sonnet;
                case "opus":
                case "opusplan":
                    return Opus;
                case "haiku":
                    return Haiku;
                case "fable":
                    return Fable;
                default:
                    return value;
            }
        }
    }
}
