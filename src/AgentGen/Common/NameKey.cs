namespace AgentGen.Common
{
    /// <summary>
    /// A name as compared without case, spaces, '-' and '_': how a misspelt field is matched to a
    /// known one (<c>max_turns</c>, <c>Max-Turns</c> -> <c>maxTurns</c>: AGEN014) and how Claude Code
    /// 2.1.140+ matches a subagent's name (AGEN024).
    /// </summary>
    internal static class NameKey
    {
        public static string Of(string name)
        {
            var chars = new char[name.Length];
            int n = 0;
            foreach (char c in name)
            {
                if (c != '_' && c != '-' && c != ' ')
                {
                    chars[n++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, n);
        }
    }
}
