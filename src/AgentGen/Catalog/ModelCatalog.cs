using System;

namespace AgentGen.Catalog
{
    /// <summary>
    /// What <c>model</c> may hold (<see cref="ToolCatalog.AsOf"/>). The sub-agents page says a full
    /// id "accepts the same values as the <c>--model</c> flag" (2.1.74 changelog: "agents now accept
    /// the same model values as --model"); the model-config page lists those values: aliases
    /// (<c>default</c>, <c>best</c>, <c>sonnet[1m]</c>, <c>opus[1m]</c>, <c>opusplan</c>...), full
    /// names and provider ids (Bedrock inference profiles and ARNs, Vertex <c>name@date</c>, Foundry).
    /// </summary>
    internal static class ModelCatalog
    {
        /// <summary>The aliases the sub-agents page lists for the field.</summary>
        public static readonly string[] Aliases = { "sonnet", "opus", "haiku", "fable", "inherit" };

        /// <summary>Further <c>--model</c> aliases (model-config page); each may also carry a <c>[1m]</c> suffix.</summary>
        private static readonly string[] FlagAliases = { "default", "best", "opusplan" };

        /// <summary>
        /// Current full ids named by the docs and changelog, used only for "did you mean"
        /// suggestions. Retired ids are left out on purpose: Opus 4 and 4.1 were removed from the
        /// first-party API in 2.1.68, and Claude Code stopped suggesting claude-sonnet-4-20250514 in
        /// 2.1.142.
        /// </summary>
        public static readonly string[] ExampleIds =
        {
            "claude-opus-5-5", "claude-sonnet-5-5", "claude-haiku-5-5", "claude-opus-5",
            "claude-sonnet-5", "claude-fable-5", "claude-opus-4-8", "claude-haiku-4-5",
        };

        private static readonly string[] Families = { "sonnet", "opus", "haiku", "fable", "mythos" };

        public static bool IsKnown(string model)
        {
            if (model is null)
            {
                return false;
            }

            string core = StripContextSuffix(model);
            foreach (string alias in Aliases)
            {
                if (string.Equals(alias, core, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (string alias in FlagAliases)
            {
                if (string.Equals(alias, core, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return IsFullId(model) || IsProviderId(model);
        }

        /// <summary>A full model id: <c>claude-</c> followed by lowercase letters, digits, dots, hyphens, naming a model family (an optional <c>[1m]</c>-style suffix is allowed).</summary>
        public static bool IsFullId(string model)
        {
            string core = StripContextSuffix(model);
            if (!core.StartsWith("claude-", StringComparison.Ordinal) || core.Length <= 7)
            {
                return false;
            }

            for (int i = 7; i < core.Length; i++)
            {
                char c = core[i];
                if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '.'))
                {
                    return false;
                }
            }

            return NamesFamily(core);
        }

        /// <summary>
        /// A cloud provider's id of a Claude model: Bedrock (<c>us.anthropic.claude-...-v1:0</c>,
        /// <c>global.anthropic...</c>, <c>anthropic.claude-...</c>, or an ARN
        /// <c>arn:aws:bedrock:...</c>), Vertex (<c>claude-...@20250805</c>).
        /// </summary>
        public static bool IsProviderId(string model)
        {
            string core = StripContextSuffix(model);
            if (core.Length == 0 || core.Length > 512)
            {
                return false;
            }

            foreach (char c in core)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '.' or ':' or '@' or '/' or '_'))
                {
                    return false;
                }
            }

            if (core.StartsWith("arn:", StringComparison.Ordinal))
            {
                return core.IndexOf(":bedrock:", StringComparison.Ordinal) > 0;
            }

            int at = core.IndexOf('@');
            if (at > 0)
            {
                return IsFullId(core.Substring(0, at)); // Vertex: claude-opus-4-8@20260101
            }

            int anthropic = core.IndexOf("anthropic.claude-", StringComparison.Ordinal);
            return anthropic >= 0 && NamesFamily(core.Substring(anthropic));
        }

        private static bool NamesFamily(string id)
        {
            foreach (string family in Families)
            {
                if (id.IndexOf(family, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>opus[1m]</c> becomes <c>opus</c>; anything else is returned as is.</summary>
        private static string StripContextSuffix(string model)
        {
            int bracket = model.IndexOf('[');
            return bracket > 0 && model.EndsWith("]", StringComparison.Ordinal) && model.IndexOf('[', bracket + 1) < 0
                ? model.Substring(0, bracket)
                : model;
        }
    }
}
